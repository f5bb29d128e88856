import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ClusterRegistry } from '@vela-tables/plugin-kubevela-node';
import type {
  DynamoDbTableDescription,
  InformerState,
  KubeObject,
  ObjectRef,
} from '@vela-tables/plugin-kubevela-node';
import { crossplaneObjects } from './__fixtures__/crossplaneTable';
import { TableStatusService } from './TableStatusService';
import type { StatusCluster } from './TableStatusService';
import type { DescribeTable } from './addDynamoDbView';

const FIXTURE = {
  app: 'orders',
  namespace: 'team-a',
  table: 'orders-table',
  ready: true,
};

/**
 * An in-memory cluster shaped like the watches of one cluster (a unit test of the assembling
 * logic; the real watches run against the apiserver in status.integration.test.ts). `state` is
 * the state of every kind's informer; `fail` makes every direct read throw (or is the failing
 * watch's error).
 */
function fakeCluster(
  name: string,
  objects: KubeObject[],
  options: { fail?: Error; state?: InformerState; staleSince?: number } = {},
) {
  const calls: string[] = [];
  const state = options.state ?? 'synced';
  const matches = (
    o: KubeObject,
    ref: { apiVersion: string; kind: string; namespace?: string },
  ) =>
    o.apiVersion === ref.apiVersion &&
    o.kind === ref.kind &&
    (!ref.namespace || o.metadata.namespace === ref.namespace);
  const find = (ref: ObjectRef) =>
    objects.find(o => matches(o, ref) && o.metadata.name === ref.name);
  const cluster: StatusCluster = {
    name,
    server: `https://${name}.example:6443`,
    reader() {
      const get = async (ref: ObjectRef) => {
        calls.push(`get ${ref.kind} ${ref.name}`);
        // a failing watch serves what it holds; `fail` is then the watch's error, not the read's
        if (options.fail && state !== 'failing') throw options.fail;
        return find(ref);
      };
      return {
        get,
        tryGet: get,
        async list(query) {
          calls.push(`list ${query.apiVersion} ${query.kind}`);
          if (options.fail && state !== 'failing') throw options.fail;
          const [label, value] = (query.labelSelector ?? '=').split('=');
          return objects.filter(
            o =>
              matches(o, query) &&
              (!label || o.metadata.labels?.[label] === value),
          );
        },
      };
    },
    informer(kind) {
      return {
        state,
        hasSynced: state !== 'starting',
        error:
          state === 'failing'
            ? options.fail ??
              new ServiceUnavailableError(`cluster '${name}' is down`)
            : undefined,
        get: (namespace, n) => find({ ...kind, namespace, name: n }),
      };
    },
    freshness() {
      if (state !== 'failing') return { stale: false };
      const since = options.staleSince ?? Date.now() - 42_000;
      return {
        stale: true,
        staleSince: new Date(since).toISOString(),
        ageSeconds: Math.round((Date.now() - since) / 1000),
      };
    },
  };
  return { cluster, calls };
}

function dynamoDbTable(
  overrides: Partial<DynamoDbTableDescription> = {},
): DynamoDbTableDescription {
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
  describeTable?: DescribeTable;
}) {
  const clusters = options.clusters ?? {};
  const registry = new ClusterRegistry(
    Object.keys(clusters).map(name => ({
      name,
      url: `https://${name}.example:6443`,
      skipTLSVerify: true,
    })),
  );
  return new TableStatusService({
    watches: {
      cluster: name => clusters[registry.get(name).config.name].cluster,
    },
    describeTable: options.describeTable,
  });
}

function entity(annotations: Record<string, string>) {
  return { metadata: { annotations } };
}

const LINKED = entity({
  'app.oam.dev/name': 'orders',
  'app.oam.dev/namespace': 'team-a',
});

