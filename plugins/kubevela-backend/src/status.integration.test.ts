import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  RESTRICTED_USER,
  createTestNamespace,
  dynamodbRequest,
  getFreePort,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import request from 'supertest';
import {
  crossplaneApplication,
  crossplaneApplicationStatus,
  crossplaneTable,
  crossplaneTableStatus,
} from './status/__fixtures__/crossplaneTable';
import type { CrossplaneTableFixture } from './status/__fixtures__/crossplaneTable';
import { kubevelaPlugin } from './plugin';

// No vela-core or Crossplane provider runs on the test platform: these tests create the
// Application and the Crossplane Table themselves and write their status through the status
// subresource, shaped as the real controllers write it (see __fixtures__/crossplaneTable.ts).

jest.setTimeout(120_000);

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'resource-table', lifecycle: 'experimental', owner: 'group:default/platform-team' },
  };
}

function pathOf(obj: KubeObject, subresource = ''): string {
  const [group, version] = obj.apiVersion.split('/');
  const plural = obj.kind === 'Application' ? 'applications' : 'tables';
  return `/apis/${group}/${version}/namespaces/${obj.metadata.namespace}/${plural}/${obj.metadata.name}${subresource}`;
}

async function createWithStatus(info: PlatformInfo, obj: KubeObject, status: Record<string, unknown>) {
  const connection = kubeConnection(info);
  const collection = pathOf(obj).replace(/\/[^/]+$/, '');
  const created = await kubeRequest(connection, 'POST', collection, obj);
  if (created.status !== 201) throw new Error(`create ${obj.kind} ${obj.metadata.name}: HTTP ${created.status} ${created.body}`);
  const patched = await kubeRequest(connection, 'PATCH', pathOf(obj, '/status'), { status }, {
    contentType: 'application/merge-patch+json',
  });
  if (patched.status !== 200) throw new Error(`status of ${obj.kind} ${obj.metadata.name}: HTTP ${patched.status} ${patched.body}`);
}

/** Requests the apiserver served for KubeVela and Crossplane resources so far (from its /metrics). */
async function engineApiRequests(info: PlatformInfo): Promise<number> {
  const res = await kubeRequest(kubeConnection(info), 'GET', '/metrics');
  let total = 0;
  for (const line of res.body.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    if (!/group="(core\.oam\.dev|dynamodb\.aws\.upbound\.io|dynamodb\.aws\.m\.upbound\.io)"/.test(line)) continue;
    total += Number(line.split(' ').pop());
  }
  return total;
}

