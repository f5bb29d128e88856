import { UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import type { AckTable } from '@vela-tables/plugin-kubevela-node';
import { startAckHarness } from './__testUtils__/ackHarness';
import type { AckHarness } from './__testUtils__/ackHarness';
import { loadReference, stateOf } from './__testUtils__/ackReference';
import { normalize } from './__testUtils__/normalize';
import { ACK_FINALIZER } from './constants';

jest.setTimeout(90_000);

const synced = (t?: AckTable) =>
  !!t?.status?.conditions?.some(
    c => c.type === 'ACK.ResourceSynced' && c.status === 'True',
  );
const gone = (t?: AckTable) => !t;
const basicSpec = (tableName: string) => ({
  ...stateOf(loadReference('01-create-basic.yaml'), 1).spec,
  tableName,
});

describe('ACK stand-in: delete', () => {
  let h: AckHarness;
  beforeAll(async () => {
    h = await startAckHarness('ack-delete');
  });
  afterAll(async () => {
    await h.cleanup();
  });

  async function tableExists(tableName: string): Promise<boolean> {
    const described = await h.aws('DescribeTable', { TableName: tableName });
    if (described.error === 'ResourceNotFoundException') return false;
    if (described.error) throw new Error(JSON.stringify(described));
    return true;
  }

  it('06a: DeleteTable, then the finalizer removed; no condition change on the way', async () => {
    const name = 'delete-me';
    const tableName = h.tableName('delete');
    await h.create({ metadata: { name }, spec: basicSpec(tableName) });
    await h.waitFor(name, 'synced', synced);
    const started = Date.now();
    await h.kube.delete(h.path(name));
    await h.waitFor(name, 'deleted', gone);
    expect(await tableExists(tableName)).toBe(false);
    const states = h.statesOf(name, started);
    expect(states[states.length - 1].type).toBe('DELETED');
    // the conditions stay those of the last Sync until the object is gone
    for (const s of states) {
      expect(
        s.object.status?.conditions?.map(c => `${c.type}=${c.status}`),
      ).toEqual(['ACK.ResourceSynced=True', 'Ready=True']);
    }
  });

  it('07 retain: the finalizer removed without any DynamoDB call, the table stays with its ACK tags', async () => {
    const name = 'retain-me';
    const tableName = h.tableName('retain');
    await h.create({
      metadata: {
        name,
        annotations: { 'services.k8s.aws/deletion-policy': 'retain' },
      },
      spec: basicSpec(tableName),
    });
    const table = await h.waitFor(name, 'synced', synced);
    expect(table!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    await h.kube.delete(h.path(name));
    await h.waitFor(name, 'deleted', gone);
    expect(await tableExists(tableName)).toBe(true);
    const arn = (await h.aws('DescribeTable', { TableName: tableName })).Table
      .TableArn;
    expect(
      (await h.aws('ListTagsOfResource', { ResourceArn: arn })).Tags,
    ).toEqual([
      { Key: 'services.k8s.aws/controller-version', Value: 'dynamodb-v1.9.2' },
      { Key: 'services.k8s.aws/namespace', Value: h.namespace },
    ]);
  });

  it('06b deletion protection: ACK.Terminal added next to the synced conditions, the spec set back from DynamoDB, released only when DynamoDB allows it', async () => {
    const ref = loadReference('06-delete.yaml');
    const name = 'protected';
    const tableName = h.tableName('protected');
    const names = { 'ack-ref-create-full': tableName, 'ack-ref': h.namespace };
    await h.create({
      metadata: { name },
      spec: { ...basicSpec(tableName), deletionProtectionEnabled: true },
    });
    await h.waitFor(name, 'synced', synced);
    await h.kube.delete(h.path(name));
    const refused = await h.waitFor(
      name,
      'ACK.Terminal',
      t => !!t?.status?.conditions?.some(c => c.type === 'ACK.Terminal'),
    );
    // [6]: exactly the real controller's conditions (the table name differs)
    expect(normalize(refused!.status!.conditions, names)).toEqual(
      normalize(stateOf(ref, 6).status!.conditions, names),
    );
    expect(refused!.metadata.finalizers).toEqual([ACK_FINALIZER]);
    expect(await tableExists(tableName)).toBe(true);

    // [7] -> [8]: the user's false is set back to true by the delete path
    await h.kube.mergePatch(h.path(name), {
      spec: { deletionProtectionEnabled: false },
    });
    const reverted = await h.waitFor(
      name,
      'the spec set back',
      t =>
        t?.spec?.deletionProtectionEnabled === true &&
        (t.metadata.generation ?? 0) >= 4,
    );
    expect(reverted!.metadata.generation).toBe(4);
    expect(await tableExists(tableName)).toBe(true);

    // released after protection is off in DynamoDB and the spec changes again
    await h.dynamodb.send(
      new UpdateTableCommand({
        TableName: tableName,
        DeletionProtectionEnabled: false,
      }),
    );
    await h.kube.mergePatch(h.path(name), {
      spec: { deletionProtectionEnabled: false },
    });
    await h.waitFor(name, 'deleted', gone);
    expect(await tableExists(tableName)).toBe(false);
  });

  it('a Table whose table is already gone from DynamoDB loses its finalizer at once', async () => {
    const name = 'already-gone';
    const tableName = h.tableName('gone');
    await h.create({ metadata: { name }, spec: basicSpec(tableName) });
    await h.waitFor(name, 'synced', synced);
    await h.aws('DeleteTable', { TableName: tableName });
    const started = Date.now();
    await h.kube.delete(h.path(name));
    await h.waitFor(name, 'deleted', gone, 5000);
    expect(h.statesOf(name, started).pop()?.type).toBe('DELETED');
  });

  it('writes only status fields of the real CRD', () => {
    expect(h.schemaViolations()).toEqual([]);
  });
});
