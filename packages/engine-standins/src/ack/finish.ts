import type {
  AckCondition,
  AckTableStatus,
} from '@vela-tables/plugin-kubevela-node';
import type { ReconcileResult } from '../runtime/types';
import { ensureConditions, isSynced } from './conditions';
import { OUT_OF_SYNC_REQUEUE_MS, RESYNC_PERIOD_MS } from './constants';
import { AckFailureError, isTerminal } from './failures';
import type { AckFailure } from './failures';
import { writeStatus } from './objectWrites';
import type { ObjectTarget } from './objectWrites';

/**
 * What the runtime does after a reconcile: HandleReconcileError patches the status, then no
 * requeue for a terminal error, the error's own delay for a requeue error, controller-runtime's
 * backoff (the thrown error) for any other; after a Sync without error, handleRequeues looks
 * again after the resync period when ACK.ResourceSynced is True and after 30 s when it is not.
 */
export async function finishReconcile(
  target: ObjectTarget,
  base: AckTableStatus,
  status: AckTableStatus,
  failure: AckFailure | undefined,
): Promise<ReconcileResult> {
  await writeStatus(target, base, status);
  return resultOf(status.conditions ?? [], failure);
}

/** The requeue (or the thrown error) for how a reconcile ended. */
export function resultOf(
  conditions: readonly AckCondition[],
  failure: AckFailure | undefined,
): ReconcileResult {
  if (!failure) {
    return {
      requeueAfterMs: isSynced(conditions)
        ? RESYNC_PERIOD_MS
        : OUT_OF_SYNC_REQUEUE_MS,
    };
  }
  if (isTerminal(failure)) return {};
  if (failure.kind === 'requeue') return { requeueAfterMs: failure.afterMs };
  if (failure.kind === 'requeueNow') return { requeueAfterMs: 0 };
  throw new AckFailureError(failure);
}

/** ensureConditions, then the status write and the requeue: the end of every Sync. */
export function finishSync(
  target: ObjectTarget,
  base: AckTableStatus,
  status: AckTableStatus,
  conditions: readonly AckCondition[],
  failure: AckFailure | undefined,
  now: Date,
): Promise<ReconcileResult> {
  const ensured = ensureConditions(conditions, {
    tableStatus: status.tableStatus,
    failure,
    now,
  });
  return finishReconcile(
    target,
    base,
    { ...status, conditions: ensured },
    failure,
  );
}
