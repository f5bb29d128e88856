/**
 * Every engine, end to end on the local platform, with no status written by a test: the
 * Application built from a TableSpec is applied; the real vela-core renders it; on the KRO paths
 * the real KRO creates the ACK Table; the local stand-in for the engine's controller (ACK,
 * Crossplane's AWS provider, Kratix) creates the table in the DynamoDB server; vela-core reports
 * the Application healthy; the backend's GET /status reports Ready with the table's ARN; deleting
 * the Application deletes the table (an Observe-only Crossplane table stays).
 */
import { randomBytes } from 'node:crypto';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clearDynamoDbFaults,
  createTestNamespace,
  dynamodbRequest,
  getControllerTestPlatform,
  injectDynamoDbFault,
} from '@internal/local-platform';
import type { PlatformInfo, TestNamespace } from '@internal/local-platform';
import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableSpec,
  TableSpecInput,
  TableStatus,
} from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  KubeVelaClient,
  createDynamoDbClient,
  describeDynamoDbTable,
} from '@vela-tables/plugin-kubevela-node';
import type {
  DynamoDbTableDescription,
  KubeObject,
  ObjectRef,
} from '@vela-tables/plugin-kubevela-node';
import request from 'supertest';
import { kubevelaPlugin } from './plugin';

jest.setTimeout(300_000);

const ACCOUNT = '123456789012';
const REGION = 'us-west-2';
const arnOf = (table: string) =>
  `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${table}`;

const pkSk: Partial<TableSpecInput> = {
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'S' },
    { attributeName: 'gsi1pk', attributeType: 'S' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
};
const pkSkOnly: Partial<TableSpecInput> = {
  ...pkSk,
  attributeDefinitions: pkSk.attributeDefinitions!.slice(0, 2),
};
const gsi1 = {
  indexName: 'gsi1',
  keySchema: [{ attributeName: 'gsi1pk', keyType: 'HASH' as const }],
  projectionType: 'ALL' as const,
};

interface EngineCase {
  /** Short id, also the Application name's stem. */
  id: string;
  engine: EngineId;
  input: Partial<TableSpecInput>;
}

/** One case per engine path the issue names, each with the features that engine offers. */
const CASES: EngineCase[] = [
  {
    id: 'xp-cluster',
    engine: 'crossplane',
    input: {
      ...pkSk,
      crossplane: { scope: 'cluster' },
      billingMode: 'PROVISIONED',
      readCapacityUnits: 5,
      writeCapacityUnits: 5,
      globalSecondaryIndexes: [
        { ...gsi1, readCapacityUnits: 2, writeCapacityUnits: 2 },
      ],
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      // one-item lists in v1beta1: kept through the provider's conversion webhook
      ttl: { enabled: true, attributeName: 'expiresAt' },
      encryption: { enabled: true, sseType: 'KMS' },
      pointInTimeRecovery: true,
    },
  },
  {
    id: 'xp-ns',
    engine: 'crossplane',
    input: {
      ...pkSk,
      crossplane: { scope: 'namespaced' },
      globalSecondaryIndexes: [gsi1],
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'KEYS_ONLY' },
    },
  },
  {
    id: 'kro-traits',
    engine: 'kro',
    input: {
      ...pkSk,
      featureMode: 'traits',
      billingMode: 'PROVISIONED',
      readCapacityUnits: 4,
      writeCapacityUnits: 4,
      globalSecondaryIndexes: [
        { ...gsi1, readCapacityUnits: 1, writeCapacityUnits: 1 },
      ],
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_IMAGE' },
      encryption: { enabled: true, sseType: 'KMS' },
      pointInTimeRecovery: true,
    },
  },
  {
    id: 'kro-inline',
    engine: 'kro',
    input: {
      ...pkSk,
      featureMode: 'inline',
      globalSecondaryIndexes: [gsi1],
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
    },
  },
  {
    id: 'kro-simplified',
    engine: 'kro-simplified',
    input: {
      ...pkSk,
      globalSecondaryIndexes: [gsi1],
      stream: { enabled: true, viewType: 'KEYS_ONLY' },
    },
  },
  {
    id: 'kro-simple',
    engine: 'kro-simple',
    input: {
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    },
  },
  {
    id: 'kratix',
    engine: 'kratix',
    input: {
      ...pkSk,
      attributeDefinitions: pkSk.attributeDefinitions!.slice(0, 2),
      billingMode: 'PROVISIONED',
      readCapacityUnits: 3,
      writeCapacityUnits: 3,
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
      pointInTimeRecovery: true,
      tags: { team: 'orders' },
    },
  },
];

