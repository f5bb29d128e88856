import {
  CreateTableCommand,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import { startAckHarness } from './__testUtils__/ackHarness';
import type { AckHarness } from './__testUtils__/ackHarness';
import { loadReference, stateOf } from './__testUtils__/ackReference';
import { normalize } from './__testUtils__/normalize';
import { ACK_FINALIZER, UPDATE_REQUEUE_MS } from './constants';

jest.setTimeout(90_000);

const synced = (t?: AckTable) =>
  !!t?.status?.conditions?.some(
    c => c.type === 'ACK.ResourceSynced' && c.status === 'True',
  );
const ADOPTED = 'services.k8s.aws/adopted';

describe('ACK stand-in: adoption (08)', () => {
  let h: AckHarness;
  const ref = loadReference('08-adoption.yaml');
  beforeAll(async () => {
    h = await startAckHarness('ack-adopt');
  });
  afterAll(async () => {
    await h.cleanup();
  });

  /** A table made outside ACK, as the capture's setup made adopt-me / adopt-me-3. */
  async function existingTable(tableName: string): Promise<void> {
    await h.dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 3 },
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'status', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-status',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'KEYS_ONLY' },
            ProvisionedThroughput: {
              ReadCapacityUnits: 1,
              WriteCapacityUnits: 1,
            },
          },
        ],
        StreamSpecification: {
          StreamEnabled: true,
          StreamViewType: 'NEW_IMAGE',
        },
        Tags: [{ Key: 'owner', Value: 'someone-else' }],
      }),
    );
    await h.dynamodb.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
      }),
    );
    await h.dynamodb.send(
      new UpdateContinuousBackupsCommand({
        TableName: tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
  }

  it('8a adopt without a spec: adopted annotation and finalizer, the spec from DynamoDB, synced; then the ACK tags', async () => {
    const name = 'adopt-clean';
    const tableName = h.tableName('adopt-clean');
    const names = { 'adopt-me-3': tableName, 'ack-ref': h.namespace };
    await existingTable(tableName);
    await h.create({
      metadata: {
        name,
        annotations: {
          'services.k8s.aws/adoption-policy': 'adopt',
          'services.k8s.aws/adoption-fields': JSON.stringify({ tableName }),
        },
      },
    });
    const table = await h.waitFor(name, 'synced', synced);
    expect(table!.metadata.annotations?.[ADOPTED]).toBe('true');
    expect(table!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    expect(table!.metadata.generation).toBe(2);
    expect(normalize(table!.spec, names)).toEqual(
      normalize(stateOf(ref, 3).spec, names),
    );
    expect(normalize(table!.status, names)).toEqual(
      normalize(stateOf(ref, 4).status, names),
    );
    // the follow-up reconcile of generation 2 tags the adopted table
    const arn = table!.status!.ackResourceMetadata!.arn;
    const deadline = Date.now() + 10_000;
    let tags: Array<{ Key: string }> = [];
    while (Date.now() < deadline && tags.length < 3) {
      tags = (await h.aws('ListTagsOfResource', { ResourceArn: arn })).Tags;
      await new Promise(r => setTimeout(r, 200));
    }
    expect(tags.map(t => t.Key)).toEqual([
      'owner',
      'services.k8s.aws/controller-version',
      'services.k8s.aws/namespace',
    ]);
  });

  it("8b adopt with a partial spec: the CRD refuses the adopted spec, and the controller strips the table's GSI, backups and tag", async () => {
    const name = 'adopt-me';
    const tableName = h.tableName('adopt-partial');
    const names = { 'adopt-me': tableName };
    await existingTable(tableName);
    const started = Date.now();
    await h.create({
      metadata: {
        name,
        annotations: {
          'services.k8s.aws/adoption-policy': 'adopt',
          'services.k8s.aws/adoption-fields': JSON.stringify({ tableName }),
        },
      },
      spec: { ...stateOf(ref, 5).spec, tableName },
    });
    await h.waitFor(
      name,
      'Recoverable',
      t => !!t?.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
    );
    const refusedState = h
      .statesOf(name, started)
      .find(
        s =>
          s.object.status?.conditions?.[0]?.status === 'Unknown' &&
          !s.object.status.conditions.some(c => c.type === 'ACK.Recoverable'),
      );
    expect(refusedState).toBeDefined();
    const [syncedCondition] = refusedState!.object.status!.conditions!;
    expect(syncedCondition).toMatchObject({
      type: 'ACK.ResourceSynced',
      status: 'Unknown',
      message:
        'Unable to determine if desired resource state matches latest observed state',
    });
    expect(syncedCondition.reason).toMatch(
      /spec\.keySchema: Invalid value: .*Value is immutable once set/,
    );
    const table = await h.get(name);
    expect(table!.metadata.annotations?.[ADOPTED]).toBe('true');
    expect(normalize(table!.status!.conditions, names)).toEqual(
      normalize(stateOf(ref, 8).status!.conditions, names),
    );
    // what the real controller did to the adopted table (moto after ~50 s in the capture)
    const described = (await h.aws('DescribeTable', { TableName: tableName }))
      .Table;
    expect(described.GlobalSecondaryIndexes).toEqual([]);
    expect(described.AttributeDefinitions).toEqual([
      { AttributeName: 'pk', AttributeType: 'S' },
    ]);
    expect(described.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_IMAGE',
    });
    expect(described.ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 3,
      WriteCapacityUnits: 3,
    });
    expect(
      (await h.aws('DescribeContinuousBackups', { TableName: tableName }))
        .ContinuousBackupsDescription.PointInTimeRecoveryDescription
        .PointInTimeRecoveryStatus,
    ).toBe('DISABLED');
    expect(
      (await h.aws('DescribeTimeToLive', { TableName: tableName }))
        .TimeToLiveDescription,
    ).toEqual({
      AttributeName: 'ttl',
      TimeToLiveStatus: 'ENABLED',
    });
    expect(
      (
        await h.aws('ListTagsOfResource', { ResourceArn: described.TableArn })
      ).Tags.map((t: { Key: string }) => t.Key),
    ).toEqual([
      'services.k8s.aws/controller-version',
      'services.k8s.aws/namespace',
    ]);
  });

  it('8c adopt-or-create of a missing table: a plain create, no adopted annotation', async () => {
    const name = 'aoc-new';
    const tableName = h.tableName('aoc-new');
    await h.create({
      metadata: {
        name,
        annotations: {
          'services.k8s.aws/adoption-policy': 'adopt-or-create',
          'services.k8s.aws/adoption-fields': JSON.stringify({ tableName }),
        },
      },
      spec: { ...stateOf(ref, 9).spec, tableName },
    });
    const table = await h.waitFor(name, 'synced', synced);
    expect(table!.metadata.annotations?.[ADOPTED]).toBeUndefined();
    expect(table!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    expect(table!.status!.tableStatus).toBe('ACTIVE');
  });

  it('8d adopt-or-create of an existing table: Unknown "adopted resource...", then the spec\'s throughput in DynamoDB, then synced', async () => {
    const name = 'aoc-existing';
    const tableName = h.tableName('aoc-existing');
    const names = { 'adopt-me-2': tableName };
    await h.dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    const started = Date.now();
    await h.create({
      metadata: {
        name,
        annotations: {
          'services.k8s.aws/adoption-policy': 'adopt-or-create',
          'services.k8s.aws/adoption-fields': JSON.stringify({ tableName }),
        },
      },
      spec: { ...stateOf(ref, 12).spec, tableName },
    });
    const table = await h.waitFor(name, 'synced', synced, 30_000);
    const states = h
      .statesOf(name, started)
      .filter(s => s.object.status?.conditions);
    const shapes = states.map(s =>
      s.object.status!.conditions!.map(c => `${c.type}=${c.status}`).join(','),
    );
    expect(shapes.filter((s, i) => s !== shapes[i - 1])).toEqual([
      'ACK.ResourceSynced=Unknown,Ready=Unknown',
      'ACK.Recoverable=True,ACK.ResourceSynced=Unknown,Ready=False',
      'ACK.ResourceSynced=True,Ready=True',
    ]);
    expect(normalize(states[0].object.status, names)).toEqual(
      normalize(stateOf(ref, 14).status, names),
    );
    const recoverable = states.find(
      s => s.object.status!.conditions!.length === 3,
    )!;
    expect(
      states[states.length - 1].at - recoverable.at,
    ).toBeGreaterThanOrEqual(UPDATE_REQUEUE_MS - 500);
    expect(table!.metadata.annotations?.[ADOPTED]).toBe('true');
    expect(table!.spec).toEqual({ ...stateOf(ref, 16).spec, tableName });
    const described = (await h.aws('DescribeTable', { TableName: tableName }))
      .Table;
    expect(described.ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 2,
      WriteCapacityUnits: 2,
    });
  });

  it('8e adopt of a missing table: no finalizer, no status, retried until it appears', async () => {
    const name = 'adopt-missing';
    const tableName = h.tableName('adopt-missing');
    await h.create({
      metadata: {
        name,
        annotations: {
          'services.k8s.aws/adoption-policy': 'adopt',
          'services.k8s.aws/adoption-fields': JSON.stringify({ tableName }),
        },
      },
      spec: { ...stateOf(ref, 17).spec, tableName },
    });
    await new Promise(r => setTimeout(r, 3000));
    const waiting = await h.get(name);
    expect(waiting!.metadata.finalizers).toBeUndefined();
    expect(waiting!.status).toBeUndefined();
    await h.dynamodb.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    // the retries back off to 30 s at most
    const adopted = await h.waitFor(name, 'adopted and synced', synced, 45_000);
    expect(adopted!.metadata.annotations?.[ADOPTED]).toBe('true');
  });

  it('writes only status fields of the real CRD', () => {
    expect(h.schemaViolations()).toEqual([]);
  });
});