describe('TableStatusService', () => {
  it('reads the Application and its engine resources into one TableStatus', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const status = await service({ clusters: { local } }).getStatusOfEntity(
      LINKED,
      'component:default/orders',
    );
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
    expect(status.engineResources.map(r => `${r.kind} ${r.name}`)).toEqual([
      'Table orders-table',
    ]);
    expect(status.dynamoDb).toBeUndefined();
    expect(status.dynamoDbError).toBeUndefined();
  });

  it('rejects an entity without app.oam.dev/name, naming the annotation', async () => {
    const local = fakeCluster('local', []);
    await expect(
      service({ clusters: { local } }).getStatusOfEntity(
        entity({}),
        'component:default/orders',
      ),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining("'app.oam.dev/name'"),
    });
    expect(local.calls).toEqual([]);
  });

  it('answers NotFoundError naming Application, namespace and cluster when the Application is missing', async () => {
    const local = fakeCluster('local', []);
    await expect(
      service({ clusters: { local } }).getStatusOfEntity(
        LINKED,
        'component:default/orders',
      ),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message:
        "Application 'orders' was not found in namespace 'team-a' on cluster 'local' (https://local.example:6443)",
    });
  });

  it('reads from the cluster named by kubevela.io/cluster, else the first configured one', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const first = fakeCluster('first', []);
    const second = fakeCluster('second', [application, table]);
    const svc = service({ clusters: { first, second } });
    const status = await svc.getStatusOfEntity(
      entity({
        'app.oam.dev/name': 'orders',
        'app.oam.dev/namespace': 'team-a',
        'kubevela.io/cluster': 'second',
      }),
      'component:default/orders',
    );
    expect(status.cluster).toBe('second');
    await expect(
      svc.getStatusOfEntity(LINKED, 'component:default/orders'),
    ).rejects.toMatchObject({
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
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("known clusters: 'local'"),
    });
  });

  it.each([
    [
      'ServiceUnavailableError',
      new ServiceUnavailableError(
        'the Kubernetes API of cluster local is unavailable',
      ),
    ],
    ['NotAllowedError', new NotAllowedError('not allowed to get applications')],
  ])(
    'passes the cluster client’s %s through unchanged',
    async (name, error) => {
      const local = fakeCluster('local', [], { fail: error });
      await expect(
        service({ clusters: { local } }).getStatusOfEntity(
          LINKED,
          'component:default/orders',
        ),
      ).rejects.toMatchObject({
        name,
        message: error.message,
      });
    },
  );

  it('adds DynamoDB’s view and the drift from the engine resource when DynamoDB is configured', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const describeTable = jest.fn(async () => dynamoDbTable());
    const status = await service({
      clusters: { local },
      describeTable,
    }).getStatusOfEntity(LINKED, 'component:default/orders');
    // the region the Crossplane Table names (forProvider.region)
    expect(describeTable).toHaveBeenCalledWith('orders-table', 'us-west-2');
    expect(status.dynamoDb).toMatchObject({
      tableStatus: 'ACTIVE',
      billingMode: 'PAY_PER_REQUEST',
    });
    // The Table asks for point-in-time recovery; DynamoDB has none.
    expect(status.drift).toEqual([
      { field: 'pointInTimeRecovery', desired: 'true', actual: 'false' },
    ]);
  });

  it('keeps the status when DynamoDB fails, reporting the failure as dynamoDbError', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const describeTable = async () => {
      throw new ServiceUnavailableError(
        "DynamoDB at 127.0.0.1 region us-west-2 is unavailable while describing table 'orders-table'",
      );
    };
    const status = await service({
      clusters: { local },
      describeTable,
    }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status.phase).toBe('Ready');
    expect(status.dynamoDb).toBeUndefined();
    expect(status.dynamoDbError).toContain('is unavailable while describing');
    expect(status.dynamoDbTableMissing).toBeUndefined();
  });

  it('says when DynamoDB has no table of that name, apart from other failures', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const describeTable = async () => {
      throw new NotFoundError(
        "DynamoDB table 'orders-table' does not exist at 127.0.0.1 region us-west-2",
      );
    };
    const status = await service({
      clusters: { local },
      describeTable,
    }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status.dynamoDbError).toContain('does not exist');
    expect(status.dynamoDbTableMissing).toBe(true);
  });

  it('does not ask DynamoDB before anything names the table', async () => {
    const { application } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [
      { ...application, status: { status: 'runningWorkflow' } },
    ]);
    const describeTable = jest.fn(async () => dynamoDbTable());
    const status = await service({
      clusters: { local },
      describeTable,
    }).getStatusOfEntity(LINKED, 'component:default/orders');
    expect(status.phase).toBe('Provisioning');
    expect(describeTable).not.toHaveBeenCalled();
  });

  it('marks what it serves stale, with its age, while a watch of the cluster fails', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const since = Date.now() - 90_000;
    const local = fakeCluster('local', [application, table], {
      state: 'failing',
      staleSince: since,
    });
    // only the engine kinds fail here: the Application informer answers from memory
    local.cluster.informer = kind => ({
      state: kind.kind === 'Application' ? 'synced' : 'failing',
      hasSynced: true,
      error:
        kind.kind === 'Application'
          ? undefined
          : new ServiceUnavailableError('watch of Tables failing'),
      get: () => undefined,
    });
    const status = await service({ clusters: { local } }).getStatusOfEntity(
      LINKED,
      'component:default/orders',
    );
    expect(status).toMatchObject({
      phase: 'Ready',
      stale: true,
      staleSince: new Date(since).toISOString(),
    });
    expect(status.ageSeconds).toBeGreaterThanOrEqual(90);
  });

  it.each([
    [
      'ServiceUnavailableError',
      new ServiceUnavailableError(
        "the Kubernetes API of cluster 'local' is unavailable (ECONNREFUSED)",
      ),
    ],
    [
      'NotAllowedError',
      new NotAllowedError(
        "not allowed to list applications.core.oam.dev in cluster scope on cluster 'local'",
      ),
    ],
  ])(
    'answers %s naming the cluster, with the last known status marked stale, once a synced Application watch fails',
    async (name, cause) => {
      const { application, table } = crossplaneObjects(FIXTURE);
      const local = fakeCluster('local', [application, table], {
        state: 'failing',
        fail: cause,
      });
      const error = await service({ clusters: { local } })
        .getStatusOfEntity(LINKED, 'component:default/orders')
        .then(
          () => undefined,
          e => e,
        );
      expect(error).toMatchObject({
        name,
        message: expect.stringContaining(
          "the watch of cluster 'local' is failing since",
        ),
      });
      expect(error.message).toContain(cause.message);
      expect(error.lastKnownStatus).toMatchObject({
        phase: 'Ready',
        stale: true,
        cluster: 'local',
      });
    },
  );

  it('adds the phase history when the service keeps one', async () => {
    const { application, table } = crossplaneObjects(FIXTURE);
    const local = fakeCluster('local', [application, table]);
    const history = jest.fn(async () => [
      {
        phase: 'Ready' as const,
        at: '2026-01-01T00:00:42Z',
        from: 'Provisioning' as const,
      },
    ]);
    const svc = new TableStatusService({
      watches: { cluster: () => local.cluster },
      history,
    });
    const status = await svc.getStatusOfEntity(
      LINKED,
      'component:default/orders',
    );
    expect(history).toHaveBeenCalledWith('local', 'team-a', 'orders');
    expect(status.history).toEqual([
      { phase: 'Ready', at: '2026-01-01T00:00:42Z', from: 'Provisioning' },
    ]);
  });
});
