import {
  CONFIGURE_WORKFLOW_COMPLETED,
  DELETE_WORKFLOW_COMPLETED,
  PIPELINE_PHASES,
  RECONCILED,
  WORKS_SUCCEEDED,
} from './constants';

/*
 * The status of a resource request, changed the way Kratix changes it. Each function mirrors one
 * of Kratix's (named in its comment) and mutates the status it is given; callers work on a copy
 * and write it back with one status update, as Kratix does.
 */

/** A request's `status` (free-form in the CRD). */
export type RequestStatus = Record<string, any>;

/** A condition as Kratix writes it: cluster-api's Condition (no severity on these). */
export interface KratixCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** One entry of `status.kratix.workflows.pipelines`. */
export interface PipelineEntry {
  name: string;
  phase: string;
  lastTransitionTime?: string;
  message?: string;
  nextRetryAt?: string;
  attempts?: number;
}

/** RFC 3339 with seconds, as metav1.Time serialises. */
export function kubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A condition of the status, if set. */
export function conditionOf(
  status: RequestStatus,
  type: string,
): KratixCondition | undefined {
  const list = Array.isArray(status.conditions) ? status.conditions : [];
  return list.find((c: KratixCondition) => c?.type === type);
}

/** Go's string order (bytes), in which cluster-api sorts conditions. */
function byType(a: KratixCondition, b: KratixCondition): number {
  if (a.type < b.type) return -1;
  if (a.type > b.type) return 1;
  return 0;
}

/**
 * cluster-api's conditions.Set, which Kratix uses: replaces the condition of the same type,
 * keeps its lastTransitionTime when type, status, reason and message are unchanged, and keeps
 * the list sorted by type.
 */
export function setCondition(
  status: RequestStatus,
  condition: Omit<KratixCondition, 'lastTransitionTime'>,
  now: Date,
): void {
  const existing = conditionOf(status, condition.type);
  const same =
    existing &&
    existing.status === condition.status &&
    existing.reason === condition.reason &&
    existing.message === condition.message;
  const next: KratixCondition = {
    type: condition.type,
    status: condition.status,
    lastTransitionTime: same ? existing.lastTransitionTime : kubeTime(now),
    reason: condition.reason,
    message: condition.message,
  };
  const others = (
    Array.isArray(status.conditions) ? status.conditions : []
  ).filter((c: KratixCondition) => c?.type !== condition.type);
  status.conditions = [...others, next].sort(byType);
}

/** resourceutil.MarkConfigureWorkflowAsRunning */
export function markConfigureWorkflowRunning(
  status: RequestStatus,
  now: Date,
): void {
  setCondition(
    status,
    {
      type: CONFIGURE_WORKFLOW_COMPLETED,
      status: 'False',
      reason: 'PipelinesInProgress',
      message: 'Pipelines are still in progress',
    },
    now,
  );
}

/** resourceutil.MarkConfigureWorkflowAsFailed */
export function markConfigureWorkflowFailed(
  status: RequestStatus,
  pipeline: string,
  now: Date,
): void {
  setCondition(
    status,
    {
      type: CONFIGURE_WORKFLOW_COMPLETED,
      status: 'False',
      reason: 'ConfigureWorkflowFailed',
      message: `A Configure Pipeline has failed: ${pipeline}`,
    },
    now,
  );
}

/** resourceutil.MarkDeleteWorkflowAsFailed */
export function markDeleteWorkflowFailed(
  status: RequestStatus,
  now: Date,
): void {
  setCondition(
    status,
    {
      type: DELETE_WORKFLOW_COMPLETED,
      status: 'False',
      reason: 'DeleteWorkflowFailed',
      message: 'The Delete Pipeline has failed',
    },
    now,
  );
}

/** resourceutil.MarkReconciledPending ("WorkflowPending", "WorksPending", ...) */
export function markReconciledPending(
  status: RequestStatus,
  reason: string,
  now: Date,
): void {
  setCondition(
    status,
    { type: RECONCILED, status: 'Unknown', reason, message: 'Pending' },
    now,
  );
}

