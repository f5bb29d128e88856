import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  createTestNamespace,
  getTestPlatform,
  kubectlFor,
  kubectlOrThrow,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type { TableSpecInput } from '@vela-tables/plugin-kubevela-common';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { catalogModuleKubeVelaApplications } from './module';

jest.setTimeout(120_000);

/** The Application the portal would write for a Crossplane table, built by the real builder. */
function tableApplication(
  name: string,
  namespace: string,
  extra: { owner?: string } = {},
) {
  const parsed = parseTableSpec({
    engine: 'crossplane',
    applicationName: name,
    componentName: 'table',
    namespace,
    tableName: `${name}-table`,
    attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
  } as TableSpecInput);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  const app = buildApplication(parsed.spec);
  // Only the catalog matters here: vela-core, when the shared platform runs it, leaves this
  // Application alone (it requires a controller version vela-core does not have).
  app.metadata.annotations = {
    ...app.metadata.annotations,
    'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled',
    ...(extra.owner ? { 'vela-tables.io/owner': extra.owner } : {}),
  };
  return app;
}

describe('catalog entity provider of KubeVela Applications (real catalog, real apiserver)', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let backend: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    info = getTestPlatform();
    ns = await createTestNamespace('catalog-kubevela');
  });

  afterAll(async () => {
    await backend?.stop();
    await ns?.cleanup();
  });

  it('adds an Application created with kubectl as a dynamodb-table Resource and removes it when the Application is deleted', async () => {
    const started = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleKubeVelaApplications,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [
                {
                  allow: [
                    'Component',
                    'Resource',
                    'Location',
                    'Group',
                    'User',
                    'System',
                  ],
                },
              ],
            },
            kubevela: {
              allowedNamespaces: [ns.name],
              clusters: [
                {
                  name: 'local',
                  url: info.kubernetes.server,
                  serviceAccountToken: info.kubernetes.adminToken,
                  caData: info.kubernetes.caData,
                },
              ],
            },
          },
        }),
      ],
    });
    backend = started;
    const entity = (name: string) =>
      request(started.server)
        .get(`/api/catalog/entities/by-name/resource/${ns.name}/${name}`)
        .set('Authorization', mockCredentials.user.header());
    const waitFor = async (name: string, status: number, what: string) => {
      const t0 = Date.now();
      let last: request.Response | undefined;
      while (Date.now() - t0 < 60_000) {
        last = await entity(name);
        if (last.status === status) return { res: last, ms: Date.now() - t0 };
        await new Promise(r => setTimeout(r, 200));
      }
      throw new Error(`${what}: still HTTP ${last?.status} after 60 s`);
    };
    const kubectl = kubectlFor(info);

    await kubectlOrThrow(kubectl, ['apply', '-f', '-'], {
      input: JSON.stringify(
        tableApplication('orders', ns.name, {
          owner: 'group:default/payments',
        }),
      ),
    });
    // An Application without our labels is not a table of ours: it stays out.
    await kubectlOrThrow(kubectl, ['apply', '-f', '-'], {
      input: JSON.stringify({
        apiVersion: 'core.oam.dev/v1beta1',
        kind: 'Application',
        metadata: {
          name: 'web',
          namespace: ns.name,
          annotations: {
            'app.oam.dev/controller-version-require': 'v0.0.0-not-reconciled',
          },
        },
        spec: { components: [] },
      }),
    });

    const added = await waitFor(
      'orders',
      200,
      'the Resource of Application orders',
    );
    expect(added.res.body).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'orders',
        namespace: ns.name,
        annotations: {
          'app.oam.dev/name': 'orders',
          'app.oam.dev/namespace': ns.name,
          'kubevela.io/cluster': 'local',
          'backstage.io/kubernetes-id': 'orders',
          'vela-tables.io/engine': 'crossplane',
        },
      },
      spec: { type: 'dynamodb-table', owner: 'group:default/payments' },
    });
    expect((await entity('web')).status).toBe(404);

    await kubectlOrThrow(kubectl, [
      'delete',
      'application',
      'orders',
      '-n',
      ns.name,
      '--wait=false',
    ]);
    const removed = await waitFor(
      'orders',
      404,
      'the removal of the Resource of Application orders',
    );
    process.stdout.write(
      `catalog entity provider: Resource in the catalog ${added.ms} ms after kubectl apply, gone ${removed.ms} ms after kubectl delete\n`,
    );
  });

  it('ingests an Application only from the clusters whose allow-list has its namespace', async () => {
    const cluster = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      url: info.kubernetes.server,
      serviceAccountToken: info.kubernetes.adminToken,
      caData: info.kubernetes.caData,
      ...extra,
    });
    // Three names for the same apiserver: the first inherits kubevela.allowedNamespaces, the
    // second allows the test namespace itself, the third allows only team-b.
    await backend?.stop();
    const started = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleKubeVelaApplications,
        mockServices.rootConfig.factory({
          data: {
            catalog: { rules: [{ allow: ['Resource', 'Location'] }] },
            kubevela: {
              allowedNamespaces: [ns.name],
              clusters: [
                cluster('local'),
                cluster('mirror', { allowedNamespaces: [ns.name] }),
                cluster('refusing', { allowedNamespaces: ['team-b'] }),
              ],
            },
          },
        }),
      ],
    });
    backend = started;
    const entity = (name: string) =>
      request(started.server)
        .get(`/api/catalog/entities/by-name/resource/${ns.name}/${name}`)
        .set('Authorization', mockCredentials.user.header());
    await kubectlOrThrow(kubectlFor(info), ['apply', '-f', '-'], {
      input: JSON.stringify(tableApplication('per-cluster', ns.name)),
    });
    const deadline = Date.now() + 60_000;
    let local = await entity('per-cluster');
    let mirror = await entity('per-cluster.mirror');
    while (
      (local.status !== 200 || mirror.status !== 200) &&
      Date.now() < deadline
    ) {
      await new Promise(r => setTimeout(r, 200));
      local = await entity('per-cluster');
      mirror = await entity('per-cluster.mirror');
    }
    expect(local.status).toBe(200);
    expect(mirror.status).toBe(200);
    expect(mirror.body.metadata.annotations['kubevela.io/cluster']).toBe(
      'mirror',
    );
    // The same Application seen through the cluster that allows only team-b is refused.
    expect((await entity('per-cluster.refusing')).status).toBe(404);
    const all = await request(started.server)
      .get('/api/catalog/entities')
      .query({ filter: 'metadata.annotations.kubevela.io/cluster=refusing' })
      .set('Authorization', mockCredentials.user.header());
    expect(all.status).toBe(200);
    expect(all.body).toEqual([]);
  });
});
