import { fakeTableApi } from './__testUtils__/fakeTableApi';
import {
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import type { ReferenceScenario } from './__testUtils__/ackReference';
import { withControllerTags } from './controllerTags';
import { customUpdate } from './customUpdate';
import { computeDelta } from './delta';
import { readLatest } from './readLatest';

const identity = { accountId: '123456789012', region: 'us-west-2' };
const UPDATING = {
  kind: 'requeue',
  text: "table in 'UPDATING' state, cannot be modified or deleted",
  afterMs: 10_000,
};

async function update(
  ref: ReferenceScenario,
  state: number,
  entry: Record<string, any>,
) {
  const object = stateOf(ref, state);
  const desired = withControllerTags(object.spec ?? {}, 'ack-ref');
  const { api, calls } = fakeTableApi(entry);
  const latest = (await readLatest(api, desired, {}, identity))!;
  calls.length = 0;
  const outcome = await customUpdate({
    api,
    delta: computeDelta(desired, latest.spec),
    latest,
    statusArn: object.status?.ackResourceMetadata?.arn,
    now: new Date(),
    log: () => undefined,
  });
  return { outcome, calls };
}

describe('customUpdate: the calls the real controller made for a difference', () => {
  it('02: UpdateTimeToLive and UpdateContinuousBackups, then "UPDATING" for 10 s', async () => {
    const ref = loadReference('02-create-full.yaml');
    const entry = structuredClone(motoEntry(ref));
    entry.describe_time_to_live.TimeToLiveDescription = {
      TimeToLiveStatus: 'DISABLED',
    };
    entry.describe_continuous_backups.ContinuousBackupsDescription.PointInTimeRecoveryDescription =
      { PointInTimeRecoveryStatus: 'DISABLED' };
    const { outcome, calls } = await update(ref, 3, entry);
    expect(calls).toEqual([
      {
        operation: 'UpdateTimeToLive',
        input: {
          TableName: 'ack-ref-create-full',
          TimeToLiveSpecification: {
            AttributeName: 'expiresAt',
            Enabled: true,
          },
        },
      },
      {
        operation: 'UpdateContinuousBackups',
        input: {
          TableName: 'ack-ref-create-full',
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: true,
          },
        },
      },
    ]);
    expect(outcome).toEqual({
      resource: 'desired',
      conditions: [],
      failure: UPDATING,
    });
  });

  it("03 step A: one UpdateTable creating the GSI with the spec's attribute definitions", async () => {
    const ref = loadReference('03-update.yaml');
    const { outcome, calls } = await update(
      ref,
      2,
      motoEntry(loadReference('01-create-basic.yaml')),
    );
    expect(calls).toEqual([
      {
        operation: 'UpdateTable',
        input: {
          TableName: 'ack-ref-create-basic',
          AttributeDefinitions: [
            { AttributeName: 'id', AttributeType: 'S' },
            { AttributeName: 'owner', AttributeType: 'S' },
          ],
          GlobalSecondaryIndexUpdates: [
            {
              Create: {
                IndexName: 'by-owner',
                KeySchema: [{ AttributeName: 'owner', KeyType: 'HASH' }],
                Projection: { ProjectionType: 'ALL' },
                ProvisionedThroughput: undefined,
              },
            },
          ],
        },
      },
    ]);
    expect(outcome.failure).toEqual(UPDATING);
  });

  it('04 key attribute type: no AWS call, "UPDATING" again and again', async () => {
    const ref = loadReference('04-immutable-change.yaml');
    const { outcome, calls } = await update(
      ref,
      2,
      motoEntry(ref, 'ack-ref-create-basic'),
    );
    expect(calls).toEqual([]);
    expect(outcome.failure).toEqual(UPDATING);
  });

  it('08b partial spec on an adopted table: untag, tag, PITR off, the GSI deleted (TTL not sent)', async () => {
    const ref = loadReference('08-adoption.yaml');
    const { outcome, calls } = await update(
      ref,
      7,
      motoEntry(ref, '8b adopt-me before adoption'),
    );
    expect(calls.map(c => c.operation)).toEqual([
      'UntagResource',
      'TagResource',
      'UpdateContinuousBackups',
      'UpdateTable',
    ]);
    expect(calls[0].input).toEqual({
      ResourceArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/adopt-me',
      TagKeys: ['owner'],
    });
    expect(calls[2].input).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
    });
    expect(calls[3].input).toEqual({
      TableName: 'adopt-me',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-status' } }],
    });
    expect(outcome.failure).toEqual(UPDATING);
  });

  it('08d adopt-or-create: TagResource with the controller tags, then the throughput 2/2', async () => {
    const ref = loadReference('08-adoption.yaml');
    const { outcome, calls } = await update(
      ref,
      14,
      motoEntry(ref, '8d adopt-me-2 before'),
    );
    expect(calls).toEqual([
      {
        operation: 'TagResource',
        input: {
          ResourceArn:
            'arn:aws:dynamodb:us-west-2:123456789012:table/adopt-me-2',
          Tags: [
            {
              Key: 'services.k8s.aws/controller-version',
              Value: 'dynamodb-v1.9.2',
            },
            { Key: 'services.k8s.aws/namespace', Value: 'ack-ref' },
          ],
        },
      },
      {
        operation: 'UpdateTable',
        input: {
          TableName: 'adopt-me-2',
          ProvisionedThroughput: {
            ReadCapacityUnits: 2,
            WriteCapacityUnits: 2,
          },
        },
      },
    ]);
    expect(outcome.failure).toEqual(UPDATING);
  });

  it('tags only: the tag calls and no requeue (synced at once)', async () => {
    const ref = loadReference('08-adoption.yaml');
    const adopted = stateOf(ref, 4);
    const entry = motoEntry(ref, '8a adopt-me-3 before adoption');
    const desired = withControllerTags(adopted.spec!, 'ack-ref');
    const { api, calls } = fakeTableApi(entry);
    const latest = (await readLatest(api, desired, {}, identity))!;
    calls.length = 0;
    const outcome = await customUpdate({
      api,
      delta: computeDelta(desired, latest.spec),
      latest,
      statusArn: adopted.status?.ackResourceMetadata?.arn,
      now: new Date(),
      log: () => undefined,
    });
    expect(calls.map(c => c.operation)).toEqual(['TagResource']);
    expect(outcome).toEqual({ resource: 'desired', conditions: [] });
  });
});
