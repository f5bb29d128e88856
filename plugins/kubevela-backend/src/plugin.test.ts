import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { kubevelaPlugin } from './plugin';

const linked = (name: string, namespace: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'app.oam.dev/name': name,
      'app.oam.dev/namespace': namespace,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
});

describe('kubevela backend plugin', () => {
  async function start(
    options: { permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
  ) {
    const { server } = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: ['team-a'],
              clusters: [
                {
                  name: 'local',
                  url: 'https://127.0.0.1:1',
                  skipTLSVerify: true,
                },
              ],
            },
          },
        }),
        mockServices.permissions.factory({
          result: options.permission ?? AuthorizeResult.ALLOW,
        }),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'unlinked', namespace: 'default' },
              spec: {
                type: 'service',
                lifecycle: 'production',
                owner: 'group:default/team-a',
              },
            },
            linked('orders', 'team-a'),
            linked('secrets', 'kube-system'),
          ],
        }),
        // Requests without a token stay unauthenticated, as in a real backend.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('answers its health check without credentials', async () => {
    const server = await start();
    const res = await request(server).get('/api/kubevela/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('lists the five engines of the catalogue', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/kubevela/engines')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const types = res.body.items
      .map((e: { componentType: string }) => e.componentType)
      .sort();
    expect(types).toEqual([
      'aws-dynamodb-kratix',
      'aws-dynamodb-kro',
      'aws-dynamodb-kro-simplified',
      'aws-dynamodb-simple-kro',
      'aws-dynamodb-xp',
    ]);
  });

  it('returns 404 with the engine name for an unknown engine', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/kubevela/engines/pulumi')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("'pulumi'");
  });

  it.each(['/engines', '/engines/kro', '/comparison'])(
    'refuses %s to unauthenticated callers',
    async path => {
      const server = await start();
      const res = await request(server).get(`/api/kubevela${path}`);
      expect(res.status).toBe(401);
    },
  );

  it('registers the three kubevela permissions with the permission framework', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/kubevela/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions.map((p: { name: string }) => p.name)).toEqual([
      'kubevela.table.read',
      'kubevela.table.create',
      'kubevela.table.delete',
    ]);
  });

  describe('GET /status', () => {
    async function get(path: string, withCredentials = true) {
      const server = await start();
      const req = request(server).get(`/api/kubevela${path}`);
      return withCredentials
        ? req.set('Authorization', mockCredentials.user.header())
        : req;
    }

    it.each([
      '/status?entityRef=component:default/orders',
      '/status/default/component/orders',
    ])(
      'answers 403 naming kubevela.table.read when the policy denies it (%s)',
      async path => {
        const server = await start({ permission: AuthorizeResult.DENY });
        const res = await request(server)
          .get(`/api/kubevela${path}`)
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(403);
        expect(res.body.error.message).toBe(
          "not allowed to read the table status of entity 'component:default/orders' (permission kubevela.table.read)",
        );
      },
    );

    it('answers 403 naming the namespace when the entity points outside kubevela.allowedNamespaces', async () => {
      const res = await get('/status?entityRef=component:default/secrets');
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        "entity 'component:default/secrets' points at namespace 'kube-system' on cluster 'local', which is not one of the namespaces the platform allows (kubevela.allowedNamespaces: team-a)",
      );
    });

    it('lets an entity in an allowed namespace through to the cluster (503: nothing listens there)', async () => {
      const res = await get('/status?entityRef=component:default/orders');
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain("cluster 'local'");
    });

    it('refuses unauthenticated callers', async () => {
      const res = await get(
        '/status?entityRef=component:default/unlinked',
        false,
      );
      expect(res.status).toBe(401);
    });

    it('answers 400 when entityRef is missing', async () => {
      const res = await get('/status');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("'entityRef' is required");
    });

    it('answers 400 for an entityRef that is not kind:namespace/name', async () => {
      const res = await get('/status?entityRef=default/unlinked');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("entityRef 'default/unlinked'");
    });

    it('answers 404 naming the entity when the catalog does not hold it', async () => {
      const res = await get('/status?entityRef=component:default/nobody');
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(
        "entity 'component:default/nobody' was not found in the catalog",
      );
    });

    it('answers 400 naming app.oam.dev/name for an entity that is not linked, on both routes', async () => {
      for (const path of [
        '/status?entityRef=component:default/unlinked',
        '/status/default/component/unlinked',
      ]) {
        const res = await get(path);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(
          "entity 'component:default/unlinked' has no 'app.oam.dev/name' annotation",
        );
      }
    });
  });
});
