import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  clearDynamoDbFaults,
  createTestNamespace,
  getControllerTestPlatform,
  injectDynamoDbFault,
  kubeConnection,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import { readKratixTableStatus } from '@vela-tables/plugin-kubevela-node';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { randomBytes } from 'node:crypto';
import { KubeRest } from '../runtime/kubeRest';
import { ensureStandIns } from '../testing/ensureStandIns';
import type { TestStandIns } from '../testing/ensureStandIns';

// A DynamoDBRequest on the real kube-apiserver (the CRD of manifests/kratix), turned into a table
// on moto by the Kratix stand-in (running the Promise's pipelines from
// packages/kratix-dynamodb-pipeline) and the ACK stand-in (the ACK Table the pipeline output).
// No status is written by the test.

jest.setTimeout(240_000);

const REQUESTS = '/apis/dynamodb.kratix.io/v1alpha1';

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${
          last ? `: ${String(last)}` : ''
        }`,
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

function condition(object: KubeObject | undefined, type: string) {
  const conditions = (object?.status as any)?.conditions ?? [];
  return conditions.find((c: any) => c.type === type);
}

describe('the Kratix stand-in, with the ACK stand-in, on the local platform', () => {
  let kube: KubeRest;
  let dynamodb: DynamoDBClient;
  let dynamodbEndpoint: string;
  let namespace: TestNamespace;
  let standIns: TestStandIns;
  const tableName = `kratix-it-${randomBytes(4).toString('hex')}`;
  let requestPath: string;
  /** Every request and table a test made, for the cleanup. */
  const made: Array<{ path: string; tableName: string }> = [];

  const pathOf = (name: string) =>
    `${REQUESTS}/namespaces/${namespace.name}/dynamodbrequests/${name}`;

  /** Applies a small on-demand request for a new table; returns its path and table name. */
  async function request(name: string) {
    const table = `kratix-it-${randomBytes(4).toString('hex')}`;
    const path = pathOf(name);
    made.push({ path, tableName: table });
    await kube.apply(
      path,
      {
        apiVersion: 'dynamodb.kratix.io/v1alpha1',
        kind: 'DynamoDBRequest',
        metadata: { name, namespace: namespace.name },
        spec: {
          tableName: table,
          attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        },
      },
      'kratix-integration-test',
    );
    return { path, table };
  }

  beforeAll(async () => {
    const info = getControllerTestPlatform();
    kube = new KubeRest(kubeConnection(info));
    dynamodbEndpoint = info.dynamodb!.endpoint;
    dynamodb = new DynamoDBClient({
      region: 'us-west-2',
      endpoint: dynamodbEndpoint,
      credentials: {
        accessKeyId: info.dynamodb!.accessKeyId,
        secretAccessKey: info.dynamodb!.secretAccessKey,
      },
    });
    namespace = await createTestNamespace('kratix-standin', { info });
    requestPath = pathOf('orders');
    made.push({ path: requestPath, tableName });
    standIns = await ensureStandIns(['ack', 'kratix'], {
      namespaces: [namespace.name],
    });
  });

  afterAll(async () => {
    try {
      if (dynamodbEndpoint) await clearDynamoDbFaults(dynamodbEndpoint);
      await Promise.all(
        made.map(async ({ path, tableName: table }) => {
          if (await kube.get(path)) {
            await kube.delete(path);
            await until(
              `${path} to go`,
              async () => ((await kube.get(path)) ? undefined : true),
              60_000,
            ).catch(() => undefined);
          }
          await dynamodb
            .send(new DeleteTableCommand({ TableName: table }))
            .catch(() => undefined);
        }),
      );
    } finally {
      await standIns?.stop();
      await namespace?.cleanup();
      kube?.close();
      dynamodb?.destroy();
      if (standIns?.inProcess) {
        process.stdout.write(`${standIns.logs.join('\n')}\n`);
      }
    }
  });

  it('makes the table the request asks for, is Ready only once it is ACTIVE, and deletes it', async () => {
    await kube.apply(
      requestPath,
      {
        apiVersion: 'dynamodb.kratix.io/v1alpha1',
        kind: 'DynamoDBRequest',
        metadata: { name: 'orders', namespace: namespace.name },
        spec: {
          tableName,
          region: 'us-west-2',
          attributeDefinitions: [
            { attributeName: 'pk', attributeType: 'S' },
            { attributeName: 'sk', attributeType: 'N' },
          ],
          keySchema: [
            { attributeName: 'pk', keyType: 'HASH' },
            { attributeName: 'sk', keyType: 'RANGE' },
          ],
          billingMode: 'PROVISIONED',
          readCapacityUnits: 2,
          writeCapacityUnits: 3,
          ttlAttributeName: 'expiresAt',
          streamViewType: 'NEW_IMAGE',
          tags: { team: 'a' },
        },
      },
      'kratix-integration-test',
    );

    // Reconciled is never True before the table is: whenever the test sees it True, DynamoDB
    // must already say ACTIVE.
    const reconciled = await until(
      'the request to be Reconciled',
      async () => {
        const current = await kube.get(requestPath);
        if (condition(current, 'Reconciled')?.status !== 'True')
          return undefined;
        const table = await dynamodb.send(
          new DescribeTableCommand({ TableName: tableName }),
        );
        expect(table.Table?.TableStatus).toBe('ACTIVE');
        return current;
      },
      180_000,
    );

    const table = (
      await dynamodb.send(new DescribeTableCommand({ TableName: tableName }))
    ).Table!;
    expect(table.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(table.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ]),
    );
    expect(table.ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 2,
      WriteCapacityUnits: 3,
    });
    expect(table.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_IMAGE',
    });
    const tags = await dynamodb.send(
      new ListTagsOfResourceCommand({ ResourceArn: table.TableArn }),
    );
    expect(tags.Tags).toEqual(
      expect.arrayContaining([{ Key: 'team', Value: 'a' }]),
    );
    // ACK turns TTL on with a call of its own after the table is ACTIVE
    await until(
      'TTL on expiresAt',
      async () => {
        const ttl = await dynamodb.send(
          new DescribeTimeToLiveCommand({ TableName: tableName }),
        );
        const d = ttl.TimeToLiveDescription;
        return d?.TimeToLiveStatus === 'ENABLED' &&
          d.AttributeName === 'expiresAt'
          ? true
          : undefined;
      },
      120_000,
    );

    // the request, as Kratix writes it (and the pipeline's status.yaml, merged in)
    const status = reconciled.status as Record<string, any>;
    const workflowCompleted = condition(
      reconciled,
      'ConfigureWorkflowCompleted',
    );
    expect(
      status.conditions.map((c: any) => [
        c.type,
        c.status,
        c.reason,
        c.message,
      ]),
    ).toEqual([
      [
        'ConfigureWorkflowCompleted',
        'True',
        'PipelinesExecutedSuccessfully',
        'Pipelines completed',
      ],
      ['Reconciled', 'True', 'Reconciled', 'Reconciled'],
      [
        'WorksSucceeded',
        'True',
        'WorksSucceeded',
        'All works associated with this resource are ready',
      ],
    ]);
    expect(status).toMatchObject({
      message: `Table ${tableName} is ACTIVE`,
      tableName,
      region: 'us-west-2',
      tableStatus: 'ACTIVE',
      tableArn: table.TableArn,
      observedGeneration: reconciled.metadata.generation,
      workflows: 2,
      workflowsSucceeded: 2,
      workflowsFailed: 0,
      lastSuccessfulConfigureWorkflowTime: workflowCompleted.lastTransitionTime,
      kratix: {
        workflows: {
          lastSuccessfulConfigureWorkflowTime:
            workflowCompleted.lastTransitionTime,
          pipelines: [
            { name: 'render-table', phase: 'Succeeded' },
            { name: 'wait-for-table', phase: 'Succeeded' },
          ],
        },
      },
    });
    expect(Object.keys(status).sort()).toEqual(
      [
        'conditions',
        'kratix',
        'lastSuccessfulConfigureWorkflowTime',
        'message',
        'observedGeneration',
        'region',
        'tableArn',
        'tableName',
        'tableStatus',
        'workflows',
        'workflowsFailed',
        'workflowsSucceeded',
      ].sort(),
    );
    expect(reconciled.metadata.labels).toMatchObject({
      'kratix.io/promise-name': 'aws-dynamodb',
    });
    expect(reconciled.metadata.labels).not.toHaveProperty(
      'kratix.io/workflow-suspended',
    );
    expect([...(reconciled.metadata.finalizers ?? [])].sort()).toEqual([
      'kratix.io/delete-workflows',
      'kratix.io/work-cleanup',
      'kratix.io/workflows-cleanup',
    ]);
    expect(
      reconciled.metadata.annotations?.['vela-tables.io/stand-in'],
    ).toMatch(/^Kratix/);

    // the ACK Table the Work put on this cluster, and what the portal reads from both: Ready
    // once ACK also reports the table in sync (its TTL call comes after the table is ACTIVE)
    const ackTablePath = `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${namespace.name}/tables/orders`;
    const ackTable = await kube.get(ackTablePath);
    expect(ackTable?.spec).toMatchObject({
      tableName,
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 2, writeCapacityUnits: 3 },
      timeToLive: { enabled: true, attributeName: 'expiresAt' },
      streamSpecification: { streamEnabled: true, streamViewType: 'NEW_IMAGE' },
      tags: [{ key: 'team', value: 'a' }],
    });
    const reading = await until(
      'the portal to read the request Ready',
      async () => {
        const r = readKratixTableStatus([
          (await kube.get(requestPath))!,
          (await kube.get(ackTablePath))!,
        ]);
        return r.phase === 'Ready' ? r : undefined;
      },
      120_000,
    );
    expect(reading.tableArn).toBe(table.TableArn);

    // deleting the request: delete pipeline, Work pruned (the ACK Table, whose stand-in deletes
    // the table), then Kratix's finalizers go and the request with them
    await kube.delete(requestPath);
    await until(
      'the request to be gone',
      async () => ((await kube.get(requestPath)) ? undefined : true),
      60_000,
    );
    await until(
      'the table to be gone from DynamoDB',
      async () => {
        try {
          await dynamodb.send(
            new DescribeTableCommand({ TableName: tableName }),
          );
          return undefined;
        } catch (error) {
          return (error as Error).name === 'ResourceNotFoundException'
            ? true
            : undefined;
        }
      },
      120_000,
    );
  });
  it('holds the workflow with workflow-control while DynamoDB refuses, then completes', async () => {
    const { path, table } = await request('throttled');
    await injectDynamoDbFault(dynamodbEndpoint, {
      operation: 'CreateTable',
      tableName: table,
      code: 'LimitExceededException',
      message: 'Subscriber limit exceeded: too many tables being created',
    });
    // wait-for-table sees no ACTIVE table: the workflow is suspended until its retryAfter
    const suspended = await until(
      'the workflow to be suspended by wait-for-table',
      async () => {
        const r = await kube.get(path);
        return r?.metadata.labels?.['kratix.io/workflow-suspended'] ===
          'true' && condition(r, 'Reconciled')?.reason === 'WorkflowSuspended'
          ? r
          : undefined;
      },
      90_000,
    );
    const status = suspended.status as Record<string, any>;
    expect(condition(suspended, 'Reconciled')).toMatchObject({
      status: 'Unknown',
      message: 'Suspended',
    });
    expect(condition(suspended, 'ConfigureWorkflowCompleted')).toMatchObject({
      status: 'False',
      reason: 'PipelinesInProgress',
    });
    expect(status.message).toMatch(new RegExp(`^Waiting for table ${table}: `));
    const [render, wait] = status.kratix.workflows.pipelines;
    expect(render).toMatchObject({ name: 'render-table', phase: 'Succeeded' });
    expect(wait).toMatchObject({
      name: 'wait-for-table',
      phase: 'Suspended',
      message: status.message,
    });
    expect(wait.attempts).toBeGreaterThanOrEqual(1);
    expect(Date.parse(wait.nextRetryAt)).toBeGreaterThan(
      Date.parse(wait.lastTransitionTime) - 1000,
    );
    expect(status.kratix.workflows.suspendedGeneration).toBe(
      suspended.metadata.generation,
    );
    expect(readKratixTableStatus([suspended]).phase).toBe('Provisioning');

    await clearDynamoDbFaults(dynamodbEndpoint);
    const done = await until(
      'the request to be Reconciled once DynamoDB accepts the table',
      async () => {
        const r = await kube.get(path);
        return condition(r, 'Reconciled')?.status === 'True' ? r : undefined;
      },
      150_000,
    );
    const described = await dynamodb.send(
      new DescribeTableCommand({ TableName: table }),
    );
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(done.metadata.labels).not.toHaveProperty(
      'kratix.io/workflow-suspended',
    );
    expect((done.status as any).kratix.workflows).not.toHaveProperty(
      'suspendedGeneration',
    );
    expect((done.status as any).kratix.workflows.pipelines[1]).toEqual({
      name: 'wait-for-table',
      phase: 'Succeeded',
      lastTransitionTime: expect.any(String),
    });
  });

  it('fails the configure workflow when ACK gives up on the table, as Kratix reports a failed pipeline', async () => {
    const { path, table } = await request('refused');
    await injectDynamoDbFault(dynamodbEndpoint, {
      operation: 'CreateTable',
      tableName: table,
      code: 'ValidationException',
      message: 'One or more parameter values were invalid: refused by the test',
    });
    const failed = await until(
      'the configure workflow to fail',
      async () => {
        const r = await kube.get(path);
        return condition(r, 'ConfigureWorkflowCompleted')?.reason ===
          'ConfigureWorkflowFailed'
          ? r
          : undefined;
      },
      120_000,
    );
    expect(condition(failed, 'ConfigureWorkflowCompleted')).toMatchObject({
      status: 'False',
      message: 'A Configure Pipeline has failed: wait-for-table',
    });
    expect(condition(failed, 'Reconciled')).toMatchObject({
      status: 'False',
      reason: 'ConfigureWorkflowFailed',
      message: 'Failing',
    });
    expect(failed.status).toMatchObject({
      workflowsFailed: 1,
      kratix: {
        workflows: {
          pipelines: [
            { name: 'render-table', phase: 'Succeeded' },
            { name: 'wait-for-table', phase: 'Failed' },
          ],
        },
      },
    });
    expect(readKratixTableStatus([failed]).phase).toBe('Failed');
    await clearDynamoDbFaults(dynamodbEndpoint);
    // deleting it still goes through Kratix's finalizers
    await kube.delete(path);
    await until(
      'the refused request to be gone',
      async () => ((await kube.get(path)) ? undefined : true),
      60_000,
    );
  });
});
