import {
  clearDynamoDbFaults,
  injectDynamoDbFault,
} from '@internal/local-platform';
import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import { startAckHarness } from './__testUtils__/ackHarness';
import type { AckHarness } from './__testUtils__/ackHarness';
import {
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import { normalize } from './__testUtils__/normalize';
import {
  ACK_FINALIZER,
  OUT_OF_SYNC_REQUEUE_MS,
  UPDATE_REQUEUE_MS,
} from './constants';

jest.setTimeout(120_000);

const synced = (t?: AckTable) =>
  !!t?.status?.conditions?.some(
    c => c.type === 'ACK.ResourceSynced' && c.status === 'True',
  );

/** A reference state's spec, for a table of this run. */
function specFrom(
  ref: ReturnType<typeof loadReference>,
  n: number,
  tableName: string,
) {
  return { ...stateOf(ref, n).spec!, tableName };
}

/** What DynamoDB holds for a table, as the reference's `moto:` section shows it. */
async function motoView(h: AckHarness, tableName: string) {
  const body = { TableName: tableName };
  const table = await h.aws('DescribeTable', body);
  return {
    describe_continuous_backups: await h.aws('DescribeContinuousBackups', body),
    describe_table: table,
    describe_time_to_live: await h.aws('DescribeTimeToLive', body),
    list_tags_of_resource: await h.aws('ListTagsOfResource', {
      ResourceArn: table.Table?.TableArn,
    }),
    tableName,
  };
}

describe('ACK stand-in: create', () => {
  let h: AckHarness;
  beforeAll(async () => {
    h = await startAckHarness('ack-create');
  });
  afterAll(async () => {
    await clearDynamoDbFaults(h.endpoint);
    await h.cleanup();
  });

  it('01 create-basic: finalizer before CreateTable, then the status of reference state [3], in DynamoDB as the reference', async () => {
    const ref = loadReference('01-create-basic.yaml');
    const name = 'create-basic';
    const tableName = h.tableName('basic');
    const started = Date.now();
    await h.create({ metadata: { name }, spec: specFrom(ref, 1, tableName) });
    const table = await h.waitFor(name, 'ACK.ResourceSynced True', synced);
    const names = { 'ack-ref-create-basic': tableName, 'ack-ref': h.namespace };

    const expected = stateOf(ref, 3);
    expect(table!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    expect(table!.metadata.generation).toBe(1);
    expect(table!.spec).toEqual({ ...expected.spec, tableName });
    expect(normalize(table!.status, names)).toEqual(
      normalize(expected.status, names),
    );

    // the finalizer was there before any status; the status was written once, already synced
    const states = h.statesOf(name, started);
    const firstStatus = states.findIndex(s => s.object.status);
    expect(
      states
        .slice(0, firstStatus)
        .some(s => s.object.metadata.finalizers?.includes(ACK_FINALIZER)),
    ).toBe(true);
    expect(synced(states[firstStatus].object)).toBe(true);

    expect(normalize(await motoView(h, tableName), names)).toEqual(
      normalize(motoEntry(ref), names),
    );
  });

  it('02 create-full: ResourceSynced False after the create (its spec sets TTL), TTL and PITR applied 30 s later (Recoverable for 10 s), then synced; DynamoDB as the reference', async () => {
    const ref = loadReference('02-create-full.yaml');
    const name = 'create-full';
    const tableName = h.tableName('full');
    const names = { 'ack-ref-create-full': tableName, 'ack-ref': h.namespace };
    const started = Date.now();
    await h.create({ metadata: { name }, spec: specFrom(ref, 1, tableName) });
    await h.waitFor(name, 'ACK.ResourceSynced True', synced, 60_000);

    const states = h
      .statesOf(name, started)
      .filter(s => s.object.status?.conditions?.length);
    const shapes = states.map(s =>
      s.object.status!.conditions!.map(c => `${c.type}=${c.status}`).join(','),
    );
    // [3] False/False, [4] the Recoverable triple, [5] True/True: nothing else in between
    expect(shapes.filter((s, i) => s !== shapes[i - 1])).toEqual([
      'ACK.ResourceSynced=False,Ready=False',
      'ACK.Recoverable=True,ACK.ResourceSynced=Unknown,Ready=False',
      'ACK.ResourceSynced=True,Ready=True',
    ]);
    const at = (shape: string) => states[shapes.indexOf(shape)];
    const outOfSync = at('ACK.ResourceSynced=False,Ready=False');
    const recoverable = at(
      'ACK.Recoverable=True,ACK.ResourceSynced=Unknown,Ready=False',
    );
    const inSync = at('ACK.ResourceSynced=True,Ready=True');
    expect(recoverable.at - outOfSync.at).toBeGreaterThanOrEqual(
      OUT_OF_SYNC_REQUEUE_MS - 500,
    );
    expect(inSync.at - recoverable.at).toBeGreaterThanOrEqual(
      UPDATE_REQUEUE_MS - 500,
    );

    for (const [state, n] of [
      [outOfSync, 3],
      [recoverable, 4],
      [inSync, 5],
    ] as const) {
      expect(normalize(state.object.status, names)).toEqual(
        normalize(stateOf(ref, n).status, names),
      );
      expect(state.object.spec).toEqual({ ...stateOf(ref, n).spec, tableName });
    }
    expect(normalize(await motoView(h, tableName), names)).toEqual(
      normalize(motoEntry(ref), names),
    );
  });

  it("05 refusal: PAY_PER_REQUEST with throughput is ACK.Terminal with DynamoDB's message, and stays so", async () => {
    const ref = loadReference('05-refusal.yaml');
    const name = 'refuse-ppr-throughput';
    const tableName = h.tableName('ppr-throughput');
    const names = {
      'ack-ref-ppr-throughput': tableName,
      'ack-ref': h.namespace,
    };
    await h.create({ metadata: { name }, spec: specFrom(ref, 11, tableName) });
    const table = await h.waitFor(
      name,
      'ACK.Terminal',
      t => !!t?.status?.conditions?.some(c => c.type === 'ACK.Terminal'),
    );
    expect(normalize(table!.status, names)).toEqual(
      normalize(stateOf(ref, 13).status, names),
    );
    expect(table!.status!.conditions![0].message).toBe(
      'api error ValidationException: ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST',
    );
    expect(table!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    expect((await h.aws('DescribeTable', { TableName: tableName })).error).toBe(
      'ResourceNotFoundException',
    );
    // terminal: not retried without a spec change
    const version = table!.metadata.resourceVersion;
    await new Promise(r => setTimeout(r, 3000));
    expect((await h.get(name))!.metadata.resourceVersion).toBe(version);
  });

  it('a refusal DynamoDB would give for its limits is ACK.Recoverable with its message, and the table is made once it passes', async () => {
    const name = 'refuse-limit';
    const tableName = h.tableName('limit');
    const message =
      'Subscriber limit exceeded: Only 10 tables can be created simultaneously';
    await injectDynamoDbFault(h.endpoint, {
      operation: 'CreateTable',
      tableName,
      code: 'LimitExceededException',
      message,
    });
    await h.create({
      metadata: { name },
      spec: specFrom(loadReference('01-create-basic.yaml'), 1, tableName),
    });
    const refused = await h.waitFor(
      name,
      'ACK.Recoverable',
      t => !!t?.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
    );
    const conditions = refused!.status!.conditions!;
    expect(conditions.map(c => [c.type, c.status])).toEqual([
      ['ACK.Recoverable', 'True'],
      ['ACK.ResourceSynced', 'Unknown'],
      ['Ready', 'False'],
    ]);
    expect(conditions[0].message).toBe(
      `api error LimitExceededException: ${message}`,
    );
    expect(conditions[1].message).toBe(
      'Unable to determine if desired resource state matches latest observed state',
    );
    expect(conditions[1].reason).toMatch(
      /^operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: .*, api error LimitExceededException: /,
    );
    expect(conditions[2]).toMatchObject({
      reason: 'ACK.Recoverable',
      message: conditions[0].message,
    });

    await clearDynamoDbFaults(h.endpoint);
    // retried with backoff (at most 30 s apart), then created
    await h.waitFor(name, 'ACK.ResourceSynced True', synced, 45_000);
  });

  it('a table of that name that ACK does not manage: ACK.Terminal "Resource already exists", the table left alone', async () => {
    const name = 'not-managed';
    const tableName = h.tableName('not-managed');
    await h.aws('CreateTable', {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    });
    await h.create({
      metadata: { name },
      spec: specFrom(loadReference('01-create-basic.yaml'), 1, tableName),
    });
    const table = await h.waitFor(
      name,
      'ACK.Terminal',
      t => !!t?.status?.conditions?.some(c => c.type === 'ACK.Terminal'),
    );
    expect(
      table!.status!.conditions!.map(c => [c.type, c.status, c.message]),
    ).toEqual([
      ['ACK.Terminal', 'True', 'Resource already exists'],
      ['ACK.ResourceSynced', 'False', 'Resource not synced'],
      ['Ready', 'False', 'Resource already exists'],
    ]);
    expect(table!.status!.conditions![0].reason).toMatch(
      /explicitly adopt the resource/,
    );
    expect(table!.metadata.finalizers).toBeUndefined();
    expect(table!.status!.ackResourceMetadata!.arn).toMatch(
      new RegExp(`:table/${tableName}$`),
    );
  });

  it('writes only status fields of the real CRD', () => {
    expect(h.seen.filter(s => s.object.status).length).toBeGreaterThan(5);
    expect(h.schemaViolations()).toEqual([]);
  });
});