/** resourceutil.MarkReconciledFailing */
export function markReconciledFailing(
  status: RequestStatus,
  reason: string,
  now: Date,
): void {
  setCondition(
    status,
    { type: RECONCILED, status: 'False', reason, message: 'Failing' },
    now,
  );
}

/** resourceutil.MarkReconciledSuspended, while a pipeline's workflow-control holds the workflow */
export function markReconciledSuspended(
  status: RequestStatus,
  now: Date,
): void {
  setCondition(
    status,
    {
      type: RECONCILED,
      status: 'Unknown',
      reason: 'WorkflowSuspended',
      message: 'Suspended',
    },
    now,
  );
}

/** resourceutil.MarkResourceRequestAsWorksSucceeded */
export function markWorksSucceeded(status: RequestStatus, now: Date): void {
  setCondition(
    status,
    {
      type: WORKS_SUCCEEDED,
      status: 'True',
      reason: 'WorksSucceeded',
      message: 'All works associated with this resource are ready',
    },
    now,
  );
}

/**
 * The controller's updateReconciledCondition: Reconciled follows ConfigureWorkflowCompleted and
 * WorksSucceeded, and is True only when both are.
 */
export function updateReconciled(status: RequestStatus, now: Date): void {
  const workflow = conditionOf(status, CONFIGURE_WORKFLOW_COMPLETED);
  const works = conditionOf(status, WORKS_SUCCEEDED);
  if (
    workflow?.status === 'False' &&
    workflow.reason === 'PipelinesInProgress'
  ) {
    markReconciledPending(status, 'WorkflowPending', now);
  } else if (workflow?.status === 'False') {
    markReconciledFailing(status, 'ConfigureWorkflowFailed', now);
  } else if (works?.status === 'Unknown') {
    markReconciledPending(status, 'WorksPending', now);
  } else if (works?.status === 'False') {
    markReconciledFailing(status, 'WorksFailing', now);
  } else if (workflow?.status === 'True' && works?.status === 'True') {
    setCondition(
      status,
      {
        type: RECONCILED,
        status: 'True',
        reason: 'Reconciled',
        message: 'Reconciled',
      },
      now,
    );
  }
}

function workflowsStatus(status: RequestStatus): Record<string, any> {
  status.kratix =
    status.kratix && typeof status.kratix === 'object' ? status.kratix : {};
  status.kratix.workflows =
    status.kratix.workflows && typeof status.kratix.workflows === 'object'
      ? status.kratix.workflows
      : {};
  return status.kratix.workflows;
}

/** `status.kratix.workflows.pipelines`, as recorded. */
export function pipelineEntries(status: RequestStatus): PipelineEntry[] {
  const pipelines = status.kratix?.workflows?.pipelines;
  return Array.isArray(pipelines) ? pipelines : [];
}

/** resourceutil.ResetPipelineStatusToPending */
export function resetPipelinesToPending(
  status: RequestStatus,
  names: string[],
): void {
  workflowsStatus(status).pipelines = names.map(name => ({
    name,
    phase: PIPELINE_PHASES.pending,
  }));
}

/** Whether the recorded pipeline entries name the workflow's pipelines, in order. */
export function pipelineEntriesMatch(
  status: RequestStatus,
  names: string[],
): boolean {
  const entries = pipelineEntries(status);
  return (
    entries.length === names.length &&
    entries.every((e, i) => e?.name === names[i])
  );
}

/** resourceutil.MarkCurrentPipelineAs: the pipeline's phase, with the time it changed. */
export function markPipeline(
  status: RequestStatus,
  name: string,
  phase: string,
  now: Date,
): void {
  const entry = pipelineEntries(status).find(e => e.name === name);
  if (!entry) return;
  entry.phase = phase;
  entry.lastTransitionTime = kubeTime(now);
}

/**
 * The status writer's MarkPipelineAsSuspended: phase Suspended with the workflow-control
 * message, the time of the next try and the number of tries, and the generation suspended at.
 */
