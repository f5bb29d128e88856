import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { KubeApiError } from '../runtime/kubeRest';
import { objectPath } from '../runtime/resourceKind';
import type { ResourceKind } from '../runtime/resourceKind';
import { markStandIn } from '../runtime/standInMarker';
import type { ReconcileContext, ReconcileResult } from '../runtime/types';
import { atProviderFrom } from './atProvider';
import {
  available,
  creating,
  deleting,
  lastAsyncOperation,
  reconcileError,
  reconcilePaused,
  reconcileSuccess,
} from './conditions';
import type { AsyncFailureReason } from './conditions';
import {
  AFTER_OPERATION_REQUEUE_MS,
  ANNOTATION_CREATE_FAILED,
  ANNOTATION_CREATE_PENDING,
  ANNOTATION_CREATE_SUCCEEDED,
  ANNOTATION_PAUSED,
  MANAGED_FINALIZER,
  POLL_INTERVAL_MS,
  POLL_JITTER_FRACTION,
  STANDS_IN_FOR,
} from './constants';
import { createTable } from './createTable';
import { deleteTable } from './deleteTable';
import { readDesiredParameters } from './desiredParameters';
import { externalNamePatch, taggerPatch } from './initializers';
import { blockShapeOf, homeKind } from './kinds';
import { lateInitialization } from './lateInitialize';
import { ManagedObject } from './managedObject';
import { resolvePolicy } from './policies';
import { readTableView } from './readTableView';
import { diffTable, hasChanges } from './tableDiff';
import { reconcilerMessage, upjetMessage } from './terraformErrors';
import type { Phase } from './terraformErrors';
import { updateTable } from './updateTable';

/** Thrown after the failure was written to the resource: the loop retries with backoff. */
export class ReportedFailure extends Error {}

const errCreateIncomplete =
  'cannot determine creation result - remove the crossplane.io/external-create-pending annotation if it is safe to proceed';
const errNotExist = 'observe failed: external resource does not exist';

/**
 * One pass of crossplane-runtime's managed reconciler over a Crossplane Table, with upjet's
 * Terraform client replaced by the same DynamoDB calls made directly:
 *
 * pause check → policy check → orphaning delete → initializers (tags, external name) →
 * incomplete-create check → observe → (observe-only: a missing table is an error) → delete
 * (finalizer released once the table is gone) → finalizer → create (pending, then succeeded or
 * failed annotation) → late initialization → up to date, or update.
 *
 * Creates, updates and deletes run to the end inside the reconcile (the provider runs them in the
 * background and reports them through its async callback: `LastAsyncOperation` and `Synced`), then
 * the next reconcile observes the result.
 */
export async function reconcileCrossplaneTable(
  watched: ResourceKind,
  watchedObject: KubeObject,
  ctx: ReconcileContext,
): Promise<ReconcileResult> {
  try {
    return await reconcileOnce(watched, watchedObject, ctx);
  } catch (error) {
    // A stale read: controller-runtime requeues silently on a conflict.
    if (error instanceof KubeApiError && error.status === 409) {
      return { requeueAfterMs: AFTER_OPERATION_REQUEUE_MS };
    }
    throw error;
  }
}