/** What DynamoDB must show for a spec: the parts every engine delivers the same way. */
function expectTableMatches(view: DynamoDbTableDescription, spec: TableSpec) {
  expect(view.tableStatus).toBe('ACTIVE');
  expect(view.keySchema).toEqual(spec.keySchema);
  expect(view.billingMode ?? 'PROVISIONED').toBe(spec.billingMode);
  if (spec.billingMode === 'PROVISIONED') {
    expect(view.provisionedThroughput).toEqual({
      readCapacityUnits: spec.readCapacityUnits,
      writeCapacityUnits: spec.writeCapacityUnits,
    });
  }
  expect(view.globalSecondaryIndexes.map(i => i.indexName)).toEqual(
    spec.globalSecondaryIndexes.map(i => i.indexName),
  );
  expect(view.localSecondaryIndexes.map(i => i.indexName)).toEqual(
    spec.localSecondaryIndexes.map(i => i.indexName),
  );
  expect(view.ttlEnabled).toBe(spec.ttl?.enabled === true);
  if (spec.ttl?.enabled)
    expect(view.ttlAttributeName).toBe(spec.ttl.attributeName);
  expect(view.streamEnabled).toBe(spec.stream?.enabled === true);
  if (spec.stream?.enabled)
    expect(view.streamViewType).toBe(spec.stream.viewType);
  expect(view.pointInTimeRecoveryEnabled).toBe(spec.pointInTimeRecovery);
  if (spec.encryption?.enabled && spec.encryption.sseType === 'KMS')
    expect(view.sseType).toBe('KMS');
}

function component(name: string, namespace: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'app.oam.dev/name': name,
        'app.oam.dev/namespace': namespace,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/platform-team',
    },
  };
}