export function markPipelineSuspended(
  status: RequestStatus,
  name: string,
  control: { message?: string; nextRetryAt?: string },
  generation: number,
): void {
  const entry = pipelineEntries(status).find(e => e.name === name);
  if (!entry) {
    throw new Error(
      `pipeline "${name}" not found in status.kratix.workflows.pipelines`,
    );
  }
  entry.phase = PIPELINE_PHASES.suspended;
  if (control.message) entry.message = control.message;
  else delete entry.message;
  if (control.nextRetryAt) {
    entry.nextRetryAt = control.nextRetryAt;
    entry.attempts =
      (typeof entry.attempts === 'number' ? entry.attempts : 0) + 1;
  } else {
    delete entry.nextRetryAt;
    delete entry.attempts;
  }
  workflowsStatus(status).suspendedGeneration = generation;
}

/** The status writer's ClearPipelineSuspension, for a pipeline that did not ask to wait. */
export function clearPipelineSuspension(
  status: RequestStatus,
  name: string,
): void {
  const entry = pipelineEntries(status).find(e => e.name === name);
  if (!entry) return;
  entry.phase = PIPELINE_PHASES.running;
  delete entry.message;
  delete entry.attempts;
  delete entry.nextRetryAt;
}

/**
 * The status writer's MergeStatuses: status.yaml's keys replace the request's at the top level,
 * except `conditions`, merged by type.
 */
export function mergeStatuses(
  existing: RequestStatus,
  incoming: RequestStatus,
): RequestStatus {
  const merged: RequestStatus = { ...existing };
  for (const [key, value] of Object.entries(incoming)) {
    if (
      key === 'conditions' &&
      Array.isArray(merged.conditions) &&
      Array.isArray(value)
    ) {
      const conditionsByType = new Map<string, unknown>();
      for (const c of [...merged.conditions, ...value]) {
        if (c && typeof c.type === 'string') conditionsByType.set(c.type, c);
      }
      merged.conditions = [...conditionsByType.values()];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/**
 * The status writer's MarkAsCompleted, after the workflow's last pipeline: "Pending" becomes
 * "Resource requested", the suspension generation goes, and ConfigureWorkflowCompleted turns True.
 */
export function markAsCompleted(status: RequestStatus, now: Date): void {
  if (status.message === 'Pending') status.message = 'Resource requested';
  if (status.kratix?.workflows)
    delete status.kratix.workflows.suspendedGeneration;
  const completed: KratixCondition = {
    type: CONFIGURE_WORKFLOW_COMPLETED,
    status: 'True',
    lastTransitionTime: kubeTime(now),
    reason: 'PipelinesExecutedSuccessfully',
    message: 'Pipelines completed',
  };
  const list = Array.isArray(status.conditions) ? status.conditions : [];
  const at = list.findIndex(
    (c: KratixCondition) => c?.type === CONFIGURE_WORKFLOW_COMPLETED,
  );
  if (at >= 0) list[at] = completed;
  else list.push(completed);
  status.conditions = list;
}

/**
 * What the controller writes once the configure workflow completed: observedGeneration,
 * WorksSucceeded (the stand-in's Works are ready once written), Reconciled, the workflow
 * counters and the time of the last successful configure workflow.
 */
export function markWorkflowReconciled(
  status: RequestStatus,
  generation: number,
  pipelines: number,
  now: Date,
): void {
  status.observedGeneration = generation;
  markWorksSucceeded(status, now);
  updateReconciled(status, now);
  status.workflows = pipelines;
  status.workflowsSucceeded = pipelines;
  status.workflowsFailed = 0;
  const completed = conditionOf(status, CONFIGURE_WORKFLOW_COMPLETED);
  if (completed) {
    status.lastSuccessfulConfigureWorkflowTime = completed.lastTransitionTime;
    workflowsStatus(status).lastSuccessfulConfigureWorkflowTime =
      completed.lastTransitionTime;
  }
}