describe('GET /status against the local platform', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let closedPort: number;
  const ready: CrossplaneTableFixture = { app: 'orders', namespace: '', table: '', ready: true };
  const provisioning: CrossplaneTableFixture = { app: 'payments', namespace: '', table: '', ready: false };

  beforeAll(async () => {
    info = getTestPlatform();
    if (!info.dynamodb) throw new Error('the test platform runs no DynamoDB server (moto)');
    ns = await createTestNamespace('kubevela-status');
    closedPort = await getFreePort();
    for (const f of [ready, provisioning]) {
      f.namespace = ns.name;
      f.table = `${ns.name}-${f.app}`;
      await createWithStatus(info, crossplaneApplication(f), crossplaneApplicationStatus(f));
      await createWithStatus(info, crossplaneTable(f), crossplaneTableStatus(f));
    }
    // The table the Crossplane provider would have created, without the point-in-time recovery
    // its Table asks for: one drift entry.
    const created = await dynamodbRequest(info.dynamodb.endpoint, 'CreateTable', {
      TableName: ready.table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }, { region: info.dynamodb.region });
    if (created.status !== 200) throw new Error(`CreateTable ${ready.table}: HTTP ${created.status}`);
  });

  afterAll(async () => {
    if (info?.dynamodb && ready.table) {
      await dynamodbRequest(info.dynamodb.endpoint, 'DeleteTable', { TableName: ready.table }, { region: info.dynamodb.region });
    }
    await ns?.cleanup();
  });

  function config(cacheTtlSeconds = 5) {
    const cluster = (name: string, token: string, url = info.kubernetes.server) => ({
      name,
      url,
      serviceAccountToken: token,
      caData: info.kubernetes.caData,
    });
    return {
      kubevela: {
        status: { cacheTtlSeconds },
        clusters: [
          cluster('local', info.kubernetes.adminToken),
          cluster('restricted', info.kubernetes.tokens[RESTRICTED_USER]),
          cluster('down', 'unused', `https://127.0.0.1:${closedPort}`),
        ],
        aws: {
          endpoint: info.dynamodb!.endpoint,
          region: info.dynamodb!.region,
          accessKeyId: info.dynamodb!.accessKeyId,
          secretAccessKey: info.dynamodb!.secretAccessKey,
        },
      },
    };
  }

  async function start(cacheTtlSeconds = 5) {
    const linked = (f: CrossplaneTableFixture, extra: Record<string, string> = {}) => ({
      'app.oam.dev/name': f.app,
      'app.oam.dev/namespace': f.namespace,
      ...extra,
    });
    const { server } = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({ data: config(cacheTtlSeconds) }),
        catalogServiceMock.factory({
          entities: [
            component('orders', linked(ready)),
            component('payments', linked(provisioning)),
            component('unlinked', { 'backstage.io/kubernetes-id': 'unlinked' }),
            component('ghost', { 'app.oam.dev/name': 'ghost', 'app.oam.dev/namespace': ns.name }),
            component('on-down-cluster', linked(ready, { 'kubevela.io/cluster': 'down' })),
            component('restricted', linked(ready, { 'kubevela.io/cluster': 'restricted' })),
          ],
        }),
      ],
    });
    return (entityRef: string) =>
      request(server)
        .get('/api/kubevela/status')
        .query({ entityRef })
        .set('Authorization', mockCredentials.user.header());
  }

  it('reports a Ready table with DynamoDB’s view and one drift entry (engine status written through the status subresource)', async () => {
    const get = await start();
    const res = await get('component:default/orders');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phase: 'Ready',
      engine: 'crossplane',
      cluster: 'local',
      tableName: ready.table,
      tableArn: `arn:aws:dynamodb:us-west-2:123456789012:table/${ready.table}`,
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      application: { name: 'orders', namespace: ns.name, phase: 'running' },
      engineResources: [
        {
          apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
          kind: 'Table',
          name: ready.table,
          conditions: [
            expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Available' }),
            expect.objectContaining({ type: 'Synced', status: 'True', reason: 'ReconcileSuccess' }),
          ],
        },
      ],
      dynamoDb: { tableStatus: 'ACTIVE', billingMode: 'PAY_PER_REQUEST', keySchema: [{ attributeName: 'pk', keyType: 'HASH' }] },
      drift: [{ field: 'pointInTimeRecovery', desired: 'true', actual: 'false' }],
    });
    expect(res.body.phaseTimestamps.Ready).toBe('2026-01-01T00:00:42Z');
    expect(res.body.dynamoDbError).toBeUndefined();
  });

  it('reports a Provisioning table and why DynamoDB has nothing yet (engine status written through the status subresource)', async () => {
    const get = await start();
    const res = await get('component:default/payments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phase: 'Provisioning', tableName: provisioning.table });
    expect(res.body.engineResources[0].conditions[0]).toMatchObject({ type: 'Ready', status: 'False', reason: 'Creating' });
    expect(res.body.dynamoDb).toBeUndefined();
    expect(res.body.dynamoDbError).toBe(
      `DynamoDB table '${provisioning.table}' does not exist at 127.0.0.1 region ${info.dynamodb!.region}`,
    );
  });

  it('answers the same status on /status/:namespace/:kind/:name', async () => {
    const { server } = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({ data: config() }),
        catalogServiceMock.factory({
          entities: [component('orders', { 'app.oam.dev/name': 'orders', 'app.oam.dev/namespace': ns.name })],
        }),
      ],
    });
    const res = await request(server)
      .get('/api/kubevela/status/default/component/orders')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.phase).toBe('Ready');
  });

  it('answers 400 naming the annotation for an entity without app.oam.dev/name', async () => {
    const res = await (await start())('component:default/unlinked');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain("'app.oam.dev/name'");
  });

  it('answers 404 naming the Application, its namespace and the cluster when the Application does not exist', async () => {
    const res = await (await start())('component:default/ghost');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      `Application 'ghost' was not found in namespace '${ns.name}' on cluster 'local' (${info.kubernetes.server})`,
    );
  });

  it('answers 503 naming the cluster when its apiserver does not answer (closed port)', async () => {
    const res = await (await start())('component:default/on-down-cluster');
    expect(res.status).toBe(503);
    expect(res.body.error.name).toBe('ServiceUnavailableError');
    expect(res.body.error.message).toContain("the Kubernetes API of cluster 'down' at https://127.0.0.1:");
  });

  it('answers 403 with the apiserver’s message when the cluster token may not read Applications', async () => {
    const res = await (await start())('component:default/restricted');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain('User "restricted-user" cannot get resource "applications"');
    expect(res.body.error.message).toContain(
      `not allowed to get applications.core.oam.dev 'orders' in namespace '${ns.name}' on cluster 'restricted'`,
    );
  });

  it('measures 50 sequential polls of one entity: the cache spares the apiserver', async () => {
    const measure = async (cacheTtlSeconds: number) => {
      const get = await start(cacheTtlSeconds);
      await get('component:default/orders'); // warm discovery and the DynamoDB client
      const before = await engineApiRequests(info);
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        const res = await get('component:default/orders');
        times.push(performance.now() - t0);
        expect(res.status).toBe(200);
      }
      const requests = (await engineApiRequests(info)) - before;
      times.sort((a, b) => a - b);
      return {
        p50: Math.round(times[24] * 10) / 10,
        p95: Math.round(times[47] * 10) / 10,
        total: Math.round(times.reduce((a, b) => a + b, 0)),
        apiRequestsPerCall: requests / 50,
      };
    };
    const uncached = await measure(0);
    const cached = await measure(5);
    process.stdout.write(
      `kubevela /status, 50 sequential requests: without cache ${JSON.stringify(uncached)}; with 5 s cache ${JSON.stringify(cached)}\n`,
    );
    // One read costs the Application, the Table named in appliedResources and one list per Table kind.
    expect(uncached.apiRequestsPerCall).toBeGreaterThanOrEqual(3);
    expect(cached.apiRequestsPerCall).toBeLessThan(uncached.apiRequestsPerCall / 5);
  });
});