async function reconcileOnce(
  watched: ResourceKind,
  watchedObject: KubeObject,
  ctx: ReconcileContext,
): Promise<ReconcileResult> {
  const kind = homeKind(watched, watchedObject);
  const fresh =
    kind === watched
      ? watchedObject
      : await ctx.kube.get(
          objectPath(
            kind,
            watchedObject.metadata.name,
            watchedObject.metadata.namespace,
          ),
        );
  if (!fresh) return {};
  const key = fresh.metadata.namespace
    ? `${fresh.metadata.namespace}/${fresh.metadata.name}`
    : fresh.metadata.name;
  const label = `Table ${kind.group}/${kind.version} ${key}`;
  const mr = new ManagedObject(
    ctx.kube,
    kind,
    await markStandIn(
      ctx.kube,
      objectPath(kind, fresh.metadata.name, fresh.metadata.namespace),
      fresh,
      STANDS_IN_FOR,
    ),
  );
  const now = () => ctx.now();
  const spec = (mr.object.spec ?? {}) as Record<string, unknown>;
  const policy = resolvePolicy(
    spec.managementPolicies as string[] | undefined,
    kind.namespaced ? undefined : (spec.deletionPolicy as string | undefined),
  );
  const wasDeleted = !!mr.object.metadata.deletionTimestamp;

  if (
    mr.object.metadata.annotations?.[ANNOTATION_PAUSED] === 'true' ||
    policy.paused
  ) {
    mr.mark(reconcilePaused(now()));
    await mr.writeStatus();
    return {};
  }
  if (policy.invalid) {
    mr.mark(reconcileError(policy.invalid)(now()));
    await mr.writeStatus();
    return {};
  }
  if (wasDeleted && !policy.delete) {
    await mr.removeFinalizer(MANAGED_FINALIZER);
    ctx.log(
      `${label}: deleted with a policy that keeps the table; table left in DynamoDB`,
    );
    return {};
  }

  for (const patch of [
    taggerPatch(mr.object, policy.onlyObserve),
    externalNamePatch(mr.object),
  ]) {
    if (patch) await mr.patch(patch);
  }

  if (createIncomplete(mr.object)) {
    mr.mark(creating(now()), reconcileError(errCreateIncomplete)(now()));
    await mr.writeStatus();
    return {};
  }

  const desired = readDesiredParameters(mr.object);
  const region = desired?.table.region;
  if (!desired || !region) {
    mr.mark(
      reconcileError(
        'connect failed: spec.forProvider.region is required to connect to DynamoDB',
      )(now()),
    );
    await mr.writeStatus();
    throw new ReportedFailure(`${label} names no region`);
  }
  const client = ctx.dynamodb(region);
  const tableName = desired.table.tableName;

  let view;
  try {
    view = await readTableView(client, tableName);
  } catch (error) {
    return fail(mr, 'observe', error, label, ctx);
  }

  if (!view && (policy.onlyObserve || (!policy.create && !wasDeleted))) {
    mr.mark(reconcileError(errNotExist)(now()));
    await mr.writeStatus();
    throw new ReportedFailure(`${label}: ${errNotExist}`);
  }

  if (wasDeleted) {
    const others = (mr.object.metadata.finalizers ?? []).filter(
      f => f !== MANAGED_FINALIZER,
    );
    if (others.length) return { requeueAfterMs: 1000 };
    if (view) {
      try {
        await deleteTable(client, tableName);
      } catch (error) {
        mr.mark(deleting(now()));
        return fail(mr, 'delete', error, label, ctx);
      }
      ctx.log(`${label}: deleted DynamoDB table ${tableName} in ${region}`);
      mr.mark(deleting(now()), reconcileSuccess(now()));
      await mr.writeStatus();
      // the async callback's report, then the next reconcile sees the table gone
      mr.set(lastAsyncOperation()(now()), reconcileSuccess(now()));
      await mr.writeStatus();
      return { requeueAfterMs: AFTER_OPERATION_REQUEUE_MS };
    }
    await mr.removeFinalizer(MANAGED_FINALIZER);
    return {};
  }

  await mr.addFinalizer(MANAGED_FINALIZER);

  if (!view) {
    await mr.patch({
      metadata: {
        annotations: { [ANNOTATION_CREATE_PENDING]: rfc3339(now()) },
      },
    });
    try {
      await createTable(client, desired);
    } catch (error) {
      await mr.patch({
        metadata: {
          annotations: { [ANNOTATION_CREATE_FAILED]: rfc3339(now()) },
        },
      });
      mr.mark(creating(now()));
      return fail(mr, 'create', error, label, ctx);
    }
    ctx.log(
      `${label}: created DynamoDB table ${tableName} in ${region} (on the local DynamoDB server; the ProviderConfig's endpoint is not read)`,
    );
    await mr.patch({
      metadata: {
        annotations: { [ANNOTATION_CREATE_SUCCEEDED]: rfc3339(now()) },
      },
    });
    mr.mark(creating(now()), reconcileSuccess(now()));
    await mr.writeStatus();
    mr.set(lastAsyncOperation()(now()), reconcileSuccess(now()));
    await mr.writeStatus();
    return { requeueAfterMs: AFTER_OPERATION_REQUEUE_MS };
  }

  // Observe: the table exists.
  mr.set(available(now()));
  mr.observe(atProviderFrom(view, desired, region, blockShapeOf(kind)));
  const changes = policy.onlyObserve ? undefined : diffTable(desired, view);
  const upToDate = !changes || !hasChanges(changes);
  if (policy.lateInitialize) {
    const fill = lateInitialization(
      (spec.forProvider ?? {}) as Record<string, unknown>,
      view,
    );
    if (Object.keys(fill).length) {
      await mr.patch({ spec: { forProvider: fill } });
    }
  }
  if (upToDate) {
    // upjet clears a past async failure once the table is up to date, then the reconciler
    // reports success and polls again later.
    mr.set(lastAsyncOperation()(now()), reconcileSuccess(now()));
    mr.mark(reconcileSuccess(now()));
    await mr.writeStatus();
    return { requeueAfterMs: pollInterval() };
  }
  if (!policy.update) {
    mr.mark(reconcileSuccess(now()));
    await mr.writeStatus();
    return { requeueAfterMs: pollInterval() };
  }
  try {
    await updateTable(client, desired, changes!, view.arn);
  } catch (error) {
    return fail(mr, 'update', error, label, ctx);
  }
  ctx.log(`${label}: updated DynamoDB table ${tableName} in ${region}`);
  mr.mark(reconcileSuccess(now()));
  await mr.writeStatus();
  mr.set(lastAsyncOperation()(now()), reconcileSuccess(now()));
  await mr.writeStatus();
  return { requeueAfterMs: AFTER_OPERATION_REQUEUE_MS };
}

