import { fakeTableApi } from './__testUtils__/fakeTableApi';
import {
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import { omitEmpty } from './mergePatch';
import { readLatest } from './readLatest';

const identity = { accountId: '123456789012', region: 'us-west-2' };

function withoutConditions(status: unknown) {
  const { conditions: _ignored, ...rest } = status as Record<string, unknown>;
  return omitEmpty(rest);
}

describe('readLatest: the status the real controller wrote, from what DynamoDB answered', () => {
  it('01 create-basic: arn, account, partition, region, creationDateTime, itemCount, size, ACTIVE', async () => {
    const ref = loadReference('01-create-basic.yaml');
    const { api } = fakeTableApi(motoEntry(ref));
    const synced = stateOf(ref, 3);
    const latest = await readLatest(api, synced.spec!, {}, identity);
    expect(withoutConditions(latest!.status)).toEqual(
      withoutConditions(synced.status),
    );
  });

  it('02 create-full: also the GSI descriptions and the stream ARN and label', async () => {
    const ref = loadReference('02-create-full.yaml');
    const { api } = fakeTableApi(motoEntry(ref));
    const synced = stateOf(ref, 5);
    const latest = await readLatest(api, synced.spec!, {}, identity);
    expect(withoutConditions(latest!.status)).toEqual(
      withoutConditions(synced.status),
    );
    expect(latest!.busy).toBeUndefined();
  });

  it('08a adopt: the status of an adopted table, with its own creation time', async () => {
    const ref = loadReference('08-adoption.yaml');
    const { api, calls } = fakeTableApi(
      motoEntry(ref, '8a adopt-me-3 after adoption'),
    );
    const adopted = stateOf(ref, 4);
    const latest = await readLatest(
      api,
      { tableName: 'adopt-me-3' },
      {},
      identity,
    );
    expect(withoutConditions(latest!.status)).toEqual(
      withoutConditions(adopted.status),
    );
    expect(calls.map(c => c.operation)).toEqual([
      'DescribeTable',
      'ListTagsOfResource',
      'DescribeTimeToLive',
      'DescribeContinuousBackups',
    ]);
  });

  it('reads tags, TTL and PITR into the spec it compares with', async () => {
    const ref = loadReference('02-create-full.yaml');
    const { api } = fakeTableApi(motoEntry(ref));
    const latest = await readLatest(api, stateOf(ref, 5).spec!, {}, identity);
    expect(latest!.spec.timeToLive).toEqual({
      attributeName: 'expiresAt',
      enabled: true,
    });
    expect(latest!.spec.continuousBackups).toEqual({
      pointInTimeRecoveryEnabled: true,
    });
    expect(latest!.spec.tags?.map(t => t.key)).toEqual([
      'team',
      'env',
      'services.k8s.aws/controller-version',
      'services.k8s.aws/namespace',
    ]);
    expect(latest!.spec.sseSpecification).toEqual({
      enabled: true,
      sseType: 'KMS',
      kmsMasterKeyID: expect.stringMatching(/^arn:aws:kms:/),
    });
  });

  it('is undefined when DynamoDB has no such table (the create path follows)', async () => {
    const { api } = fakeTableApi(undefined);
    expect(
      await readLatest(api, { tableName: 'nope' }, {}, identity),
    ).toBeUndefined();
    expect(await readLatest(api, {}, {}, identity)).toBeUndefined();
  });

  it("stops at a busy table with the controller's own requeue error", async () => {
    const ref = loadReference('01-create-basic.yaml');
    const entry = structuredClone(motoEntry(ref));
    entry.describe_table.Table.TableStatus = 'UPDATING';
    const { api, calls } = fakeTableApi(entry);
    const latest = await readLatest(api, stateOf(ref, 3).spec!, {}, identity);
    expect(latest!.busy).toEqual({
      kind: 'requeue',
      text: "table in 'UPDATING' state, cannot be modified or deleted",
      afterMs: 10_000,
    });
    expect(calls.map(c => c.operation)).toEqual(['DescribeTable']);
  });
});
