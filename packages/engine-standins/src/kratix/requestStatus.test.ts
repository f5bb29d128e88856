import { resolve } from 'node:path';
import { crdStatusSchema, schemaViolations } from '../testing/statusSchema';
import {
  clearPipelineSuspension,
  markAsCompleted,
  markConfigureWorkflowFailed,
  markConfigureWorkflowRunning,
  markPipeline,
  markPipelineSuspended,
  markReconciledFailing,
  markReconciledPending,
  markReconciledSuspended,
  markWorkflowReconciled,
  mergeStatuses,
  pipelineEntriesMatch,
  resetPipelinesToPending,
  setCondition,
} from './requestStatus';
import type { RequestStatus } from './requestStatus';

const T0 = new Date('2026-03-01T10:00:00.123Z');
const T1 = new Date('2026-03-01T10:00:05.000Z');
const T2 = new Date('2026-03-01T10:00:09.000Z');
const PIPELINES = ['render-table', 'wait-for-table'];

/** What Kratix writes at the top level of a resource request's status (its docs and sources). */
const KRATIX_STATUS_FIELDS = [
  'message',
  'conditions',
  'observedGeneration',
  'workflows',
  'workflowsSucceeded',
  'workflowsFailed',
  'lastSuccessfulConfigureWorkflowTime',
  'kratix',
];
/** What the Promise's pipelines write to status.yaml. */
const PIPELINE_STATUS_FIELDS = [
  'tableName',
  'region',
  'tableStatus',
  'tableArn',
];

/** A request's status through one whole configure workflow, as the stand-in writes it. */
function workflowToReconciled(): RequestStatus {
  const status: RequestStatus = { workflows: 2 };
  resetPipelinesToPending(status, PIPELINES);
  // render-table starts, runs, and its status.yaml is merged
  status.message = 'Pending';
  status.workflowsSucceeded = 0;
  status.workflowsFailed = 0;
  markReconciledPending(status, 'WorkflowPending', T0);
  markConfigureWorkflowRunning(status, T0);
  markPipeline(status, 'render-table', 'Running', T0);
  let merged = mergeStatuses(status, {
    tableName: 'orders',
    region: 'us-west-2',
  });
  clearPipelineSuspension(merged, 'render-table');
  merged.workflowsSucceeded = 1;
  markPipeline(merged, 'render-table', 'Succeeded', T0);
  // wait-for-table: the table is ACTIVE
  markPipeline(merged, 'wait-for-table', 'Running', T1);
  merged = mergeStatuses(merged, {
    message: 'Table orders is ACTIVE',
    tableStatus: 'ACTIVE',
    tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders',
  });
  markAsCompleted(merged, T1);
  clearPipelineSuspension(merged, 'wait-for-table');
  merged.workflowsSucceeded = 2;
  markPipeline(merged, 'wait-for-table', 'Succeeded', T1);
  markWorkflowReconciled(merged, 1, 2, T2);
  return merged;
}

