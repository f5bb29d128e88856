import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from '../runtime/kubeRest';
import { pathOf } from '../runtime/resourceKind';
import { markStandIn } from '../runtime/standInMarker';
import type { ReconcileResult } from '../runtime/types';
import {
  CONFIGURE_WORKFLOW_COMPLETED,
  KRATIX_STANDS_IN_FOR,
  MANUAL_RECONCILIATION_LABEL,
  PIPELINE_PHASES,
  PROMISE_NAME_LABEL,
  RECONCILED,
  REQUEST_FINALIZERS,
  RUN_DELETE_WORKFLOWS_FINALIZER,
  RUN_FROM_START_LABEL,
  WORK_CLEANUP_FINALIZER,
  WORKFLOWS_CLEANUP_FINALIZER,
  WORKFLOW_SUSPENDED_LABEL,
} from './constants';
import { parseGoDuration } from './pipelineRunner';
import type { PipelineRun, PipelineRunOptions } from './pipelineRunner';
import type { PipelineDefinition, PromiseWorkflows } from './promiseWorkflows';
import {
  clearPipelineSuspension,
  conditionOf,
  kubeTime,
  markAsCompleted,
  markConfigureWorkflowFailed,
  markConfigureWorkflowRunning,
  markDeleteWorkflowFailed,
  markPipeline,
  markPipelineSuspended,
  markReconciledFailing,
  markReconciledPending,
  markReconciledSuspended,
  markWorkflowReconciled,
  mergeStatuses,
  pipelineEntries,
  pipelineEntriesMatch,
  resetPipelinesToPending,
} from './requestStatus';
import type { RequestStatus } from './requestStatus';

/** What the stand-in remembers between reconciles (Kratix keeps this in its Jobs and Works). */
export class KratixMemory {
  /** The generation whose configure workflow failed, per request uid. */
  readonly failedGeneration = new Map<string, number>();
  /** Requests whose delete pipeline failed (Kratix leaves them until a manual reconciliation). */
  readonly deleteFailed = new Set<string>();
  /** Work the GitOps agent could not apply yet, per request uid. */
  readonly pendingApply = new Map<
    string,
    { objects: KubeObject[]; namespace: string }
  >();
}

/** What one reconcile uses. */
export interface KratixDependencies {
  kube: KubeRest;
  promise: PromiseWorkflows;
  runPipeline(
    options: Omit<PipelineRunOptions, 'promise' | 'cluster'>,
  ): Promise<PipelineRun>;
  workloads: {
    apply(objects: KubeObject[], namespace: string): Promise<string[]>;
    delete(objects: KubeObject[], namespace: string): Promise<string[]>;
  };
  memory: KratixMemory;
  now(): Date;
  log(message: string): void;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {}));

/** JSON with object keys sorted: the API server returns a status's keys in its own order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, v[k]]),
        )
      : v,
  );
}

function statusOf(request: KubeObject): RequestStatus {
  return clone((request.status as RequestStatus | undefined) ?? {});
}

function describe(request: KubeObject): string {
  return `${request.kind} ${request.metadata.namespace}/${request.metadata.name}`;
}

/** One resource request, reconciled as Kratix's dynamic resource request controller does. */
class RequestReconcile {
  private request: KubeObject;
  private readonly path: string;
  private readonly names: string[];

  constructor(object: KubeObject, private readonly deps: KratixDependencies) {
    this.request = object;
    this.path = pathOf(deps.promise.requestKind, object);
    this.names = deps.promise.configure.map(p => p.name);
  }

  private get uid(): string {
    return this.request.metadata.uid ?? this.path;
  }

  private get generation(): number {
    return this.request.metadata.generation ?? 1;
  }

  private get labels(): Record<string, string> {
    return this.request.metadata.labels ?? {};
  }

  private async patchMetadata(
    metadata: Record<string, unknown>,
  ): Promise<void> {
    this.request = await this.deps.kube.mergePatch(this.path, {
      metadata: {
        resourceVersion: this.request.metadata.resourceVersion,
        ...metadata,
      },
    });
  }

  /** Kratix's Status().Update: the whole status, with the object's resourceVersion. */
  private async writeStatus(status: RequestStatus): Promise<void> {
    this.request = await this.deps.kube.replaceStatus(this.path, {
      ...this.request,
      status,
    });
  }

  private async reread(): Promise<void> {
    const fresh = await this.deps.kube.get(this.path);
    if (!fresh) throw new Error(`${describe(this.request)} disappeared`);
    this.request = fresh;
  }

