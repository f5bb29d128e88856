import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import type { JsonObject } from '@backstage/config';
import request from 'supertest';
import { kubevelaPlugin } from '../plugin';

// GET /api/kubevela/platform on a real backend with the kubevela plugin: what the template's
// pickers (engine, cluster, namespace, region) offer comes from this configuration.

async function platformOf(kubevela: JsonObject, withCredentials = true) {
  const backend = await startTestBackend({
    features: [
      kubevelaPlugin,
      mockServices.rootConfig.factory({ data: { kubevela } }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  try {
    const req = request(backend.server).get('/api/kubevela/platform');
    const res = await (withCredentials
      ? req.set('Authorization', mockCredentials.user.header())
      : req);
    return res;
  } finally {
    await backend.stop();
  }
}

// Nothing listens on port 1: the watches fail, which /platform does not depend on.
const cluster = (name: string, extra: JsonObject = {}) => ({
  name,
  url: 'https://127.0.0.1:1',
  skipTLSVerify: true,
  ...extra,
});

describe('GET /api/kubevela/platform', () => {
  it('offers every engine, the default region and each cluster with the allowed namespaces', async () => {
    const res = await platformOf({
      allowedNamespaces: ['team-a', 'team-b'],
      clusters: [cluster('local')],
    });
    expect(res.status).toBe(200);
    const offer: PlatformOffer = res.body;
    expect(offer).toEqual({
      clusters: [{ name: 'local', allowedNamespaces: ['team-a', 'team-b'] }],
      regions: ['us-west-2'],
      defaultRegion: 'us-west-2',
      engines: ['crossplane', 'kro', 'kro-simplified', 'kro-simple', 'kratix'],
      componentTypes: expect.arrayContaining([
        'aws-dynamodb-xp',
        'aws-dynamodb-kratix',
      ]),
      traitTypes: expect.arrayContaining([
        'dynamodb-ttl-xp',
        'dynamodb-ttl-kro',
      ]),
      tableNamePrefix: '',
    });
  });

  it("narrows engines to the offered component types and uses each cluster's own namespaces", async () => {
    const res = await platformOf({
      allowedNamespaces: ['team-a'],
      tableNamePrefix: 'tenant-atlantis-',
      regions: ['eu-west-1', 'us-west-2'],
      defaultRegion: 'eu-west-1',
      offer: {
        componentTypes: ['aws-dynamodb-kro-simplified', 'aws-dynamodb-xp'],
        traitTypes: ['dynamodb-ttl-xp'],
      },
      clusters: [
        cluster('prod', { allowedNamespaces: ['payments'] }),
        cluster('staging'),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      clusters: [
        { name: 'prod', allowedNamespaces: ['payments'] },
        { name: 'staging', allowedNamespaces: ['team-a'] },
      ],
      regions: ['eu-west-1', 'us-west-2'],
      defaultRegion: 'eu-west-1',
      // catalogue order, not config order
      engines: ['crossplane', 'kro-simplified'],
      componentTypes: ['aws-dynamodb-kro-simplified', 'aws-dynamodb-xp'],
      traitTypes: ['dynamodb-ttl-xp'],
      tableNamePrefix: 'tenant-atlantis-',
    });
  });

  it('says where GitOps delivery proposes Applications, without the integration token', async () => {
    const backend = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'ghp-secret-token' }],
            },
            kubevela: {
              clusters: [cluster('local')],
              gitops: {
                repoUrl: 'github.com?owner=acme&repo=platform-apps',
                targetBranch: 'release',
              },
            },
          },
        }),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/kubevela/platform')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect((res.body as PlatformOffer).gitops).toEqual({
        repoUrl: 'github.com?owner=acme&repo=platform-apps',
        targetBranch: 'release',
        path: 'applications/{namespace}/{name}.yaml',
      });
      expect(res.text).not.toContain('ghp-secret-token');
    } finally {
      await backend.stop();
    }
  });

  it('offers no GitOps delivery when kubevela.gitops is not configured', async () => {
    const res = await platformOf({ clusters: [cluster('local')] });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('gitops');
  });

  it('refuses unauthenticated callers', async () => {
    const res = await platformOf({ clusters: [cluster('local')] }, false);
    expect(res.status).toBe(401);
  });
});
