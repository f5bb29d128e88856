import {
  clearDynamoDbFaults,
  injectDynamoDbFault,
} from '@internal/local-platform';
import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import { startAckHarness } from './__testUtils__/ackHarness';
import type { AckHarness } from './__testUtils__/ackHarness';
import { loadReference, stateOf } from './__testUtils__/ackReference';
import { normalize } from './__testUtils__/normalize';
import { UPDATE_REQUEUE_MS } from './constants';

jest.setTimeout(120_000);

const syncedAt = (generation: number) => (t?: AckTable) =>
  t?.metadata.generation === generation &&
  !!t.status?.conditions?.some(
    c => c.type === 'ACK.ResourceSynced' && c.status === 'True',
  ) &&
  // a fresh True, written after the change (the old one stays until the next reconcile)
  !t.status.conditions.some(c => c.type === 'ACK.Recoverable');

describe('ACK stand-in: update (03: a GSI added, then TTL on)', () => {
  let h: AckHarness;
  beforeAll(async () => {
    h = await startAckHarness('ack-update');
  });
  afterAll(async () => {
    await clearDynamoDbFaults(h.endpoint);
    await h.cleanup();
  });

  it('each change: the Recoverable triple at once, synced 10 s later, and DynamoDB changed', async () => {
    const ref = loadReference('03-update.yaml');
    const name = 'create-basic';
    const tableName = h.tableName('update');
    const names = { 'ack-ref-create-basic': tableName, 'ack-ref': h.namespace };
    const base = loadReference('01-create-basic.yaml');
    await h.create({
      metadata: { name },
      spec: { ...stateOf(base, 1).spec, tableName },
    });
    await h.waitFor(name, 'synced', syncedAt(1));

    for (const [step, applied, recoverable, done] of [
      ['A: GSI by-owner', 2, 3, 4],
      ['B: timeToLive', 5, 6, 7],
    ] as const) {
      const started = Date.now();
      const generation = stateOf(ref, applied).metadata.generation!;
      await h.create({
        metadata: { name },
        spec: { ...stateOf(ref, applied).spec, tableName },
      });
      // the old True conditions stay until the stand-in has looked at the new generation
      await h.waitFor(
        name,
        `step ${step} Recoverable`,
        t =>
          t?.metadata.generation === generation &&
          !!t.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
      );
      const table = await h.waitFor(
        name,
        `step ${step} synced`,
        syncedAt(generation),
        30_000,
      );
      const states = h
        .statesOf(name, started)
        .filter(s => s.object.metadata.generation === generation);
      const triple = states.find(s =>
        s.object.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
      );
      expect(triple).toBeDefined();
      expect(normalize(triple!.object.status, names)).toEqual(
        normalize(stateOf(ref, recoverable).status, names),
      );
      const last = states[states.length - 1];
      expect(last.at - triple!.at).toBeGreaterThanOrEqual(
        UPDATE_REQUEUE_MS - 500,
      );
      expect(normalize(table!.status, names)).toEqual(
        normalize(stateOf(ref, done).status, names),
      );
      // the controller never writes the spec in these steps
      expect(table!.spec).toEqual({ ...stateOf(ref, done).spec, tableName });
    }

    const described = await h.aws('DescribeTable', { TableName: tableName });
    expect(
      described.Table.GlobalSecondaryIndexes.map(
        (g: { IndexName: string }) => g.IndexName,
      ),
    ).toEqual(['by-owner']);
    expect(await h.aws('DescribeTimeToLive', { TableName: tableName })).toEqual(
      {
        TimeToLiveDescription: {
          AttributeName: 'expiresAt',
          TimeToLiveStatus: 'ENABLED',
        },
      },
    );
  });

  it('a key attribute type change: Recoverable "UPDATING" every 10 s, never Terminal, no AWS change (04)', async () => {
    const ref = loadReference('04-immutable-change.yaml');
    const name = 'immutable';
    const tableName = h.tableName('immutable');
    const spec = {
      ...stateOf(loadReference('01-create-basic.yaml'), 1).spec,
      tableName,
    };
    await h.create({ metadata: { name }, spec });
    await h.waitFor(name, 'synced', syncedAt(1));
    const started = Date.now();
    await h.create({
      metadata: { name },
      spec: {
        ...spec,
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'N' }],
      },
    });
    await new Promise(r => setTimeout(r, UPDATE_REQUEUE_MS + 2000));
    const states = h
      .statesOf(name, started)
      .filter(s => s.object.metadata.generation === 2);
    const recoverable = states.filter(s =>
      s.object.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
    );
    // written at least twice: right away and 10 s later (only lastTransitionTime changes)
    expect(recoverable.length).toBeGreaterThanOrEqual(2);
    expect(
      states.some(s =>
        s.object.status?.conditions?.some(c => c.type === 'ACK.Terminal'),
      ),
    ).toBe(false);
    expect(normalize(recoverable[0].object.status!.conditions)).toEqual(
      normalize(stateOf(ref, 3).status!.conditions),
    );
    const described = await h.aws('DescribeTable', { TableName: tableName });
    expect(described.Table.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
    ]);
  });

  it("ResourceInUseException from UpdateTable: ACK.Recoverable with DynamoDB's message, retried, then applied", async () => {
    const name = 'in-use';
    const tableName = h.tableName('in-use');
    const spec = {
      ...stateOf(loadReference('01-create-basic.yaml'), 1).spec,
      tableName,
    };
    await h.create({ metadata: { name }, spec });
    await h.waitFor(name, 'synced', syncedAt(1));
    const message = `Attempt to change a resource which is still in use: Table is being updated: ${tableName}`;
    await injectDynamoDbFault(h.endpoint, {
      operation: 'UpdateTable',
      tableName,
      code: 'ResourceInUseException',
      message,
      times: 1,
    });
    const started = Date.now();
    await h.create({
      metadata: { name },
      spec: { ...stateOf(loadReference('03-update.yaml'), 2).spec, tableName },
    });
    await h.waitFor(
      name,
      'Recoverable',
      t =>
        t?.metadata.generation === 2 &&
        !!t.status?.conditions?.some(c => c.type === 'ACK.Recoverable'),
    );
    await h.waitFor(name, 'synced', syncedAt(2), 30_000);
    const refused = h
      .statesOf(name, started)
      .map(s => s.object.status?.conditions ?? [])
      .find(c => c[0]?.message?.includes('ResourceInUseException'));
    expect(refused).toBeDefined();
    expect(refused![0]).toEqual({
      type: 'ACK.Recoverable',
      status: 'True',
      message: `api error ResourceInUseException: ${message}`,
    });
    expect(refused![1]).toMatchObject({
      type: 'ACK.ResourceSynced',
      status: 'Unknown',
      reason: expect.stringMatching(
        /^operation error DynamoDB: UpdateTable, .*api error ResourceInUseException: /,
      ),
    });
    expect(refused![2]).toMatchObject({
      type: 'Ready',
      status: 'False',
      reason: 'ACK.Recoverable',
    });
    const described = await h.aws('DescribeTable', { TableName: tableName });
    expect(described.Table.GlobalSecondaryIndexes).toHaveLength(1);
  });

  it('writes only status fields of the real CRD', () => {
    expect(h.schemaViolations()).toEqual([]);
  });
});