  async reconcile(): Promise<ReconcileResult> {
    if (this.request.metadata.deletionTimestamp) return this.delete();
    await this.applyPendingWork();
    const { promiseName } = this.deps.promise;
    if (this.labels[PROMISE_NAME_LABEL] !== promiseName) {
      await this.patchMetadata({
        labels: { [PROMISE_NAME_LABEL]: promiseName },
      });
      return {};
    }
    const finalizers = this.request.metadata.finalizers ?? [];
    const missing = REQUEST_FINALIZERS.filter(f => !finalizers.includes(f));
    if (missing.length > 0) {
      await this.patchMetadata({ finalizers: [...finalizers, ...missing] });
      return {};
    }
    this.request = await markStandIn(
      this.deps.kube,
      this.path,
      this.request,
      KRATIX_STANDS_IN_FOR,
    );
    // ensureConfigureWorkflowStatus: one Pending entry per configure pipeline
    const status = statusOf(this.request);
    if (
      status.workflows !== this.names.length ||
      !pipelineEntriesMatch(status, this.names)
    ) {
      status.workflows = this.names.length;
      resetPipelinesToPending(status, this.names);
      await this.writeStatus(status);
      return {};
    }
    if (this.labels[WORKFLOW_SUSPENDED_LABEL] === 'true')
      return this.suspended(status);
    const restart =
      this.labels[RUN_FROM_START_LABEL] === 'true' ||
      this.labels[MANUAL_RECONCILIATION_LABEL] === 'true';
    const entries = pipelineEntries(status);
    const suspendedAt = entries.findIndex(
      e => e.phase === PIPELINE_PHASES.suspended,
    );
    const completed = conditionOf(status, CONFIGURE_WORKFLOW_COMPLETED);
    if (restart) return this.runWorkflow(0);
    if (suspendedAt >= 0) return this.runWorkflow(suspendedAt);
    if (
      completed?.status === 'True' &&
      entries.every(e => e.phase === PIPELINE_PHASES.succeeded) &&
      status.observedGeneration === this.generation
    ) {
      return this.finishWorkflow();
    }
    if (
      completed?.reason === 'ConfigureWorkflowFailed' &&
      this.deps.memory.failedGeneration.get(this.uid) === this.generation
    ) {
      // a failed pipeline runs again only for a new spec or a manual reconciliation
      return {};
    }
    return this.runWorkflow(0);
  }

  /** reconcileSuspendedWorkflow: wait for nextRetryAt, or restart on a new spec. */
  private async suspended(status: RequestStatus): Promise<ReconcileResult> {
    const suspendedGeneration = Number(
      status.kratix?.workflows?.suspendedGeneration ?? 0,
    );
    const specChanged =
      suspendedGeneration !== 0 && this.generation > suspendedGeneration;
    if (this.labels[MANUAL_RECONCILIATION_LABEL] === 'true' || specChanged) {
      this.deps.log(
        `${describe(
          this.request,
        )}: spec changed while suspended; running the workflow from the start`,
      );
      await this.patchMetadata({
        labels: {
          [RUN_FROM_START_LABEL]: 'true',
          [WORKFLOW_SUSPENDED_LABEL]: null,
        },
      });
      const reset = statusOf(this.request);
      resetPipelinesToPending(reset, this.names);
      await this.writeStatus(reset);
      return {};
    }
    const entry = pipelineEntries(status).find(
      e => e.phase === PIPELINE_PHASES.suspended,
    );
    const retryAt = entry?.nextRetryAt
      ? Date.parse(entry.nextRetryAt)
      : undefined;
    const now = this.deps.now();
    if (retryAt !== undefined && retryAt <= now.getTime()) {
      await this.patchMetadata({
        labels: { [WORKFLOW_SUSPENDED_LABEL]: null },
      });
      return {};
    }
    const reconciled = conditionOf(status, RECONCILED);
    if (
      reconciled?.reason !== 'WorkflowSuspended' ||
      reconciled.status !== 'Unknown'
    ) {
      markReconciledSuspended(status, now);
      await this.writeStatus(status);
    }
    return retryAt !== undefined
      ? { requeueAfterMs: Math.max(0, retryAt - now.getTime()) + 50 }
      : {};
  }

