import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { parseGoDuration, runPipeline } from './pipelineRunner';
import { readPromiseWorkflows } from './promiseWorkflows';

// The runner starts the pipeline's real entry point as processes, as a pod runs its containers;
// nothing here is faked. wait-for-table needs an API server and is run by the integration test.
const promise = readPromiseWorkflows();
const cluster = {
  server: 'https://127.0.0.1:1',
  caPem: 'not used by render-table',
  token: 'not used by render-table',
};

function request(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: {
      name: 'orders',
      namespace: 'team-a',
      managedFields: [{ manager: 'kubectl' }],
    },
    spec,
  };
}

describe('runPipeline (the Kratix stand-in running a Pipeline of the Promise)', () => {
  it('runs render-table: the ACK Table as output, tableName and region as status', async () => {
    const run = await runPipeline({
      promise,
      pipeline: promise.configure[0],
      action: 'configure',
      cluster,
      object: request({
        tableName: 'orders-table',
        region: 'us-west-2',
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
      }),
    });
    expect(run.failure).toBeUndefined();
    expect(run.succeeded).toBe(true);
    expect(run.outputs).toEqual([
      {
        apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
        kind: 'Table',
        metadata: {
          name: 'orders',
          namespace: 'team-a',
          annotations: { 'services.k8s.aws/region': 'us-west-2' },
        },
        spec: {
          tableName: 'orders-table',
          attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
          keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
          billingMode: 'PAY_PER_REQUEST',
        },
      },
    ]);
    expect(run.status).toEqual({
      tableName: 'orders-table',
      region: 'us-west-2',
    });
    expect(run.control).toBeUndefined();
    expect(run.logs.join('\n')).toContain(
      'aws-dynamodb/render-table (configure, render-table)',
    );
  });

  it('reports a failing container with its message, and no output', async () => {
    const run = await runPipeline({
      promise,
      pipeline: promise.configure[0],
      action: 'configure',
      cluster,
      object: request({ tableName: 'orders-table' }),
    });
    expect(run.succeeded).toBe(false);
    expect(run.failure).toMatch(
      /^container render-table exited 1: dynamodb-request-pipeline: DynamoDBRequest team-a\/orders is not a valid DynamoDBRequest: spec.attributeDefinitions is required/,
    );
    expect(run.outputs).toEqual([]);
  });

  it('runs the delete pipeline, which writes nothing', async () => {
    const run = await runPipeline({
      promise,
      pipeline: promise.delete[0],
      action: 'delete',
      cluster,
      object: request({
        tableName: 'orders-table',
        attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
        keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      }),
    });
    expect(run.succeeded).toBe(true);
    expect(run.outputs).toEqual([]);
    expect(run.status).toBeUndefined();
  });
});

describe('parseGoDuration', () => {
  it('reads the durations Kratix accepts for retryAfter', () => {
    expect(parseGoDuration('10s')).toBe(10000);
    expect(parseGoDuration('1m30s')).toBe(90000);
    expect(parseGoDuration('1.5h')).toBe(5400000);
    expect(parseGoDuration('250ms')).toBe(250);
    expect(() => parseGoDuration('10 seconds')).toThrow(
      "'10 seconds' is not a duration such as 30s or 1m30s",
    );
  });
});
