import { applyMergePatch, fakeTableApi } from './__testUtils__/fakeTableApi';
import {
  describedTable,
  loadReference,
  motoEntry,
  stateOf,
} from './__testUtils__/ackReference';
import { withControllerTags } from './controllerTags';
import { readLatest } from './readLatest';
import { adoptionSpecPatch, runtimeSpecPatch } from './specPatch';
import { specAfterCreate } from './tableDescription';

const identity = { accountId: '123456789012', region: 'us-west-2' };

describe('the spec patches the real controller sent', () => {
  it('05: a PAY_PER_REQUEST create writes GSI throughput {0, 0} into the spec (state [9])', () => {
    const ref = loadReference('05-refusal.yaml');
    const stored = stateOf(ref, 8).spec!;
    const desired = withControllerTags(stored, 'ack-ref');
    const entry = structuredClone(motoEntry(ref, 'refuse-21-gsis'));
    // the capture abbreviates gsi3..gsi21 ('... 19 more, same shape'): write them out
    const table = entry.describe_table.Table;
    const [first] = table.GlobalSecondaryIndexes;
    table.GlobalSecondaryIndexes = Array.from({ length: 21 }, (_, i) => ({
      ...first,
      IndexName: `gsi${i + 1}`,
      KeySchema: [{ AttributeName: `g${i + 1}`, KeyType: 'HASH' }],
    }));
    const created = describedTable(entry);
    const patch = runtimeSpecPatch(desired, specAfterCreate(desired, created));
    expect(applyMergePatch(stored, patch)).toEqual(stateOf(ref, 9).spec);
    expect(
      stateOf(ref, 9).spec!.globalSecondaryIndexes!.every(
        g =>
          g.provisionedThroughput?.readCapacityUnits === 0 &&
          g.provisionedThroughput?.writeCapacityUnits === 0,
      ),
    ).toBe(true);
  });

  it('01 and 02: a create leaves the spec as the user wrote it', () => {
    for (const [file, n] of [
      ['01-create-basic.yaml', 2],
      ['02-create-full.yaml', 2],
    ] as const) {
      const ref = loadReference(file);
      const stored = stateOf(ref, n).spec!;
      const desired = withControllerTags(stored, 'ack-ref');
      const created = describedTable(motoEntry(ref));
      const patch = runtimeSpecPatch(
        desired,
        specAfterCreate(desired, created),
      );
      expect(applyMergePatch(stored, patch)).toEqual(stored);
    }
  });

  it("06: the delete path copies DynamoDB's values back (deletion protection true, the KMS key)", async () => {
    const ref = loadReference('06-delete.yaml');
    const entry = motoEntry(
      ref,
      'ack-ref-create-full while stuck (+40 s, before the first patch)',
    );
    const { api } = fakeTableApi(entry);
    const patched = stateOf(ref, 7);
    const observed = await readLatest(
      api,
      patched.spec!,
      patched.status!,
      identity,
    );
    const patch = runtimeSpecPatch(patched.spec!, observed!.spec);
    expect(applyMergePatch(patched.spec, patch)).toEqual(stateOf(ref, 8).spec);

    // before the user's edit the spec matched DynamoDB: nothing was patched
    const first = stateOf(ref, 5);
    const again = await readLatest(api, first.spec!, first.status!, identity);
    expect(runtimeSpecPatch(first.spec!, again!.spec)).toBeUndefined();
  });

  it("08a adopt: DynamoDB's values replace the spec, user tags only (state [3])", async () => {
    const ref = loadReference('08-adoption.yaml');
    const { api } = fakeTableApi(
      motoEntry(ref, '8a adopt-me-3 after adoption'),
    );
    const latest = await readLatest(
      api,
      { tableName: 'adopt-me-3' },
      {},
      identity,
    );
    const stored = stateOf(ref, 1).spec ?? {};
    expect(
      applyMergePatch(stored, adoptionSpecPatch(stored, latest!.spec)),
    ).toEqual(stateOf(ref, 3).spec);
  });
});