  /** setPipelineStartingStatus, for the pipeline at `index` of a run that starts at `start`. */
  private async startPipeline(
    index: number,
    fromStart: boolean,
  ): Promise<void> {
    const labels: Record<string, null> = {};
    if (this.labels[MANUAL_RECONCILIATION_LABEL])
      labels[MANUAL_RECONCILIATION_LABEL] = null;
    if (this.labels[RUN_FROM_START_LABEL]) labels[RUN_FROM_START_LABEL] = null;
    if (Object.keys(labels).length > 0) await this.patchMetadata({ labels });
    const now = this.deps.now();
    const status = statusOf(this.request);
    if (fromStart && index === 0) {
      resetPipelinesToPending(status, this.names);
      status.workflowsFailed = 0;
    }
    status.workflowsSucceeded = index;
    if (status.message !== 'Pending') status.message = 'Pending';
    markReconciledPending(status, 'WorkflowPending', now);
    if (conditionOf(status, CONFIGURE_WORKFLOW_COMPLETED)?.status !== 'False') {
      markConfigureWorkflowRunning(status, now);
    }
    markPipeline(status, this.names[index], PIPELINE_PHASES.running, now);
    await this.writeStatus(status);
  }

  private async runWorkflow(start: number): Promise<ReconcileResult> {
    const pipelines = this.deps.promise.configure;
    for (let i = start; i < pipelines.length; i++) {
      const pipeline = pipelines[i];
      await this.startPipeline(i, start === 0);
      this.deps.log(
        `${describe(this.request)}: running configure pipeline ${
          pipeline.name
        }`,
      );
      const run = await this.deps.runPipeline({
        pipeline,
        action: 'configure',
        object: this.request,
      });
      for (const line of run.logs) this.deps.log(`  ${pipeline.name}/${line}`);
      let failure = run.failure;
      let retryAfterMs: number | undefined;
      if (run.succeeded && run.status && 'kratix' in run.status) {
        failure =
          "'kratix' is a kratix managed status field that cannot be updated via workflows";
      }
      if (run.succeeded && run.control?.retryAfter) {
        try {
          retryAfterMs = parseGoDuration(run.control.retryAfter);
        } catch (error) {
          failure = `workflow-control.yaml: ${(error as Error).message}`;
        }
      }
      if (!run.succeeded || failure)
        return this.failPipeline(pipeline, failure ?? 'failed');
      const holds = Boolean(
        run.control && (run.control.suspend || retryAfterMs !== undefined),
      );
      // the work creator: the pipeline's output becomes the request's Work, unless it holds
      if (!holds && run.outputs.length > 0) await this.applyWork(run.outputs);
      // the status writer, at the end of the pipeline's pod
      await this.reread();
      const merged = mergeStatuses(statusOf(this.request), run.status ?? {});
      const now = this.deps.now();
      if (holds) {
        const nextRetryAt =
          retryAfterMs !== undefined
            ? kubeTime(new Date(now.getTime() + retryAfterMs))
            : undefined;
        await this.patchMetadata({
          labels: { [WORKFLOW_SUSPENDED_LABEL]: 'true' },
        });
        markPipelineSuspended(
          merged,
          pipeline.name,
          { message: run.control?.message, nextRetryAt },
          this.generation,
        );
        await this.writeStatus(merged);
        this.deps.log(
          `${describe(this.request)}: pipeline ${
            pipeline.name
          } suspended the workflow${
            nextRetryAt ? ` until ${nextRetryAt}` : ''
          }: ${run.control?.message ?? ''}`,
        );
        return {};
      }
      if (i === pipelines.length - 1) markAsCompleted(merged, now);
      clearPipelineSuspension(merged, pipeline.name);
      await this.writeStatus(merged);
      // the controller sees the pipeline's Job complete
      const recorded = statusOf(this.request);
      recorded.workflowsSucceeded = i + 1;
      markPipeline(
        recorded,
        pipeline.name,
        PIPELINE_PHASES.succeeded,
        this.deps.now(),
      );
      await this.writeStatus(recorded);
    }
    return this.finishWorkflow();
  }

  private async failPipeline(
    pipeline: PipelineDefinition,
    reason: string,
  ): Promise<ReconcileResult> {
    const now = this.deps.now();
    await this.reread();
    const status = statusOf(this.request);
    markConfigureWorkflowFailed(status, pipeline.name, now);
    markReconciledFailing(status, 'ConfigureWorkflowFailed', now);
    status.workflowsFailed = 1;
    markPipeline(status, pipeline.name, PIPELINE_PHASES.failed, now);
    await this.writeStatus(status);
    this.deps.memory.failedGeneration.set(this.uid, this.generation);
    this.deps.log(
      `${describe(this.request)}: configure pipeline ${
        pipeline.name
      } failed: ${reason}`,
    );
    return {};
  }

  /** observedGeneration, WorksSucceeded, Reconciled, counters: written once the workflow completed. */
  private async finishWorkflow(): Promise<ReconcileResult> {
    const status = statusOf(this.request);
    const before = canonical(status);
    markWorkflowReconciled(
      status,
      this.generation,
      this.names.length,
      this.deps.now(),
    );
    if (canonical(status) !== before) {
      await this.writeStatus(status);
      this.deps.log(
        `${describe(this.request)}: reconciled (${String(
          status.message ?? '',
        )})`,
      );
    }
    return {};
  }

