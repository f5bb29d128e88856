import {
  CreateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { createTestNamespace } from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { readCrossplaneTableStatus } from '@vela-tables/plugin-kubevela-node';
import { ensureStandIns } from '../testing/ensureStandIns';
import type { TestStandIns } from '../testing/ensureStandIns';
import { CLUSTER_TABLE_V1BETA1, NAMESPACED_TABLE_V1BETA1 } from './kinds';
import {
  CrossplaneTestKit,
  conditionOf,
  isReadyAndSynced,
} from './__testUtils__/integrationKit';

// When the table must outlive its managed resource, and when the resource must never write it:
// managementPolicies ["Observe"] adopting an existing table, Observe of a table that does not
// exist, deletionPolicy Orphan, and a policy set without Delete.

jest.setTimeout(180_000);

let kit: CrossplaneTestKit;
let ns: TestNamespace;
let standIns: TestStandIns;

beforeAll(async () => {
  kit = new CrossplaneTestKit();
  await kit.serveConversionWebhook();
  ns = await createTestNamespace('xp-keep');
  standIns = await ensureStandIns(['crossplane'], {
    namespaces: [ns.name, ''],
  });
});

afterAll(async () => {
  await standIns?.stop();
  await kit?.cleanup();
  await ns?.cleanup();
});

const observeOnly = (name: string, tableName: string): KubeObject => ({
  apiVersion: 'dynamodb.aws.m.upbound.io/v1beta1',
  kind: 'Table',
  metadata: {
    name,
    namespace: ns.name,
    annotations: { 'crossplane.io/external-name': tableName },
  },
  spec: {
    managementPolicies: ['Observe'],
    providerConfigRef: { kind: 'ClusterProviderConfig', name: 'default' },
    forProvider: { region: 'us-west-2' },
  },
});

it('adopts an existing table with ["Observe"]: reports it, never changes it, keeps it when the resource goes', async () => {
  const tableName = kit.tableName('xp-legacy');
  await kit.dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      Tags: [{ Key: 'owner', Value: 'legacy-team' }],
    }),
  );
  await kit.dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'gone' },
    }),
  );
  const before = await kit.describe(tableName);

  const kind = NAMESPACED_TABLE_V1BETA1;
  const resource = observeOnly('legacy', tableName);
  await kit.apply(kind, resource);
  const observed = await kit.waitFor(
    kind,
    resource,
    'Ready and Synced',
    o =>
      isReadyAndSynced(o) &&
      !!(o?.status as Record<string, unknown>)?.atProvider,
  );
  expect((observed!.status as any).atProvider).toMatchObject({
    arn: before?.table.TableArn,
    id: tableName,
    hashKey: 'id',
    billingMode: 'PAY_PER_REQUEST',
    ttl: { attributeName: 'gone', enabled: true },
    tags: { owner: 'legacy-team' },
  });
  // an Observe-only resource gets no provider tags and no late-initialized spec
  expect((observed!.spec as any).forProvider).toEqual({ region: 'us-west-2' });
  expect(readCrossplaneTableStatus([observed!]).phase).toBe('Ready');

  // a spec that asks for something else changes nothing in DynamoDB
  await kit.patch(kind, resource, {
    spec: {
      forProvider: {
        billingMode: 'PROVISIONED',
        readCapacity: 1,
        writeCapacity: 1,
      },
    },
  });
  await kit.waitFor(
    kind,
    resource,
    'the new generation observed',
    o =>
      (conditionOf(o, 'Synced') as { observedGeneration?: number } | undefined)
        ?.observedGeneration === o?.metadata.generation,
  );
  const after = await kit.describe(tableName);
  expect(after?.table.BillingModeSummary).toEqual(
    before?.table.BillingModeSummary,
  );
  expect(after?.tags).toEqual({ owner: 'legacy-team' });
  expect(after?.ttl).toEqual(before?.ttl);

  await kit.delete(kind, resource);
  await kit.waitFor(kind, resource, 'the resource gone', o => o === undefined);
  expect(await kit.describe(tableName)).toBeDefined();
});

it('reports an Observe of a table that does not exist as an error and creates nothing', async () => {
  const tableName = kit.tableName('xp-missing');
  const kind = NAMESPACED_TABLE_V1BETA1;
  const resource = observeOnly('missing', tableName);
  await kit.apply(kind, resource);
  const failed = await kit.waitFor(
    kind,
    resource,
    'Synced=False',
    o => conditionOf(o, 'Synced')?.status === 'False',
  );
  expect(conditionOf(failed, 'Synced')).toMatchObject({
    reason: 'ReconcileError',
    message: 'observe failed: external resource does not exist',
  });
  expect(readCrossplaneTableStatus([failed!]).phase).toBe('Failed');
  expect(await kit.describe(tableName)).toBeUndefined();
});

it.each([
  [
    'deletionPolicy Orphan (cluster-scoped)',
    CLUSTER_TABLE_V1BETA1,
    { deletionPolicy: 'Orphan' },
  ],
  [
    'managementPolicies without Delete (namespaced)',
    NAMESPACED_TABLE_V1BETA1,
    { managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize'] },
  ],
])(
  'keeps the table it created with %s when the resource is deleted',
  async (_label, kind, policy) => {
    const tableName = kit.tableName('xp-orphan');
    const resource: KubeObject = {
      apiVersion: `${kind.group}/${kind.version}`,
      kind: 'Table',
      metadata: {
        name: tableName,
        ...(kind.namespaced ? { namespace: ns.name } : {}),
      },
      spec: {
        ...policy,
        forProvider: {
          region: 'us-west-2',
          attribute: [{ name: 'id', type: 'S' }],
          hashKey: 'id',
          billingMode: 'PAY_PER_REQUEST',
        },
      },
    };
    await kit.apply(kind, resource);
    await kit.waitFor(kind, resource, 'Ready and Synced', isReadyAndSynced);
    expect(await kit.describe(tableName)).toBeDefined();
    await kit.delete(kind, resource);
    await kit.waitFor(
      kind,
      resource,
      'the resource gone',
      o => o === undefined,
    );
    expect((await kit.describe(tableName))?.table.TableStatus).toBe('ACTIVE');
  },
);
