import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readPipelineEnvironment } from './environment.ts';
import { pipelineStep, runPipeline } from './runPipeline.ts';
import type { PipelineDependencies } from './runPipeline.ts';
import { fullRequest, minimalRequest } from './testing/requests.ts';

describe('runPipeline', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  const noCluster: PipelineDependencies = {
    readTable: () => Promise.reject(new Error('no cluster in this test')),
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kratix-pipeline-'));
    for (const d of ['input', 'output', 'metadata']) {
      mkdirSync(join(root, d));
    }
    env = {
      KRATIX_WORKFLOW_ACTION: 'configure',
      KRATIX_WORKFLOW_TYPE: 'resource',
      KRATIX_PROMISE_NAME: 'aws-dynamodb',
      KRATIX_INPUT_DIR: join(root, 'input'),
      KRATIX_OUTPUT_DIR: join(root, 'output'),
      KRATIX_METADATA_DIR: join(root, 'metadata'),
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const input = (object: unknown) =>
    writeFileSync(join(root, 'input', 'object.yaml'), stringify(object));
  const read = (dir: string, file: string) =>
    parse(readFileSync(join(root, dir, file), 'utf8'));
  const filesIn = (dir: string) => readdirSync(join(root, dir));

  it('render-table writes the ACK Table and the status for a request', async () => {
    input(fullRequest());
    const result = await runPipeline(
      'render-table',
      readPipelineEnvironment(env),
      noCluster,
    );
    expect(read('output', 'table.yaml')).toMatchObject({
      kind: 'Table',
      apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
      spec: { tableName: 'orders-table', billingMode: 'PROVISIONED' },
    });
    expect(read('metadata', 'status.yaml')).toEqual({
      tableName: 'orders-table',
      region: 'eu-west-1',
    });
    expect(result.written).toHaveLength(2);
  });

  it('render-table writes the Crossplane Table with TARGET=crossplane', async () => {
    input(fullRequest());
    await runPipeline(
      'render-table',
      readPipelineEnvironment({ ...env, TARGET: 'crossplane' }),
      noCluster,
    );
    expect(read('output', 'table.yaml').apiVersion).toBe(
      'dynamodb.aws.m.upbound.io/v1beta1',
    );
  });

  it('refuses a request without keySchema and writes nothing', async () => {
    const object = minimalRequest();
    delete object.spec.keySchema;
    input(object);
    await expect(
      runPipeline('render-table', readPipelineEnvironment(env), noCluster),
    ).rejects.toThrow(
      'DynamoDBRequest team-a/orders is not a valid DynamoDBRequest: spec.keySchema is required',
    );
    expect(filesIn('output')).toEqual([]);
    expect(filesIn('metadata')).toEqual([]);
  });

  it('fails with a clear message when object.yaml is missing', async () => {
    await expect(
      runPipeline('render-table', readPipelineEnvironment(env), noCluster),
    ).rejects.toThrow(/cannot read .*object\.yaml/);
  });

  it('writes nothing for the delete action', async () => {
    input(minimalRequest());
    const result = await runPipeline(
      'render-table',
      readPipelineEnvironment({ ...env, KRATIX_WORKFLOW_ACTION: 'delete' }),
      noCluster,
    );
    expect(result.written).toEqual([]);
    expect(filesIn('output')).toEqual([]);
    expect(result.summary).toContain('delete: nothing to render');
  });

  it('wait-for-table asks for a retry until the table is ACTIVE and synced, then completes', async () => {
    input(minimalRequest());
    const environment = readPipelineEnvironment({ ...env, RETRY_AFTER: '3s' });
    await runPipeline('wait-for-table', environment, {
      readTable: async location => {
        expect(location).toEqual({
          apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
          resource: 'tables',
          namespace: 'team-a',
          name: 'orders',
        });
        return { status: { tableStatus: 'CREATING' } };
      },
    });
    expect(read('metadata', 'workflow-control.yaml')).toEqual({
      retryAfter: '3s',
      message: 'Waiting for table orders-table: tableStatus is CREATING',
    });
    rmSync(join(root, 'metadata'), { recursive: true });
    await runPipeline('wait-for-table', environment, {
      readTable: async () => ({
        status: {
          tableStatus: 'ACTIVE',
          ackResourceMetadata: { arn: 'arn:t' },
          conditions: [{ type: 'ACK.ResourceSynced', status: 'True' }],
        },
      }),
    });
    expect(read('metadata', 'status.yaml')).toEqual({
      message: 'Table orders-table is ACTIVE',
      tableStatus: 'ACTIVE',
      tableArn: 'arn:t',
    });
    expect(existsSync(join(root, 'metadata', 'workflow-control.yaml'))).toBe(
      false,
    );
  });

  it('wait-for-table fails and writes nothing when ACK gave up', async () => {
    input(minimalRequest());
    await expect(
      runPipeline('wait-for-table', readPipelineEnvironment(env), {
        readTable: async () => ({
          status: {
            conditions: [
              { type: 'ACK.Terminal', status: 'True', message: 'no' },
            ],
          },
        }),
      }),
    ).rejects.toThrow('ACK refused table orders-table (ACK.Terminal): no');
    expect(filesIn('metadata')).toEqual([]);
  });

  it('refuses an unknown step, a promise workflow and an unknown target', () => {
    expect(() => pipelineStep('deploy')).toThrow(
      "unknown step 'deploy': use one of render-table, wait-for-table",
    );
    expect(() =>
      readPipelineEnvironment({ ...env, KRATIX_WORKFLOW_TYPE: 'promise' }),
    ).toThrow(/serves resource workflows/);
    expect(() => readPipelineEnvironment({ ...env, TARGET: 'kro' })).toThrow(
      "TARGET must be ack or crossplane, got 'kro'",
    );
  });

  it('defaults to the Kratix mounts when no directory is given', () => {
    expect(readPipelineEnvironment({}).directories).toEqual({
      input: '/kratix/input',
      output: '/kratix/output',
      metadata: '/kratix/metadata',
    });
  });
});