const ASYNC_REASON: Record<Exclude<Phase, 'observe'>, AsyncFailureReason> = {
  create: 'AsyncCreateFailure',
  update: 'AsyncUpdateFailure',
  delete: 'AsyncDeleteFailure',
};

/**
 * Reports a failed phase on the resource as the provider does (Synced=False, ReconcileError with
 * the reconciler's prefix; for create, update and delete also upjet's LastAsyncOperation), then
 * throws so that the loop retries with backoff.
 */
async function fail(
  mr: ManagedObject,
  phase: Phase,
  error: unknown,
  label: string,
  ctx: ReconcileContext,
): Promise<never> {
  const now = ctx.now();
  if (phase !== 'observe') {
    mr.set(
      lastAsyncOperation({
        reason: ASYNC_REASON[phase],
        message: upjetMessage(phase, error),
      })(now),
    );
  }
  const message = reconcilerMessage(phase, error);
  mr.mark(reconcileError(message)(now));
  await mr.writeStatus();
  throw new ReportedFailure(`${label}: ${message}`);
}

/**
 * crossplane-runtime's ExternalCreateIncomplete: a create was started (pending) after the last
 * known outcome (succeeded or failed), so the reconciler cannot tell whether it made a table.
 */
function createIncomplete(object: KubeObject): boolean {
  const a = object.metadata.annotations ?? {};
  const pending = time(a[ANNOTATION_CREATE_PENDING]);
  if (pending === undefined) return false;
  const outcome = Math.max(
    time(a[ANNOTATION_CREATE_SUCCEEDED]) ?? -Infinity,
    time(a[ANNOTATION_CREATE_FAILED]) ?? -Infinity,
  );
  return pending > outcome;
}

function time(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The poll interval with the provider's ±5 % jitter. */
function pollInterval(): number {
  const jitter = (Math.random() * 2 - 1) * POLL_JITTER_FRACTION;
  return Math.round(POLL_INTERVAL_MS * (1 + jitter));
}