  /** The state store and GitOps agent: the Work's objects go onto this cluster. */
  private async applyWork(objects: KubeObject[]): Promise<void> {
    const namespace = this.request.metadata.namespace ?? 'default';
    try {
      const applied = await this.deps.workloads.apply(objects, namespace);
      this.deps.memory.pendingApply.delete(this.uid);
      this.deps.log(`${describe(this.request)}: applied ${applied.join(', ')}`);
    } catch (error) {
      // Kratix only writes the Work to the state store; a GitOps agent that cannot apply it
      // does not fail the workflow. It tries again on the next reconcile.
      this.deps.memory.pendingApply.set(this.uid, { objects, namespace });
      this.deps.log(
        `${describe(
          this.request,
        )}: the GitOps agent could not apply the Work yet: ${
          (error as Error).message
        }`,
      );
    }
  }

  private async applyPendingWork(): Promise<void> {
    const pending = this.deps.memory.pendingApply.get(this.uid);
    if (!pending) return;
    await this.deps.workloads.apply(pending.objects, pending.namespace);
    this.deps.memory.pendingApply.delete(this.uid);
  }

  private async removeFinalizer(finalizer: string): Promise<void> {
    await this.patchMetadata({
      finalizers: (this.request.metadata.finalizers ?? []).filter(
        f => f !== finalizer,
      ),
    });
  }

  /**
   * deleteResources: the delete pipeline, then the Work (the GitOps agent prunes what it
   * applied), then the workflow Jobs, each step removing its finalizer.
   */
  private async delete(): Promise<ReconcileResult> {
    const finalizers = this.request.metadata.finalizers ?? [];
    this.deps.memory.pendingApply.delete(this.uid);
    if (finalizers.includes(RUN_DELETE_WORKFLOWS_FINALIZER)) {
      const pipeline = this.deps.promise.delete[0];
      if (pipeline) {
        if (this.deps.memory.deleteFailed.has(this.uid)) return {};
        this.deps.log(
          `${describe(this.request)}: running delete pipeline ${pipeline.name}`,
        );
        const run = await this.deps.runPipeline({
          pipeline,
          action: 'delete',
          object: this.request,
        });
        for (const line of run.logs)
          this.deps.log(`  ${pipeline.name}/${line}`);
        if (!run.succeeded) {
          const status = statusOf(this.request);
          markDeleteWorkflowFailed(status, this.deps.now());
          await this.writeStatus(status);
          this.deps.memory.deleteFailed.add(this.uid);
          this.deps.log(
            `${describe(this.request)}: delete pipeline failed: ${run.failure}`,
          );
          return {};
        }
      }
      await this.removeFinalizer(RUN_DELETE_WORKFLOWS_FINALIZER);
      return {};
    }
    if (finalizers.includes(WORK_CLEANUP_FINALIZER)) {
      const work = await this.workOf();
      const deleted = await this.deps.workloads.delete(
        work,
        this.request.metadata.namespace ?? 'default',
      );
      this.deps.log(
        `${describe(this.request)}: Work removed${
          deleted.length ? `; pruned ${deleted.join(', ')}` : ''
        }`,
      );
      await this.removeFinalizer(WORK_CLEANUP_FINALIZER);
      return {};
    }
    if (finalizers.includes(WORKFLOWS_CLEANUP_FINALIZER)) {
      // the stand-in runs pipelines as processes: there are no Jobs to delete
      await this.removeFinalizer(WORKFLOWS_CLEANUP_FINALIZER);
    }
    return {};
  }

  /**
   * What the request's Works hold: the stand-in keeps no state store, and a Work's content is a
   * function of the request and the Promise, so it renders the configure pipelines' output again
   * (into temporary directories, never into the request's status).
   */
  private async workOf(): Promise<KubeObject[]> {
    const objects: KubeObject[] = [];
    for (const pipeline of this.deps.promise.configure) {
      const run = await this.deps.runPipeline({
        pipeline,
        action: 'configure',
        object: this.request,
      });
      if (run.succeeded) objects.push(...run.outputs);
    }
    return objects;
  }
}

/** Reconciles one DynamoDBRequest (or any request of the Promise) as Kratix would. */
export function reconcileRequest(
  object: KubeObject,
  deps: KratixDependencies,
): Promise<ReconcileResult> {
  return new RequestReconcile(object, deps).reconcile();
}
