import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
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
import request from 'supertest';
import { parse } from 'yaml';
import {
  crossplaneApplication,
  crossplaneApplicationStatus,
  crossplaneTable,
  crossplaneTableStatus,
} from './status/__fixtures__/crossplaneTable';
import type { CrossplaneTableFixture } from './status/__fixtures__/crossplaneTable';
import { kubevelaPlugin } from './plugin';
import {
  createWithStatus,
  countApiserverRequests,
  pathOf,
} from './__testUtils__/kubeObjects';
import { pollUntil, waitForWatches } from './__testUtils__/waitForWatches';

// No vela-core or Crossplane provider runs on the test platform: these tests create the
// Application and the Crossplane Table themselves and write their status through the status
// subresource, shaped as the real controllers write it (see __fixtures__/crossplaneTable.ts).

jest.setTimeout(120_000);

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'resource-table',
      lifecycle: 'experimental',
      owner: 'group:default/platform-team',
    },
  };
}

// Each test's backend is stopped after it, so that its watches (and a restricted cluster's
// retried lists) do not count in the next test's apiserver request figures.
const running: Array<{ stop(): Promise<void> }> = [];
async function startBackend(options: Parameters<typeof startTestBackend>[0]) {
  const backend = await startTestBackend(options);
  running.push(backend);
  return backend;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map(b => b.stop()));
});

