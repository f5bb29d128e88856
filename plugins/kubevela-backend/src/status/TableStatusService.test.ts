import { NotAllowedError, NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { ClusterRegistry } from '@vela-tables/plugin-kubevela-node';
import type { DynamoDbTableDescription, KubeObject, ObjectRef } from '@vela-tables/plugin-kubevela-node';
import { crossplaneObjects } from './__fixtures__/crossplaneTable';
import { TableStatusService } from './TableStatusService';
import type { StatusClusterClient } from './TableStatusService';

const FIXTURE = { app: 'orders', namespace: 'team-a', table: 'orders-table', ready: true };

/** An in-memory cluster that counts the calls made to it. */
function fakeCluster(name: string, objects: KubeObject[], fail?: Error) {
  const calls: string[] = [];
  const matches = (o: KubeObject, ref: { apiVersion: string; kind: string; namespace?: string }) =>
    o.apiVersion === ref.apiVersion && o.kind === ref.kind && (!ref.namespace || o.metadata.namespace === ref.namespace);
  const client: StatusClusterClient = {
    clusterName: name,
    server: `https://${name}.example:6443`,
    async get(ref: ObjectRef) {
      calls.push(`get ${ref.kind} ${ref.name}`);
      if (fail) throw fail;
      const found = objects.find(o => matches(o, ref) && o.metadata.name === ref.name);
      if (!found) throw new NotFoundError(`${ref.kind} '${ref.name}' was not found`);
      return found;
    },
    async tryGet(ref) {
      calls.push(`get ${ref.kind} ${ref.name}`);
      if (fail) throw fail;
      return objects.find(o => matches(o, ref) && o.metadata.name === ref.name);
    },
    async list(query) {
      calls.push(`list ${query.apiVersion} ${query.kind}`);
      if (fail) throw fail;
      const [label, value] = (query.labelSelector ?? '=').split('=');
      return objects.filter(o => matches(o, query) && (!label || o.metadata.labels?.[label] === value));
    },
  };
  return { client, calls };
}

function dynamoDbTable(overrides: Partial<DynamoDbTableDescription> = {}): DynamoDbTableDescription {
  return {
    tableName: 'orders-table',
    tableStatus: 'ACTIVE',
    tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
    keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
    attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
    billingMode: 'PAY_PER_REQUEST',
    streamEnabled: false,
    globalSecondaryIndexNames: [],
    localSecondaryIndexNames: [],
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    deletionProtectionEnabled: false,
    ttlEnabled: false,
    pointInTimeRecoveryEnabled: false,
    observedAt: '2026-01-01T00:01:00Z',
    ...overrides,
  };
}

function service(options: {
  clusters?: Record<string, ReturnType<typeof fakeCluster>>;
  describeTable?: (name: string) => Promise<DynamoDbTableDescription>;
  cacheTtlMs?: number;
}) {
  const clusters = options.clusters ?? {};
  return new TableStatusService({
    clusters: new ClusterRegistry(
      Object.keys(clusters).map(name => ({ name, url: `https://${name}.example:6443`, skipTLSVerify: true })),
    ),
    cacheTtlMs: options.cacheTtlMs ?? 0,
    describeTable: options.describeTable,
    clientFor: cluster => clusters[cluster.config.name].client,
  });
}

function entity(annotations: Record<string, string>) {
  return { metadata: { annotations } };
}

const LINKED = entity({ 'app.oam.dev/name': 'orders', 'app.oam.dev/namespace': 'team-a' });

describe('TableStatusService', () => {
  it('reads the Application and its engine resources into one TableStatus', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const status = await service({ clusters: { local } }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status).toMatchObject({
      phase: 'Ready',
      engine: 'crossplane',
      cluster: 'local',
      tableName: 'orders-table',
      tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
      billingMode: 'PAY_PER_REQUEST',
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      application: { name: 'orders', namespace: 'team-a', phase: 'running' },
    });
    expect(status.engineResources.map(r => `${r.kind} ${r.name}`)).toEqual(['Table orders-table']);
    expect(status.dynamoDb).toBeUndefined();
    expect(status.dynamoDbError).toBeUndefined();
  });

  it('rejects an entity without app.oam.dev/name, naming the annotation', async () => {
    const local = fakeCluster('local', []);
    await expect(
      service({ clusters: { local } }).getStatusOfEntity(entity({}), 'component:default/orders'),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringContaining("'app.oam.dev/name'") });
    expect(local.calls).toEqual([]);
  });

  it('answers NotFoundError naming Application, namespace and cluster when the Application is missing', async () => {
    const local = fakeCluster('local', []);
    await expect(service({ clusters: { local } }).getStatusOfEntity(LINKED, 'component:default/orders')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "Application 'orders' was not found in namespace 'team-a' on cluster 'local' (https://local.example:6443)",
    });
  });

  it('reads from the cluster named by kubevela.io/cluster, else the first configured one', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const first = fakeCluster('first', []);
    const second = fakeCluster('second', [application, table]);
    const svc = service({ clusters: { first, second } });
    const status = await svc.getStatusOfEntity(
      entity({ 'app.oam.dev/name': 'orders', 'app.oam.dev/namespace': 'team-a', 'kubevela.io/cluster': 'second' }),
      'component:default/orders',
    );
    expect(status.cluster).toBe('second');
    await expect(svc.getStatusOfEntity(LINKED, 'component:default/orders')).rejects.toMatchObject({
      message: expect.stringContaining("on cluster 'first'"),
    });
  });

  it('answers NotFoundError listing the known clusters for an unknown kubevela.io/cluster', async () => {
    const local = fakeCluster('local', []);
    await expect(
      service({ clusters: { local } }).getStatusOfEntity(
        entity({ 'app.oam.dev/name': 'orders', 'kubevela.io/cluster': 'prod' }),
        'component:default/orders',
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError', message: expect.stringContaining("known clusters: 'local'") });
  });

  it.each([
    ['ServiceUnavailableError', new ServiceUnavailableError('the Kubernetes API of cluster local is unavailable')],
    ['NotAllowedError', new NotAllowedError('not allowed to get applications')],
  ])('passes the cluster client’s %s through unchanged', async (name, error) => {
    const local = fakeCluster('local', [], error);
    await expect(service({ clusters: { local } }).getStatusOfEntity(LINKED, 'component:default/orders')).rejects.toMatchObject({
      name,
      message: error.message,
    });
  });

  it('adds DynamoDB’s view and the drift from the engine resource when DynamoDB is configured', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const describeTable = jest.fn(async () => dynamoDbTable());
    const status = await service({ clusters: { local }, describeTable }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(describeTable).toHaveBeenCalledWith('orders-table');
    expect(status.dynamoDb).toMatchObject({ tableStatus: 'ACTIVE', billingMode: 'PAY_PER_REQUEST' });
    // The Table asks for point-in-time recovery; DynamoDB has none.
    expect(status.drift).toEqual([{ field: 'pointInTimeRecovery', desired: 'true', actual: 'false' }]);
  });

  it('keeps the status when DynamoDB fails, reporting the failure as dynamoDbError', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const describeTable = async () => {
      throw new ServiceUnavailableError("DynamoDB at 127.0.0.1 region us-west-2 is unavailable while describing table 'orders-table'");
    };
    const status = await service({ clusters: { local }, describeTable }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status.phase).toBe('Ready');
    expect(status.dynamoDb).toBeUndefined();
    expect(status.dynamoDbError).toContain('is unavailable while describing');
  });

  it('does not ask DynamoDB before anything names the table', async () => {
    const { application } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [{ ...application, status: { status: 'runningWorkflow' } }]);
    const describeTable = jest.fn(async () => dynamoDbTable());
    const status = await service({ clusters: { local }, describeTable }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status.phase).toBe('Provisioning');
    expect(describeTable).not.toHaveBeenCalled();
  });

  it('serves repeated reads of one Application within the TTL without calling the cluster again', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const svc = service({ clusters: { local }, cacheTtlMs: 5000 });
    await svc.getStatusOfEntity(LINKED, 'component:default/orders');
    const perRead = local.calls.length;
    await Promise.all([1, 2, 3].map(() => svc.getStatusOfEntity(LINKED, 'component:default/other-entity-same-app')));
    expect(local.calls).toHaveLength(perRead);
  });
});
