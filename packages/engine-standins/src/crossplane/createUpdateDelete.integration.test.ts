import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { ensureStandIns } from '../testing/ensureStandIns';
import type { TestStandIns } from '../testing/ensureStandIns';
import { CLUSTER_TABLE_V1BETA1 } from './kinds';
import {
  CrossplaneTestKit,
  conditionOf,
  isReadyAndSynced,
} from './__testUtils__/integrationKit';

// A cluster-scoped v1beta1 Table (the shape aws-dynamodb-xp renders) through its whole life,
// against the real kube-apiserver with the provider's CRDs and moto's DynamoDB server: create
// with every feature, update, a delete DynamoDB refuses (deletion protection), then the delete.

jest.setTimeout(180_000);

const kind = CLUSTER_TABLE_V1BETA1;
let kit: CrossplaneTestKit;
let standIns: TestStandIns;
let tableName: string;
let resource: KubeObject;

beforeAll(async () => {
  kit = new CrossplaneTestKit();
  // as on a real cluster, the API server converts v1beta1 <-> v1beta2 through the provider
  await kit.serveConversionWebhook();
  // cluster-scoped Tables have no namespace: '' is theirs
  standIns = await ensureStandIns(['crossplane'], { namespaces: [''] });
  tableName = kit.tableName('xp-orders');
  resource = {
    apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
    kind: 'Table',
    metadata: {
      name: tableName,
      annotations: { 'crossplane.io/external-name': tableName },
    },
    spec: {
      providerConfigRef: { name: 'default' },
      forProvider: {
        region: 'us-west-2',
        attribute: [
          { name: 'pk', type: 'S' },
          { name: 'sk', type: 'S' },
          { name: 'owner', type: 'S' },
          { name: 'status', type: 'S' },
        ],
        hashKey: 'pk',
        rangeKey: 'sk',
        billingMode: 'PAY_PER_REQUEST',
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        ttl: [{ attributeName: 'expiresAt', enabled: true }],
        serverSideEncryption: [{ enabled: true }],
        pointInTimeRecovery: [{ enabled: true }],
        globalSecondaryIndex: [
          { name: 'by-owner', hashKey: 'owner', projectionType: 'ALL' },
        ],
        localSecondaryIndex: [
          {
            name: 'by-status',
            rangeKey: 'status',
            projectionType: 'KEYS_ONLY',
          },
        ],
        tags: { team: 'orders' },
      },
    },
  };
});

afterAll(async () => {
  await standIns?.stop();
  await kit?.cleanup();
});

