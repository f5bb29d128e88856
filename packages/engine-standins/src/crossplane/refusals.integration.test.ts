import { readFileSync } from 'node:fs';
import {
  clearDynamoDbFaults,
  createTestNamespace,
  getFreePort,
  getTestPlatform,
  injectDynamoDbFault,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { readCrossplaneTableStatus } from '@vela-tables/plugin-kubevela-node';
import { runControllerLoop } from '../runtime/controllerLoop';
import { dynamoDbClients } from '../runtime/dynamodbClients';
import { KubeRest } from '../runtime/kubeRest';
import { ensureStandIns } from '../testing/ensureStandIns';
import type { TestStandIns } from '../testing/ensureStandIns';
import { createCrossplaneStandIn } from './index';
import { NAMESPACED_TABLE_V1BETA1 } from './kinds';
import {
  CrossplaneTestKit,
  conditionOf,
  isReadyAndSynced,
} from './__testUtils__/integrationKit';

// Refusals end in the engine's own error condition with DynamoDB's words, never in a hang:
// CreateTable refused (LimitExceededException), UpdateTable refused (ResourceInUseException),
// a DynamoDB server that is down; and a restarted stand-in takes over without a second table.

jest.setTimeout(180_000);

const kind = NAMESPACED_TABLE_V1BETA1;
let kit: CrossplaneTestKit;
let ns: TestNamespace;
let standIns: TestStandIns;

beforeAll(async () => {
  kit = new CrossplaneTestKit();
  ns = await createTestNamespace('xp-refusals');
  standIns = await ensureStandIns(['crossplane'], { namespaces: [ns.name] });
});

afterAll(async () => {
  await clearDynamoDbFaults(kit.endpoint).catch(() => undefined);
  await standIns?.stop();
  await kit?.cleanup();
  await ns?.cleanup();
});

function table(name: string, namespace = ns.name): KubeObject {
  return {
    apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
    kind: 'Table',
    metadata: { name, namespace },
    spec: {
      forProvider: {
        region: 'us-west-2',
        attribute: [{ name: 'id', type: 'S' }],
        hashKey: 'id',
        billingMode: 'PAY_PER_REQUEST',
      },
    },
  };
}

it('reports a refused CreateTable with DynamoDB’s message, then creates the table once DynamoDB accepts', async () => {
  const name = kit.tableName('xp-limit');
  await injectDynamoDbFault(kit.endpoint, {
    operation: 'CreateTable',
    tableName: name,
    code: 'LimitExceededException',
    message:
      'Subscriber limit exceeded: Only 50 tables can be created, updated, or deleted simultaneously',
  });
  const resource = table(name);
  await kit.apply(kind, resource);
  const refused = await kit.waitFor(
    kind,
    resource,
    'Synced=False',
    o => conditionOf(o, 'Synced')?.status === 'False',
  );
  expect(conditionOf(refused, 'Synced')).toMatchObject({
    reason: 'ReconcileError',
  });
  expect(conditionOf(refused, 'Synced')?.message).toMatch(
    /^create failed: async create failed: failed to create the resource: \[\{0 creating AWS DynamoDB Table .*CreateTable, https response error StatusCode: 400, .*LimitExceededException: Subscriber limit exceeded: Only 50 tables/,
  );
  expect(conditionOf(refused, 'Ready')).toMatchObject({
    status: 'False',
    reason: 'Creating',
  });
  expect(conditionOf(refused, 'LastAsyncOperation')).toMatchObject({
    status: 'False',
    reason: 'AsyncCreateFailure',
  });
  expect(
    refused!.metadata.annotations?.['crossplane.io/external-create-failed'],
  ).toEqual(expect.any(String));
  const reading = readCrossplaneTableStatus([refused!]);
  expect(reading.phase).toBe('Failed');
  expect(reading.summary).toContain('LimitExceededException');
  expect(kit.statusViolations(kind, refused!)).toEqual([]);
  expect(await kit.describe(name)).toBeUndefined();

  await clearDynamoDbFaults(kit.endpoint);
  await kit.waitFor(
    kind,
    resource,
    'Ready and Synced',
    isReadyAndSynced,
    90_000,
  );
  expect((await kit.describe(name))?.table.TableStatus).toBe('ACTIVE');
});

it('reports a refused update as Synced=False while the table stays Available (Degraded)', async () => {
  const name = kit.tableName('xp-inuse');
  const resource = table(name);
  await kit.apply(kind, resource);
  await kit.waitFor(kind, resource, 'Ready and Synced', isReadyAndSynced);
  await injectDynamoDbFault(kit.endpoint, {
    operation: 'UpdateTable',
    tableName: name,
    code: 'ResourceInUseException',
    message: `Attempt to change a resource which is still in use: Table is being updated: ${name}`,
  });
  await kit.patch(kind, resource, {
    spec: { forProvider: { deletionProtectionEnabled: true } },
  });
  const refused = await kit.waitFor(
    kind,
    resource,
    'Synced=False',
    o => conditionOf(o, 'Synced')?.status === 'False',
  );
  expect(conditionOf(refused, 'Synced')?.message).toMatch(
    /^update failed: async update failed: .*UpdateTable.*ResourceInUseException: Attempt to change a resource which is still in use/,
  );
  expect(conditionOf(refused, 'Ready')).toMatchObject({
    status: 'True',
    reason: 'Available',
  });
  expect(readCrossplaneTableStatus([refused!]).phase).toBe('Degraded');

  await clearDynamoDbFaults(kit.endpoint);
  await kit.waitFor(
    kind,
    resource,
    'the update applied',
    o => isReadyAndSynced(o),
    90_000,
  );
  expect((await kit.describe(name))?.table.DeletionProtectionEnabled).toBe(
    true,
  );
  await kit.patch(kind, resource, {
    spec: { forProvider: { deletionProtectionEnabled: false } },
  });
  await kit.waitFor(
    kind,
    resource,
    'protection off',
    o =>
      (o?.status as any)?.atProvider?.deletionProtectionEnabled === false &&
      isReadyAndSynced(o),
  );
});

it('reports a DynamoDB server that is down as an observe error, not a hang', async () => {
  if (!standIns.inProcess) {
    // the platform's stand-ins watch every namespace; a second controller here would fight them
    return;
  }
  const other = await createTestNamespace('xp-down');
  const info = getTestPlatform();
  const kube = new KubeRest({
    server: info.kubernetes.server,
    caPem: readFileSync(info.kubernetes.caFile, 'utf8'),
    token: info.kubernetes.adminToken,
  });
  const deadEndpoint = `http://127.0.0.1:${await getFreePort()}`;
  const base = createCrossplaneStandIn();
  const onlyOther = (o: KubeObject) => o.metadata.namespace === other.name;
  const loop = runControllerLoop(
    {
      ...base,
      shouldReconcile: (e, o, p) =>
        onlyOther(o) && base.shouldReconcile!(e, o, p),
      reconcile: async (k, o, ctx) =>
        onlyOther(o) ? base.reconcile(k, o, ctx) : {},
    },
    kube,
    {
      kube,
      dynamodb: dynamoDbClients({
        endpoint: deadEndpoint,
        accessKeyId: 'test',
        secretAccessKey: 'test',
      }),
      defaultRegion: 'us-west-2',
      log: () => {},
      now: () => new Date(),
    },
  );
  try {
    await loop.synced;
    const resource = table(kit.tableName('xp-down'), other.name);
    await kit.apply(kind, resource);
    const failed = await kit.waitFor(
      kind,
      resource,
      'Synced=False',
      o => conditionOf(o, 'Synced')?.status === 'False',
    );
    expect(conditionOf(failed, 'Synced')?.message).toMatch(
      /^observe failed: failed to observe the resource: \[\{0 reading AWS DynamoDB Table .*DescribeTable, https response error StatusCode: 0, RequestID: , request send failed, .*ECONNREFUSED/,
    );
    expect(readCrossplaneTableStatus([failed!]).phase).toBe('Failed');
  } finally {
    await loop.stop();
    kube.close();
    await kit.delete(kind, table('unused', other.name)).catch(() => undefined);
    await other.cleanup();
  }
});

it('takes over after a restart without creating the table again', async () => {
  const name = kit.tableName('xp-restart');
  const resource = table(name);
  await kit.apply(kind, resource);
  const ready = await kit.waitFor(
    kind,
    resource,
    'Ready and Synced',
    isReadyAndSynced,
  );
  const created = (await kit.describe(name))?.table.CreationDateTime;
  const succeeded =
    ready!.metadata.annotations?.['crossplane.io/external-create-succeeded'];

  await standIns.stop();
  standIns = await ensureStandIns(['crossplane'], { namespaces: [ns.name] });
  // a spec change makes the restarted stand-in reconcile the Table at once
  const changed = await kit.patch(kind, resource, {
    spec: { forProvider: { tags: { restarted: 'yes' } } },
  });
  await kit.waitFor(
    kind,
    resource,
    'the change reconciled after the restart',
    o =>
      isReadyAndSynced(o) &&
      (conditionOf(o, 'Synced') as { observedGeneration?: number })
        .observedGeneration === changed.metadata.generation,
  );
  expect((await kit.describe(name))?.tags.restarted).toBe('yes');
  const after = await kit.get(kind, resource);
  expect(
    after!.metadata.annotations?.['crossplane.io/external-create-succeeded'],
  ).toBe(succeeded);
  expect((await kit.describe(name))?.table.CreationDateTime).toEqual(created);
});
