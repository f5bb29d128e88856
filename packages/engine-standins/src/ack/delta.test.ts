import { fakeTableApi } from './__testUtils__/fakeTableApi';
import {
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import type { ReferenceScenario } from './__testUtils__/ackReference';
import { withControllerTags } from './controllerTags';
import { computeDelta } from './delta';
import { readLatest } from './readLatest';

const identity = { accountId: '123456789012', region: 'us-west-2' };

/** One table's moto answers with TTL and PITR as they were before the controller changed them. */
function before(entry: Record<string, any>, ttl: boolean, pitr: boolean) {
  const copy = structuredClone(entry);
  copy.describe_time_to_live.TimeToLiveDescription = ttl
    ? copy.describe_time_to_live.TimeToLiveDescription
    : { TimeToLiveStatus: 'DISABLED' };
  copy.describe_continuous_backups.ContinuousBackupsDescription.PointInTimeRecoveryDescription =
    { PointInTimeRecoveryStatus: pitr ? 'ENABLED' : 'DISABLED' };
  return copy;
}

async function deltaOf(
  ref: ReferenceScenario,
  state: number,
  entry: Record<string, any>,
) {
  const desired = withControllerTags(stateOf(ref, state).spec ?? {}, 'ack-ref');
  const { api } = fakeTableApi(entry);
  const latest = await readLatest(api, desired, {}, identity);
  return computeDelta(desired, latest!.spec).paths.sort();
}

describe('computeDelta: the differences the real controller logged', () => {
  it('02 create-full, 2nd reconcile: PITR and TTL (applied after the create); none once applied', async () => {
    const ref = loadReference('02-create-full.yaml');
    expect(await deltaOf(ref, 3, before(motoEntry(ref), false, false))).toEqual(
      [
        'Spec.ContinuousBackups.PointInTimeRecoveryEnabled',
        'Spec.TimeToLive.AttributeName',
        'Spec.TimeToLive.Enabled',
      ],
    );
    expect(await deltaOf(ref, 5, motoEntry(ref))).toEqual([]);
  });

  it('01 create-basic: none (PAY_PER_REQUEST zero throughput, defaults and controller tags match)', async () => {
    const ref = loadReference('01-create-basic.yaml');
    expect(await deltaOf(ref, 3, motoEntry(ref))).toEqual([]);
  });

  it('03 update, step A: Spec.AttributeDefinitions and Spec.GlobalSecondaryIndexes', async () => {
    const basic = loadReference('01-create-basic.yaml');
    const ref = loadReference('03-update.yaml');
    expect(await deltaOf(ref, 2, motoEntry(basic))).toEqual([
      'Spec.AttributeDefinitions',
      'Spec.GlobalSecondaryIndexes',
    ]);
  });

  it('03 update, step B: Spec.TimeToLive.AttributeName and .Enabled; none at the end', async () => {
    const ref = loadReference('03-update.yaml');
    expect(await deltaOf(ref, 5, before(motoEntry(ref), false, false))).toEqual(
      ['Spec.TimeToLive.AttributeName', 'Spec.TimeToLive.Enabled'],
    );
    expect(await deltaOf(ref, 7, motoEntry(ref))).toEqual([]);
  });

  it('04 key attribute type changed: Spec.AttributeDefinitions only', async () => {
    const ref = loadReference('04-immutable-change.yaml');
    expect(
      await deltaOf(ref, 2, motoEntry(ref, 'ack-ref-create-basic')),
    ).toEqual(['Spec.AttributeDefinitions']);
  });

  it('08b adopt with a partial spec: everything it leaves out, but not stream or throughput', async () => {
    const ref = loadReference('08-adoption.yaml');
    expect(
      await deltaOf(ref, 6, motoEntry(ref, '8b adopt-me before adoption')),
    ).toEqual([
      'Spec.AttributeDefinitions',
      'Spec.ContinuousBackups.PointInTimeRecoveryEnabled',
      'Spec.GlobalSecondaryIndexes',
      'Spec.KeySchema',
      'Spec.Tags',
      'Spec.TimeToLive.AttributeName',
      'Spec.TimeToLive.Enabled',
    ]);
  });

  it('08d adopt-or-create: the throughput the spec asks (2/2 for 1/1) and the controller tags', async () => {
    const ref = loadReference('08-adoption.yaml');
    expect(
      await deltaOf(ref, 12, motoEntry(ref, '8d adopt-me-2 before')),
    ).toEqual([
      'Spec.ProvisionedThroughput.ReadCapacityUnits',
      'Spec.ProvisionedThroughput.WriteCapacityUnits',
      'Spec.Tags',
    ]);
  });
});
