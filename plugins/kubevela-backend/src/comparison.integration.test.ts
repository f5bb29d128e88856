/**
 * GET /comparison?entityRef= on the local platform with the real vela-core and KRO and the
 * ACK stand-in: a KRO table goes Ready with no status written by the test, and the comparison
 * reports its engine, what each cluster serves (checked against the apiserver itself), the
 * figures that count it, and the moves to other engines. Also: a permission denial, and a
 * namespace allowed on one cluster and refused on another.
 */
import { randomBytes } from 'node:crypto';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createTestNamespace,
  getControllerTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import {
  ENGINES,
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineAvailability,
  EngineId,
  EntityComparison,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  KubeVelaClient,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import request from 'supertest';
import { kubevelaPlugin } from './plugin';
import { countApiserverRequests } from './__testUtils__/kubeObjects';
import { pollUntil, waitForWatches } from './__testUtils__/waitForWatches';

jest.setTimeout(300_000);

const KRO_FAMILY: EngineId[] = ['kro', 'kro-simplified', 'kro-simple'];

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/platform-team',
    },
  };
}

describe('GET /comparison?entityRef= against the local platform (real vela-core and KRO, ACK stand-in)', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let client: KubeVelaClient;
  let server: Parameters<typeof request>[0];
  let stopBackend: () => Promise<void>;
  const app = `cmp-kro-${randomBytes(3).toString('hex')}`;

  const authed = (path: string) =>
    request(server)
      .get(`/api/kubevela${path}`)
      .set('Authorization', mockCredentials.user.header());
  const comparisonOf = (entityRef: string) =>
    authed(`/comparison?entityRef=${encodeURIComponent(entityRef)}`);

  beforeAll(async () => {
    info = getControllerTestPlatform();
    if (!info.portalServiceAccountToken)
      throw new Error('the test platform has no portal ServiceAccount token');
    ns = await createTestNamespace('comparison');
    client = new KubeVelaClient({
      cluster: new ClusterRegistry([
        {
          name: 'local',
          url: info.kubernetes.server,
          serviceAccountToken: info.kubernetes.adminToken,
          caData: info.kubernetes.caData,
          skipTLSVerify: false,
        },
      ]).get('local'),
    });
    // The backend reads as the portal's ServiceAccount, with only manifests/rbac. 'elsewhere' is
    // the same apiserver under another name whose own allow-list has only team-b.
    const cluster = (name: string, extra: Record<string, unknown> = {}) => ({
      name,
      url: info.kubernetes.server,
      serviceAccountToken: info.portalServiceAccountToken,
      caData: info.kubernetes.caData,
      ...extra,
    });
    const linked = (extra: Record<string, string> = {}) => ({
      'app.oam.dev/name': app,
      'app.oam.dev/namespace': ns.name,
      ...extra,
    });
    const backend = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: [ns.name],
              comparison: { figuresTtlSeconds: 0 },
              clusters: [
                cluster('local'),
                cluster('elsewhere', { allowedNamespaces: ['team-b'] }),
              ],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            component(app, linked()),
            component(
              'on-elsewhere',
              linked({ 'kubevela.io/cluster': 'elsewhere' }),
            ),
            component('unlinked', { 'backstage.io/kubernetes-id': 'unlinked' }),
          ],
        }),
      ],
    });
    server = backend.server;
    stopBackend = () => backend.stop();
    await waitForWatches(authed, 'local', 60_000);
  });

  afterAll(async () => {
    await stopBackend?.();
    await ns?.cleanup();
  });

  /** What the apiserver itself says: is the kind's CRD installed, is the definition installed. */
  async function platformHas(engine: EngineId) {
    const connection = kubeConnection(info);
    const crds = await Promise.all(
      ENGINES[engine].resources.map(async k => {
        const group = k.apiVersion.split('/')[0];
        const res = await kubeRequest(
          connection,
          'GET',
          `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${k.plural}.${group}`,
        );
        return { kind: k.kind, installed: res.status === 200 };
      }),
    );
    const definition = await kubeRequest(
      connection,
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/vela-system/componentdefinitions/${ENGINES[engine].componentType}`,
    );
    const objects = (
      await Promise.all(
        ENGINES[engine].resources.map(async k => {
          const group = k.apiVersion.split('/')[0];
          const res = await kubeRequest(
            connection,
            'GET',
            `/apis/${group}/${k.apiVersion.split('/')[1]}/${k.plural}`,
          );
          return res.status === 200
            ? (JSON.parse(res.body).items as KubeObject[])
            : [];
        }),
      )
    ).flat();
    const kinds = [...new Set(crds.map(c => c.kind))];
    return {
      crdsPresent: kinds.every(kind =>
        crds.some(c => c.kind === kind && c.installed),
      ),
      definitionInstalled: definition.status === 200,
      standIn:
        objects.length === 0
          ? undefined
          : objects.some(
              o => o.metadata.annotations?.['vela-tables.io/stand-in'],
            ),
    };
  }

  const availabilityOf = (
    body: EntityComparison,
    engine: EngineId,
    cluster = 'local',
  ): EngineAvailability => {
    const found = body.availability.find(
      a => a.engine === engine && a.cluster === cluster,
    );
    if (!found) throw new Error(`no availability of ${engine} on ${cluster}`);
    return found;
  };

  it('a KRO table made Ready by KRO and the ACK stand-in: its engine, what the clusters serve, figures that count it, and the moves to other engines', async () => {
    // Before the table exists: the figures to compare with, and no move without an Application.
    const before = await comparisonOf(`component:default/${app}`);
    expect(before.status).toBe(200);
    expect(before.body.engine).toBe('unknown');
    expect(before.body.migrations).toEqual([]);
    expect(before.body.migrationsUnavailable).toBe(
      `Application '${app}' was not found in namespace '${ns.name}' on cluster 'local'`,
    );
    const kroBefore = before.body.figures.find(
      (f: { engine: string }) => f.engine === 'kro',
    );

    const parsed = parseTableSpec({
      engine: 'kro',
      applicationName: app,
      componentName: `${app}-table`,
      namespace: ns.name,
      tableName: `${app}-table`,
      featureMode: 'traits',
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
    } as TableSpecInput);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    await client.apply(buildApplication(parsed.spec) as unknown as KubeObject);
    try {
      await pollUntil(
        () => authed(`/status?entityRef=component:default/${app}`),
        res => res.status === 200 && res.body.phase === 'Ready',
        `Application ${app} Ready`,
        180_000,
      );
      // The phase history is written within a batch (100 ms) of the watch event.
      const res = await pollUntil(
        () => comparisonOf(`component:default/${app}`),
        r =>
          r.status === 200 &&
          r.body.figures.some(
            (f: { engine: string; ready: number }) =>
              f.engine === 'kro' && f.ready === kroBefore.ready + 1,
          ),
        'the comparison counting the Ready table',
        10_000,
      );
      const body: EntityComparison = res.body;

      expect(body.entityRef).toBe(`component:default/${app}`);
      expect(body.engine).toBe('kro');
      expect(body.cluster).toBe('local');
      expect(body.engines.map(e => e.id)).toEqual([
        'crossplane',
        'kro',
        'kro-simplified',
        'kro-simple',
        'kratix',
      ]);
      expect(body.rows.length).toBeGreaterThan(0);

      // The KRO family: served, installed, its controllers seen working, the ACK stand-in named.
      for (const engine of KRO_FAMILY) {
        const a = availabilityOf(body, engine);
        expect(a).toMatchObject({
          crdsPresent: true,
          definitionInstalled: true,
          controllerObserved: true,
          standIn: true,
        });
        expect(a.unchecked).toBeUndefined();
        expect(a.summary).toMatch(/^Available on cluster local: /);
        expect(a.summary).toContain(
          'managed by a local stand-in for ACK dynamodb-controller',
        );
        expect(a.kinds?.find(k => k.kind === 'Table')?.standIn).toMatch(
          /^ACK dynamodb-controller/,
        );
      }
      // Crossplane and Kratix: exactly what the apiserver itself says the platform has.
      for (const engine of ['crossplane', 'kratix'] as const) {
        const a = availabilityOf(body, engine);
        const has = await platformHas(engine);
        expect({
          crdsPresent: a.crdsPresent,
          definitionInstalled: a.definitionInstalled,
          standIn: a.standIn,
        }).toEqual(has);
      }
      // Every configured cluster is reported, the entity's own first.
      expect(body.availability.map(a => a.cluster)).toEqual([
        ...Array(5).fill('local'),
        ...Array(5).fill('elsewhere'),
      ]);

      // Figures: the table is counted, Ready, and its way to Ready was measured.
      const kro = body.figures.find(f => f.engine === 'kro')!;
      expect(kro.tables).toBe(kroBefore.tables + 1);
      expect(kro.ready).toBe(kroBefore.ready + 1);
      expect(kro.sampleSize).toBe(kroBefore.sampleSize + 1);
      expect(kro.medianSecondsToReady).toBeGreaterThan(0);
      expect(kro.shareReady).toBeCloseTo(kro.ready / kro.tables);
      expect(kro.source).toContain(
        'watch cache of clusters local, elsewhere, in the namespaces each allows',
      );

      // The moves, worked out from the live Application: the migrate action makes none from
      // kro (no like-for-like pair), so each is a move by hand the builder works out.
      expect(body.migrationsUnavailable).toBeUndefined();
      expect(body.migrations.filter(m => m.automated)).toEqual([]);
      expect(body.migrations.find(m => m.to === 'kro-simplified')).toEqual({
        to: 'kro-simplified',
        automated: false,
        notAutomatedBecause:
          "no like-for-like migration from 'kro' to 'kro-simplified': their components take different parameters; supported: crossplane → kro-simplified, kro-simplified → crossplane",
        sameSpec: true,
        changes: [
          'component type aws-dynamodb-kro → aws-dynamodb-kro-simplified',
          'label vela-tables.io/engine kro → kro-simplified',
        ],
      });
      const simple = body.migrations.find(m => m.to === 'kro-simple')!;
      expect(simple.sameSpec).toBe(false);
      expect(simple.blockedBy?.join(' ')).toContain(
        "it always creates the HASH key 'id' (S)",
      );
    } finally {
      await client.delete({
        apiVersion: 'core.oam.dev/v1beta1',
        kind: 'Application',
        name: app,
        namespace: ns.name,
      });
    }
  });

  it('reads no cluster per request once the watches are synced: the definitions list is reused for 60 s', async () => {
    // the first comparison of this backend may have read the definitions already; one more read
    // at most, then none
    await comparisonOf(`component:default/${app}`);
    const requests = countApiserverRequests(info);
    try {
      for (let i = 0; i < 20; i++) {
        expect((await comparisonOf(`component:default/${app}`)).status).toBe(
          200,
        );
      }
      expect(requests.count()).toBe(0);
    } finally {
      requests.stop();
    }
  });

  it('refuses an entity whose namespace the cluster it names does not allow, on /comparison and /status alike', async () => {
    for (const path of ['/comparison', '/status']) {
      const res = await authed(
        `${path}?entityRef=component:default/on-elsewhere`,
      );
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `entity 'component:default/on-elsewhere' points at namespace '${ns.name}' on cluster 'elsewhere', which is not one of the namespaces the platform allows (kubevela.clusters[elsewhere].allowedNamespaces: team-b)`,
      );
    }
    // The same namespace on the first cluster, which inherits kubevela.allowedNamespaces, is served.
    expect((await comparisonOf(`component:default/${app}`)).status).toBe(200);
  });

  it('answers 400 for an entity that is not linked, and keeps the static table without entityRef', async () => {
    const unlinked = await comparisonOf('component:default/unlinked');
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.error.message).toContain("'app.oam.dev/name'");
    const statik = await authed('/comparison');
    expect(statik.status).toBe(200);
    expect(Object.keys(statik.body).sort()).toEqual(['engines', 'rows']);
  });

  it('answers 403 naming the permission when kubevela.table.read is denied', async () => {
    const denied = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              allowedNamespaces: [ns.name],
              clusters: [
                {
                  name: 'local',
                  url: info.kubernetes.server,
                  serviceAccountToken: info.portalServiceAccountToken,
                  caData: info.kubernetes.caData,
                },
              ],
            },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        catalogServiceMock.factory({
          entities: [
            component(app, {
              'app.oam.dev/name': app,
              'app.oam.dev/namespace': ns.name,
            }),
          ],
        }),
      ],
    });
    try {
      const res = await request(denied.server)
        .get('/api/kubevela/comparison')
        .query({ entityRef: `component:default/${app}` })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `not allowed to read the table status of entity 'component:default/${app}' (permission kubevela.table.read)`,
      );
    } finally {
      await denied.stop();
    }
  });
});