describe('every engine makes a real table (stand-ins and real controllers, no status written by the test)', () => {
  let info: PlatformInfo;
  let ns: TestNamespace;
  let client: KubeVelaClient;
  let dynamodb: ReturnType<typeof createDynamoDbClient>;
  let getStatus: (name: string) => Promise<{
    status: number;
    body: TableStatus & { error?: { message: string } };
  }>;
  const suffix = randomBytes(3).toString('hex');
  const appName = (id: string) => `e2e-${id}-${suffix}`;
  const extraApps = ['update', 'refuse-ack', 'refuse-xp', 'observe'];

  beforeAll(async () => {
    info = getControllerTestPlatform();
    if (!info.dynamodb)
      throw new Error('the test platform runs no DynamoDB server');
    ns = await createTestNamespace('e2e-engines');
    const registry = new ClusterRegistry([
      {
        name: 'local',
        url: info.kubernetes.server,
        serviceAccountToken: info.kubernetes.adminToken,
        caFile: info.kubernetes.caFile,
        skipTLSVerify: false,
      },
    ]);
    client = new KubeVelaClient({ cluster: registry.get('local') });
    dynamodb = createDynamoDbClient({
      endpoint: info.dynamodb.endpoint,
      region: REGION,
      credentials: {
        accessKeyId: info.dynamodb.accessKeyId,
        secretAccessKey: info.dynamodb.secretAccessKey,
      },
    });
    const names = [...CASES.map(c => appName(c.id)), ...extraApps.map(appName)];
    const { server } = await startTestBackend({
      features: [
        kubevelaPlugin,
        mockServices.rootConfig.factory({
          data: {
            kubevela: {
              status: { cacheTtlSeconds: 0 },
              allowedNamespaces: [ns.name],
              clusters: [
                {
                  name: 'local',
                  url: info.kubernetes.server,
                  serviceAccountToken: info.kubernetes.adminToken,
                  caData: info.kubernetes.caData,
                },
              ],
              aws: {
                endpoint: info.dynamodb.endpoint,
                region: REGION,
                accessKeyId: info.dynamodb.accessKeyId,
                secretAccessKey: info.dynamodb.secretAccessKey,
              },
            },
          },
        }),
        catalogServiceMock.factory({
          entities: names.map(n => component(n, ns.name)),
        }),
      ],
    });
    getStatus = async (name: string) => {
      const res = await request(server)
        .get('/api/kubevela/status')
        .query({ entityRef: `component:default/${name}` })
        .set('Authorization', mockCredentials.user.header());
      return { status: res.status, body: res.body };
    };
  });

  afterAll(async () => {
    if (info?.dynamodb) await clearDynamoDbFaults(info.dynamodb.endpoint);
    await ns?.cleanup();
  });

  function specOf(
    id: string,
    engine: EngineId,
    input: Partial<TableSpecInput>,
  ): TableSpec {
    const name = appName(id);
    const parsed = parseTableSpec({
      engine,
      applicationName: name,
      componentName: `${name}-table`,
      namespace: ns.name,
      tableName: `${name}-table`,
      ...input,
    } as TableSpecInput);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    return parsed.spec;
  }

  const appRef = (spec: TableSpec): ObjectRef => ({
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    name: spec.applicationName,
    namespace: spec.namespace,
  });

  async function waitForStatus(
    name: string,
    done: (s: TableStatus) => boolean,
    what: string,
    timeoutMs = 150_000,
  ): Promise<TableStatus> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      const res = await getStatus(name);
      last = res.body;
      if (res.status === 200 && done(res.body)) return res.body;
      await new Promise(r => setTimeout(r, 1000));
    }
    throw new Error(
      `timed out waiting for ${name} ${what}; last /status answer: ${JSON.stringify(
        last,
      )}`,
    );
  }

  async function describeOrUndefined(
    table: string,
  ): Promise<DynamoDbTableDescription | undefined> {
    try {
      return await describeDynamoDbTable(dynamodb, table);
    } catch (e) {
      if ((e as Error).name === 'NotFoundError') return undefined;
      throw e;
    }
  }

  async function waitForTableGone(table: string): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (!(await describeOrUndefined(table))) return;
      await new Promise(r => setTimeout(r, 1000));
    }
    throw new Error(
      `table ${table} is still in DynamoDB 90 s after its Application was deleted`,
    );
  }

  async function deleteApplication(spec: TableSpec): Promise<void> {
    await client.delete(appRef(spec));
    await client.waitFor(appRef(spec), a => !a, {
      description: `Application ${spec.applicationName} to be deleted`,
      timeoutMs: 90_000,
      maxDelayMs: 1000,
    });
  }

  it.concurrent.each(CASES)(
    '$id: applied -> table ACTIVE as asked -> healthy -> Ready with the ARN -> deleted with the table',
    async c => {
      const spec = specOf(c.id, c.engine, c.input);
      await client.apply(buildApplication(spec) as unknown as KubeObject);

      const ready = await waitForStatus(
        spec.applicationName,
        s => s.phase === 'Ready',
        'to be Ready',
      );
      expect(ready.engine).toBe(c.engine);
      expect(ready.tableName).toBe(spec.tableName);
      expect(ready.tableArn).toBe(arnOf(spec.tableName));
      expect(ready.application.components.every(comp => comp.healthy)).toBe(
        true,
      );
      expect(ready.engineResources.some(r => r.fromStandIn)).toBe(true);
      expect(ready.dynamoDb?.tableStatus).toBe('ACTIVE');
      expect(ready.drift ?? []).toEqual([]);
      expectTableMatches(
        await describeDynamoDbTable(dynamodb, spec.tableName),
        spec,
      );

      await deleteApplication(spec);
      await waitForTableGone(spec.tableName);
    },
  );

  it('an update reaches DynamoDB: a GSI added and TTL switched on (kro, traits)', async () => {
    const before = specOf('update', 'kro', {
      ...pkSkOnly,
      featureMode: 'traits',
    });
    await client.apply(buildApplication(before) as unknown as KubeObject);
    await waitForStatus(
      before.applicationName,
      s => s.phase === 'Ready',
      'to be Ready',
    );
    const first = await describeDynamoDbTable(dynamodb, before.tableName);
    expect(first.globalSecondaryIndexes).toEqual([]);
    expect(first.ttlEnabled).toBe(false);

    const after = specOf('update', 'kro', {
      ...pkSk,
      featureMode: 'traits',
      globalSecondaryIndexes: [gsi1],
      ttl: { enabled: true, attributeName: 'expiresAt' },
    });
    await client.apply(buildApplication(after) as unknown as KubeObject);
    const deadline = Date.now() + 120_000;
    let view = first;
    while (
      Date.now() < deadline &&
      !(view.ttlEnabled && view.globalSecondaryIndexes.length === 1)
    ) {
      await new Promise(r => setTimeout(r, 1000));
      view = await describeDynamoDbTable(dynamodb, after.tableName);
    }
    expectTableMatches(view, after);
    expect(view.tableArn).toBe(first.tableArn);
    await waitForStatus(
      after.applicationName,
      s => s.phase === 'Ready' && (s.drift ?? []).length === 0,
      'to be Ready again without drift',
    );

    await deleteApplication(after);
    await waitForTableGone(after.tableName);
  });

  it.each([
    {
      id: 'refuse-ack',
      engine: 'kro-simplified' as const,
      code: 'ValidationException',
      message:
        'One or more parameter values were invalid: refused by the test through the DynamoDB server',
    },
    {
      id: 'refuse-xp',
      engine: 'crossplane' as const,
      code: 'LimitExceededException',
      message:
        'Subscriber limit exceeded: There is a limit of 256 tables in CREATING state',
    },
  ])(
    '$engine: DynamoDB refusing CreateTable ($code) turns the status Failed with DynamoDB’s message',
    async c => {
      const spec = specOf(c.id, c.engine, { ...pkSkOnly });
      await injectDynamoDbFault(info.dynamodb!.endpoint, {
        operation: 'CreateTable',
        tableName: spec.tableName,
        code: c.code,
        message: c.message,
      });
      await client.apply(buildApplication(spec) as unknown as KubeObject);
      const failed = await waitForStatus(
        spec.applicationName,
        s => s.phase === 'Failed',
        'to be Failed',
        90_000,
      );
      expect(failed.summary).toContain(c.message);
      expect(await describeOrUndefined(spec.tableName)).toBeUndefined();
      await clearDynamoDbFaults(info.dynamodb!.endpoint);
      await deleteApplication(spec);
    },
  );

  it('crossplane Observe-only: an existing table is read, never changed, and stays when the Application is deleted', async () => {
    const spec = specOf('observe', 'crossplane', {
      ...pkSk,
      attributeDefinitions: pkSk.attributeDefinitions!.slice(0, 2),
      crossplane: { scope: 'namespaced', managementPolicies: ['Observe'] },
    });
    const created = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'CreateTable',
      {
        TableName: spec.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      },
      { region: REGION },
    );
    expect(created.status).toBe(200);
    try {
      await client.apply(buildApplication(spec) as unknown as KubeObject);
      const ready = await waitForStatus(
        spec.applicationName,
        s => s.phase === 'Ready',
        'to be Ready',
      );
      expect(ready.tableArn).toBe(arnOf(spec.tableName));
      await deleteApplication(spec);
      // give a delete that should not happen the time it would take
      await new Promise(r => setTimeout(r, 5000));
      expect(
        (await describeDynamoDbTable(dynamodb, spec.tableName)).tableStatus,
      ).toBe('ACTIVE');
    } finally {
      await dynamodbRequest(
        info.dynamodb!.endpoint,
        'DeleteTable',
        { TableName: spec.tableName },
        { region: REGION },
      );
    }
  });
});
