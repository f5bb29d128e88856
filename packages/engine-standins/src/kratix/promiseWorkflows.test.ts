import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import {
  PROMISE_FILE,
  promiseWorkflowsOf,
  readPromiseWorkflows,
} from './promiseWorkflows';

describe('the Promise the Kratix stand-in runs', () => {
  it('is manifests/kratix/promise.yaml: its request kind and resource workflows', () => {
    const promise = readPromiseWorkflows();
    expect(promise.promiseName).toBe('aws-dynamodb');
    expect(promise.requestKind).toEqual({
      group: 'dynamodb.kratix.io',
      version: 'v1alpha1',
      plural: 'dynamodbrequests',
      kind: 'DynamoDBRequest',
      namespaced: true,
    });
    expect(
      promise.configure.map(p => [p.name, p.containers.map(c => c.args)]),
    ).toEqual([
      ['render-table', [['render-table']]],
      ['wait-for-table', [['wait-for-table']]],
    ]);
    expect(promise.configure[0].containers[0].env).toEqual({ TARGET: 'ack' });
    expect(promise.delete.map(p => p.name)).toEqual(['delete-table']);
  });

  it('refuses an image it cannot run from the sources, and a command override', () => {
    const promise = parse(readFileSync(PROMISE_FILE, 'utf8'));
    const container =
      promise.spec.workflows.resource.configure[0].spec.containers[0];
    container.image = 'example/other-pipeline:v1';
    expect(() => promiseWorkflowsOf(promise)).toThrow(
      "the Kratix stand-in runs only the dynamodb-request-pipeline image (from packages/kratix-dynamodb-pipeline), not 'example/other-pipeline:v1'",
    );
    container.image =
      'registry.internal/vela-tables/dynamodb-request-pipeline:v9';
    container.command = ['sh'];
    expect(() => promiseWorkflowsOf(promise)).toThrow(/remove 'command'/);
  });
});
