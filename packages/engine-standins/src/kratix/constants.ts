/**
 * Names Kratix uses on resource requests (syntasso/kratix: lib/resourceutil, the
 * dynamic resource request controller, lib/workflow and the work-creator's status writer).
 */

/** What the stand-in stands in for, as logs, `/parts` and the stand-in annotation show it. */
export const KRATIX_STANDS_IN_FOR =
  'Kratix (resource requests: pipeline runner, state store, GitOps agent)';

/** Label Kratix puts on every request of a Promise. */
export const PROMISE_NAME_LABEL = 'kratix.io/promise-name';
/** Set by the status writer when a pipeline asks to be suspended or retried (workflow-control.yaml). */
export const WORKFLOW_SUSPENDED_LABEL = 'kratix.io/workflow-suspended';
/** A user (or Kratix's reconciliation interval) asks for the configure workflow to run again. */
export const MANUAL_RECONCILIATION_LABEL = 'kratix.io/manual-reconciliation';
/** Kratix asks itself to run the configure workflow from its first pipeline. */
export const RUN_FROM_START_LABEL =
  'internal.workflows.kratix.io/run-from-start';

/** Finalizers Kratix adds to a request, removed in this order when it is deleted. */
export const RUN_DELETE_WORKFLOWS_FINALIZER = 'kratix.io/delete-workflows';
export const WORK_CLEANUP_FINALIZER = 'kratix.io/work-cleanup';
export const WORKFLOWS_CLEANUP_FINALIZER = 'kratix.io/workflows-cleanup';
export const REQUEST_FINALIZERS = [
  WORK_CLEANUP_FINALIZER,
  WORKFLOWS_CLEANUP_FINALIZER,
  RUN_DELETE_WORKFLOWS_FINALIZER,
] as const;

/** Condition types of a resource request. */
export const CONFIGURE_WORKFLOW_COMPLETED = 'ConfigureWorkflowCompleted';
export const WORKS_SUCCEEDED = 'WorksSucceeded';
export const RECONCILED = 'Reconciled';
export const DELETE_WORKFLOW_COMPLETED = 'DeleteWorkflowCompleted';

/** Phases of `status.kratix.workflows.pipelines[]`. */
export const PIPELINE_PHASES = {
  pending: 'Pending',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  suspended: 'Suspended',
} as const;

/** Field manager of the stand-in's "GitOps agent" applies. */
export const GITOPS_FIELD_MANAGER = 'kratix-stand-in-gitops';