it('creates the table with everything the spec asks for and reports it Ready, as the provider does', async () => {
  await kit.apply(kind, resource);
  const ready = await kit.waitFor(
    kind,
    resource,
    'Ready and Synced',
    o =>
      isReadyAndSynced(o) &&
      !!(o?.status as Record<string, unknown>)?.atProvider,
  );

  const aws = await kit.describe(tableName);
  expect(aws?.table).toMatchObject({
    TableStatus: 'ACTIVE',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    StreamSpecification: {
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    SSEDescription: { Status: 'ENABLED', SSEType: 'KMS' },
    DeletionProtectionEnabled: false,
  });
  expect(
    aws?.table.GlobalSecondaryIndexes?.map(i => [i.IndexName, i.KeySchema]),
  ).toEqual([['by-owner', [{ AttributeName: 'owner', KeyType: 'HASH' }]]]);
  expect(
    aws?.table.LocalSecondaryIndexes?.map(i => [
      i.IndexName,
      i.Projection?.ProjectionType,
    ]),
  ).toEqual([['by-status', 'KEYS_ONLY']]);
  expect(aws?.ttl).toMatchObject({
    TimeToLiveStatus: 'ENABLED',
    AttributeName: 'expiresAt',
  });
  expect(aws?.pitr).toBe('ENABLED');
  expect(aws?.tags).toEqual({
    team: 'orders',
    'crossplane-kind': 'table.dynamodb.aws.upbound.io',
    'crossplane-name': tableName,
    'crossplane-providerconfig': 'default',
  });

  // what the provider writes on the managed resource
  expect(ready!.metadata.finalizers).toContain(
    'finalizer.managedresource.crossplane.io',
  );
  expect(ready!.metadata.annotations).toMatchObject({
    'crossplane.io/external-name': tableName,
    'crossplane.io/external-create-pending': expect.any(String),
    'crossplane.io/external-create-succeeded': expect.any(String),
    'vela-tables.io/stand-in': expect.stringContaining('Crossplane'),
  });
  const spec = ready!.spec as { forProvider: Record<string, unknown> };
  expect(spec.forProvider.tags).toMatchObject({ 'crossplane-name': tableName });
  // late initialization fills what the user left out
  expect(spec.forProvider.tableClass).toBe('STANDARD');

  const status = ready!.status as Record<string, any>;
  expect(
    status.conditions
      .map(
        (c: { type: string; status: string; reason: string }) =>
          `${c.type}=${c.status}/${c.reason}`,
      )
      .sort(),
  ).toEqual([
    'LastAsyncOperation=True/Success',
    'Ready=True/Available',
    'Synced=True/ReconcileSuccess',
  ]);
  expect(status.atProvider).toMatchObject({
    arn: aws?.table.TableArn,
    id: tableName,
    region: 'us-west-2',
    billingMode: 'PAY_PER_REQUEST',
    hashKey: 'pk',
    rangeKey: 'sk',
    streamEnabled: true,
    streamArn: aws?.table.LatestStreamArn,
    streamLabel: aws?.table.LatestStreamLabel,
    ttl: [{ attributeName: 'expiresAt', enabled: true }],
    pointInTimeRecovery: [
      { enabled: true, recoveryPeriodInDays: expect.any(Number) },
    ],
    serverSideEncryption: [{ enabled: true, kmsKeyArn: '' }],
    tagsAll: aws?.tags,
  });
  expect(kit.statusViolations(kind, ready!)).toEqual([]);
});

// (a new stream view type is not part of this: moto refuses to enable a stream on a table that
// ever had one, "Cannot enable stream", which real DynamoDB allows once the old one is off)
it('applies a spec change: billing, capacity, an added index, TTL off, recovery off, protection and tags reach DynamoDB', async () => {
  const current = await kit.get(kind, resource);
  await kit.patch(kind, resource, {
    spec: {
      forProvider: {
        billingMode: 'PROVISIONED',
        readCapacity: 5,
        writeCapacity: 3,
        globalSecondaryIndex: [
          {
            name: 'by-owner',
            hashKey: 'owner',
            projectionType: 'ALL',
            readCapacity: 2,
            writeCapacity: 1,
          },
          {
            name: 'by-status',
            hashKey: 'status',
            projectionType: 'KEYS_ONLY',
            readCapacity: 1,
            writeCapacity: 1,
          },
        ],
        ttl: [{ attributeName: 'expiresAt', enabled: false }],
        pointInTimeRecovery: [{ enabled: false }],
        deletionProtectionEnabled: true,
        tags: { team: 'payments', cost: 'shared' },
      },
    },
  });
  const generation = (current!.metadata.generation ?? 0) + 1;
  await kit.waitFor(kind, resource, 'the update observed', o => {
    const at = (o?.status as Record<string, any>)?.atProvider;
    return (
      (o?.metadata.generation ?? 0) >= generation &&
      isReadyAndSynced(o) &&
      at?.billingMode === 'PROVISIONED' &&
      at?.globalSecondaryIndex?.length === 2 &&
      at?.deletionProtectionEnabled === true
    );
  });
  const aws = await kit.describe(tableName);
  expect(aws?.table).toMatchObject({
    BillingModeSummary: { BillingMode: 'PROVISIONED' },
    ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
    DeletionProtectionEnabled: true,
  });
  expect(
    aws?.table.GlobalSecondaryIndexes?.map(i => i.IndexName).sort(),
  ).toEqual(['by-owner', 'by-status']);
  expect(aws?.ttl?.TimeToLiveStatus).toBe('DISABLED');
  expect(aws?.pitr).toBe('DISABLED');
  expect(aws?.tags).toMatchObject({ team: 'payments', cost: 'shared' });
});

it('reports DynamoDB refusing the delete of a protected table, then deletes it once protection is off', async () => {
  await kit.delete(kind, resource);
  const refused = await kit.waitFor(
    kind,
    resource,
    'the refused delete reported',
    o => conditionOf(o, 'Synced')?.reason === 'ReconcileError',
  );
  expect(conditionOf(refused, 'Ready')).toMatchObject({
    status: 'False',
    reason: 'Deleting',
  });
  expect(conditionOf(refused, 'Synced')?.message).toMatch(
    /^delete failed: async delete failed: failed to delete the resource: \[\{0 deleting AWS DynamoDB Table .*DeleteTable.*ValidationException: .*DeletionProtectionEnabled/,
  );
  expect(conditionOf(refused, 'LastAsyncOperation')).toMatchObject({
    status: 'False',
    reason: 'AsyncDeleteFailure',
  });
  expect(await kit.describe(tableName)).toBeDefined();
  expect(kit.statusViolations(kind, refused!)).toEqual([]);

  // an operator turns protection off in AWS; the provider's next attempt goes through
  await kit.dynamodb.send(
    new UpdateTableCommand({
      TableName: tableName,
      DeletionProtectionEnabled: false,
    }),
  );
  await kit.waitFor(
    kind,
    resource,
    'the resource gone',
    o => o === undefined,
    90_000,
  );
  expect(await kit.describe(tableName)).toBeUndefined();
});