describe('a resource request status, changed as Kratix changes it', () => {
  it('sets a condition as cluster-api does: sorted by type, time kept while unchanged', () => {
    const status: RequestStatus = {};
    markReconciledPending(status, 'WorkflowPending', T0);
    markConfigureWorkflowRunning(status, T0);
    markReconciledPending(status, 'WorkflowPending', T1);
    expect(status.conditions).toEqual([
      {
        type: 'ConfigureWorkflowCompleted',
        status: 'False',
        lastTransitionTime: '2026-03-01T10:00:00Z',
        reason: 'PipelinesInProgress',
        message: 'Pipelines are still in progress',
      },
      {
        type: 'Reconciled',
        status: 'Unknown',
        lastTransitionTime: '2026-03-01T10:00:00Z',
        reason: 'WorkflowPending',
        message: 'Pending',
      },
    ]);
    markReconciledSuspended(status, T1);
    expect(status.conditions[1]).toEqual({
      type: 'Reconciled',
      status: 'Unknown',
      lastTransitionTime: '2026-03-01T10:00:05Z',
      reason: 'WorkflowSuspended',
      message: 'Suspended',
    });
  });

  it('ends a completed workflow with the conditions and fields Kratix documents', () => {
    const status = workflowToReconciled();
    expect(status).toEqual({
      message: 'Table orders is ACTIVE',
      tableName: 'orders',
      region: 'us-west-2',
      tableStatus: 'ACTIVE',
      tableArn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders',
      observedGeneration: 1,
      workflows: 2,
      workflowsSucceeded: 2,
      workflowsFailed: 0,
      lastSuccessfulConfigureWorkflowTime: '2026-03-01T10:00:05Z',
      kratix: {
        workflows: {
          lastSuccessfulConfigureWorkflowTime: '2026-03-01T10:00:05Z',
          pipelines: [
            {
              name: 'render-table',
              phase: 'Succeeded',
              lastTransitionTime: '2026-03-01T10:00:00Z',
            },
            {
              name: 'wait-for-table',
              phase: 'Succeeded',
              lastTransitionTime: '2026-03-01T10:00:05Z',
            },
          ],
        },
      },
      conditions: [
        {
          type: 'ConfigureWorkflowCompleted',
          status: 'True',
          lastTransitionTime: '2026-03-01T10:00:05Z',
          reason: 'PipelinesExecutedSuccessfully',
          message: 'Pipelines completed',
        },
        {
          type: 'Reconciled',
          status: 'True',
          lastTransitionTime: '2026-03-01T10:00:09Z',
          reason: 'Reconciled',
          message: 'Reconciled',
        },
        {
          type: 'WorksSucceeded',
          status: 'True',
          lastTransitionTime: '2026-03-01T10:00:09Z',
          reason: 'WorksSucceeded',
          message: 'All works associated with this resource are ready',
        },
      ],
    });
  });

  it("writes only Kratix's status fields and the pipeline's, which the CRD keeps", () => {
    const status = workflowToReconciled();
    expect(
      Object.keys(status).filter(
        k => ![...KRATIX_STATUS_FIELDS, ...PIPELINE_STATUS_FIELDS].includes(k),
      ),
    ).toEqual([]);
    const schema = crdStatusSchema(
      resolve(
        __dirname,
        '../../../../manifests/kratix/dynamodbrequest-crd.yaml',
      ),
      'v1alpha1',
    );
    expect(schema['x-kubernetes-preserve-unknown-fields']).toBe(true);
    expect(schemaViolations(status, schema)).toEqual([]);
  });

  it('turns "Pending" into "Resource requested" when no pipeline wrote a message', () => {
    const status: RequestStatus = { message: 'Pending' };
    markAsCompleted(status, T1);
    expect(status.message).toBe('Resource requested');
    const own: RequestStatus = { message: 'Table orders is ACTIVE' };
    markAsCompleted(own, T1);
    expect(own.message).toBe('Table orders is ACTIVE');
  });

  it('merges status.yaml at the top level and conditions by type', () => {
    expect(
      mergeStatuses(
        {
          a: { x: 1 },
          keep: true,
          conditions: [{ type: 'A', status: 'True' }],
        },
        { a: { y: 2 }, conditions: [{ type: 'B', status: 'False' }] },
      ),
    ).toEqual({
      a: { y: 2 },
      keep: true,
      conditions: [
        { type: 'A', status: 'True' },
        { type: 'B', status: 'False' },
      ],
    });
  });

  it('records a workflow-control retry on the pipeline, counting attempts', () => {
    const status: RequestStatus = {};
    resetPipelinesToPending(status, PIPELINES);
    expect(pipelineEntriesMatch(status, PIPELINES)).toBe(true);
    expect(pipelineEntriesMatch(status, ['render-table'])).toBe(false);
    const control = {
      message: 'Waiting for table orders: tableStatus is CREATING',
      nextRetryAt: '2026-03-01T10:00:15Z',
    };
    markPipelineSuspended(status, 'wait-for-table', control, 3);
    markPipelineSuspended(status, 'wait-for-table', control, 3);
    expect(status.kratix.workflows).toEqual({
      suspendedGeneration: 3,
      pipelines: [
        { name: 'render-table', phase: 'Pending' },
        {
          name: 'wait-for-table',
          phase: 'Suspended',
          message: 'Waiting for table orders: tableStatus is CREATING',
          nextRetryAt: '2026-03-01T10:00:15Z',
          attempts: 2,
        },
      ],
    });
    clearPipelineSuspension(status, 'wait-for-table');
    expect(status.kratix.workflows.pipelines[1]).toEqual({
      name: 'wait-for-table',
      phase: 'Running',
    });
    markAsCompleted(status, T1);
    expect(status.kratix.workflows).not.toHaveProperty('suspendedGeneration');
  });

  it('marks a failed pipeline as Kratix does', () => {
    const status: RequestStatus = {};
    markConfigureWorkflowFailed(status, 'wait-for-table', T0);
    markReconciledFailing(status, 'ConfigureWorkflowFailed', T0);
    expect(status.conditions).toEqual([
      {
        type: 'ConfigureWorkflowCompleted',
        status: 'False',
        lastTransitionTime: '2026-03-01T10:00:00Z',
        reason: 'ConfigureWorkflowFailed',
        message: 'A Configure Pipeline has failed: wait-for-table',
      },
      {
        type: 'Reconciled',
        status: 'False',
        lastTransitionTime: '2026-03-01T10:00:00Z',
        reason: 'ConfigureWorkflowFailed',
        message: 'Failing',
      },
    ]);
  });

  it('keeps Reconciled True and its time when nothing changed', () => {
    const status = workflowToReconciled();
    const before = JSON.stringify(status);
    markWorkflowReconciled(status, 1, 2, new Date('2026-03-02T00:00:00Z'));
    setCondition(
      status,
      {
        type: 'Reconciled',
        status: 'True',
        reason: 'Reconciled',
        message: 'Reconciled',
      },
      new Date('2026-03-03T00:00:00Z'),
    );
    expect(JSON.stringify(status)).toBe(before);
  });
});