describe('GET /status against the local platform', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let closedPort: number;
  const ready: CrossplaneTableFixture = {
    app: 'orders',
    namespace: '',
    table: '',
    ready: true,
  };
  const provisioning: CrossplaneTableFixture = {
    app: 'payments',
    namespace: '',
    table: '',
    ready: false,
  };

  beforeAll(async () => {
    info = getTestPlatform();
    if (!info.dynamodb)
      throw new Error('the test platform runs no DynamoDB server (moto)');
    ns = await createTestNamespace('kubevela-status');
    closedPort = await getFreePort();
    for (const f of [ready, provisioning]) {
      f.namespace = ns.name;
      f.table = `${ns.name}-${f.app}`;
      await createWithStatus(
        info,
        crossplaneApplication(f),
        crossplaneApplicationStatus(f),
      );
      await createWithStatus(
        info,
        crossplaneTable(f),
        crossplaneTableStatus(f),
      );
    }
    // The table the Crossplane provider would have created, without the point-in-time recovery
    // its Table asks for: one drift entry.
    const created = await dynamodbRequest(
      info.dynamodb.endpoint,
      'CreateTable',
      {
        TableName: ready.table,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      },
      { region: info.dynamodb.region },
    );
    if (created.status !== 200)
      throw new Error(`CreateTable ${ready.table}: HTTP ${created.status}`);
  });

  afterAll(async () => {
    if (info?.dynamodb && ready.table) {
      await dynamodbRequest(
        info.dynamodb.endpoint,
        'DeleteTable',
        { TableName: ready.table },
        { region: info.dynamodb.region },
      );
    }
    await ns?.cleanup();
  });

  function config(cacheTtlSeconds = 5) {
    const cluster = (
      name: string,
      token: string,
      url = info.kubernetes.server,
    ) => ({
      name,
      url,
      serviceAccountToken: token,
      caData: info.kubernetes.caData,
    });
    return {
      kubevela: {
        status: { cacheTtlSeconds },
        allowedNamespaces: [ns.name],
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
    const linked = (
      f: CrossplaneTableFixture,
      extra: Record<string, string> = {},
    ) => ({
      'app.oam.dev/name': f.app,
      'app.oam.dev/namespace': f.namespace,
      ...extra,
    });
    const { server } = await startBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({ data: config(cacheTtlSeconds) }),
        catalogServiceMock.factory({
          entities: [
            component('orders', linked(ready)),
            component('payments', linked(provisioning)),
            component('unlinked', { 'backstage.io/kubernetes-id': 'unlinked' }),
            component('ghost', {
              'app.oam.dev/name': 'ghost',
              'app.oam.dev/namespace': ns.name,
            }),
            component(
              'on-down-cluster',
              linked(ready, { 'kubevela.io/cluster': 'down' }),
            ),
            component(
              'restricted',
              linked(ready, { 'kubevela.io/cluster': 'restricted' }),
            ),
          ],
        }),
      ],
    });
    return (entityRef: string, route = 'status') =>
      request(server)
        .get(`/api/kubevela/${route}`)
        .query({ entityRef })
        .set('Authorization', mockCredentials.user.header());
  }

  it('serves the Application behind an entity as YAML, without the server’s managedFields', async () => {
    const get = await start();
    const res = await get('component:default/orders', 'application');
    expect(res.status).toBe(200);
    const app = parse(res.body.yaml);
    expect(app).toMatchObject({
      apiVersion: 'core.oam.dev/v1beta1',
      kind: 'Application',
      metadata: { name: 'orders', namespace: ns.name },
    });
    expect(app.metadata.managedFields).toBeUndefined();
    expect(app.spec.components.length).toBeGreaterThan(0);
    const ghost = await get('component:default/ghost', 'application');
    expect(ghost.status).toBe(404);
    expect(ghost.body.error.message).toContain("Application 'ghost'");
  });

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
            expect.objectContaining({
              type: 'Ready',
              status: 'True',
              reason: 'Available',
            }),
            // as written by the test, or ReconcilePaused once the provider (the local
            // stand-in) has seen the pause annotation
            expect.objectContaining({
              type: 'Synced',
              reason: expect.stringMatching(/^Reconcile(Success|Paused)$/),
            }),
          ],
        },
      ],
      dynamoDb: {
        tableStatus: 'ACTIVE',
        billingMode: 'PAY_PER_REQUEST',
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      },
      drift: [
        { field: 'pointInTimeRecovery', desired: 'true', actual: 'false' },
      ],
    });
    expect(res.body.phaseTimestamps.Ready).toBe('2026-01-01T00:00:42Z');
    expect(res.body.dynamoDbError).toBeUndefined();
  });

  it('reports a Provisioning table and why DynamoDB has nothing yet (engine status written through the status subresource)', async () => {
    const get = await start();
    const res = await get('component:default/payments');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phase: 'Provisioning',
      tableName: provisioning.table,
    });
    expect(res.body.engineResources[0].conditions[0]).toMatchObject({
      type: 'Ready',
      status: 'False',
      reason: 'Creating',
    });
    expect(res.body.dynamoDb).toBeUndefined();
    expect(res.body.dynamoDbError).toBe(
      `DynamoDB table '${
        provisioning.table
      }' does not exist at 127.0.0.1 region ${info.dynamodb!.region}`,
    );
  });

  it('answers the same status on /status/:namespace/:kind/:name', async () => {
    const { server } = await startBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({ data: config() }),
        catalogServiceMock.factory({
          entities: [
            component('orders', {
              'app.oam.dev/name': 'orders',
              'app.oam.dev/namespace': ns.name,
            }),
          ],
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
    expect(res.body.error.message).toContain(
      "the Kubernetes API of cluster 'down' at https://127.0.0.1:",
    );
  });

  it('answers 403 with the apiserver’s message when the cluster token may not read Applications', async () => {
    const res = await (await start())('component:default/restricted');
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
    expect(res.body.error.message).toContain(
      'User "restricted-user" cannot get resource "applications"',
    );
    expect(res.body.error.message).toContain(
      `not allowed to get applications.core.oam.dev 'orders' in namespace '${ns.name}' on cluster 'restricted'`,
    );
  });

  it('once the watches are synced, 50 polls send no request to the Kubernetes API', async () => {
    // the same counter sees the watches' initial lists, so it does see this backend's client
    const lists = countApiserverRequests(info, ['GET']);
    const { server } = await startBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              ...config().kubevela,
              clusters: [config().kubevela.clusters[0]],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            component('orders', {
              'app.oam.dev/name': ready.app,
              'app.oam.dev/namespace': ns.name,
            }),
          ],
        }),
      ],
    });
    const authed = (path: string) =>
      request(server)
        .get(`/api/kubevela${path}`)
        .set('Authorization', mockCredentials.user.header());
    const t0 = performance.now();
    await waitForWatches(authed, 'local');
    const syncMs = Math.round(performance.now() - t0);
    lists.stop();
    expect(lists.count()).toBeGreaterThan(0);
    await authed('/status?entityRef=component:default/orders'); // warm the DynamoDB client
    const apiserver = countApiserverRequests(info);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      const res = await authed('/status?entityRef=component:default/orders');
      times.push(performance.now() - t);
      expect(res.status).toBe(200);
      expect(res.body.phase).toBe('Ready');
      expect(res.body.stale).toBeUndefined();
    }
    apiserver.stop();
    const requests = apiserver.count();
    times.sort((a, b) => a - b);
    process.stdout.write(
      `kubevela /status from the watches: synced in ${syncMs} ms; 50 sequential requests p50 ${times[24].toFixed(
        1,
      )} ms, p95 ${times[47].toFixed(
        1,
      )} ms, ${requests} Kubernetes API requests\n`,
    );
    // counted in this process only (the backend's own client); a read per poll would be 50
    expect(requests).toBe(0);
  });

  it('follows a table from Provisioning to Ready through the watches, with no read of its own (status written through the status subresource)', async () => {
    const f: CrossplaneTableFixture = {
      app: 'watched',
      namespace: ns.name,
      table: `${ns.name}-watched`,
      ready: false,
    };
    const { server } = await startBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              ...config().kubevela,
              clusters: [config().kubevela.clusters[0]],
            },
          },
        }),
        catalogServiceMock.factory({
          entities: [
            component('watched', {
              'app.oam.dev/name': f.app,
              'app.oam.dev/namespace': ns.name,
            }),
          ],
        }),
      ],
    });
    const authed = (path: string) =>
      request(server)
        .get(`/api/kubevela${path}`)
        .set('Authorization', mockCredentials.user.header());
    await waitForWatches(authed, 'local');
    const get = () => authed('/status?entityRef=component:default/watched');
    // created after the sync: the watch, not a list, brings it in
    await createWithStatus(
      info,
      crossplaneApplication(f),
      crossplaneApplicationStatus(f),
    );
    await createWithStatus(info, crossplaneTable(f), crossplaneTableStatus(f));
    const reads = countApiserverRequests(info, ['GET']);
    await waitForPhase(get, 'Provisioning');
    const nowReady = { ...f, ready: true };
    for (const obj of [
      crossplaneTable(nowReady),
      crossplaneApplication(nowReady),
    ]) {
      const status =
        obj.kind === 'Table'
          ? crossplaneTableStatus(nowReady)
          : crossplaneApplicationStatus(nowReady);
      const patched = await kubeRequest(
        kubeConnection(info),
        'PATCH',
        pathOf(obj, '/status'),
        { status },
        {
          contentType: 'application/merge-patch+json',
        },
      );
      expect(patched.status).toBe(200);
    }
    await waitForPhase(get, 'Ready');
    // the test's own writes are PATCHes; a backend that read on each poll would add a GET per poll
    reads.stop();
    expect(reads.count()).toBe(0);
    const apps = (await authed('/watches')).body.clusters.local.find(
      (k: { kind: string }) => k.kind === 'Application',
    );
    expect(apps.stats.lists).toBe(1);
  });
});

async function waitForPhase(
  get: () => request.Test,
  phase: string,
): Promise<void> {
  await pollUntil(
    get,
    res => res.status === 200 && res.body.phase === phase,
    `phase ${phase}`,
  );
}
