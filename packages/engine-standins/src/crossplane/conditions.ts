import type { CrossplaneCondition } from '@vela-tables/plugin-kubevela-node';

/**
 * The conditions a Crossplane managed resource carries, as crossplane-runtime (xpv1) and upjet
 * build them. `lastTransitionTime` is RFC 3339 with seconds, like metav1.Time.
 */
export type Condition = CrossplaneCondition;

type Build = (now: Date) => Condition;

function at(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function build(
  type: string,
  status: 'True' | 'False',
  reason: string,
  message?: string,
): Build {
  return now => ({
    type,
    status,
    reason,
    lastTransitionTime: at(now),
    ...(message ? { message } : {}),
  });
}

/** Ready=False, Creating. */
export const creating = build('Ready', 'False', 'Creating');
/** Ready=True, Available. */
export const available = build('Ready', 'True', 'Available');
/** Ready=False, Deleting. */
export const deleting = build('Ready', 'False', 'Deleting');
/** Synced=True, ReconcileSuccess. */
export const reconcileSuccess = build('Synced', 'True', 'ReconcileSuccess');
/** Synced=False, ReconcilePaused (the pause annotation or empty managementPolicies). */
export const reconcilePaused = build('Synced', 'False', 'ReconcilePaused');
/** Synced=False, ReconcileError with the error's text. */
export function reconcileError(message: string): Build {
  return build('Synced', 'False', 'ReconcileError', message);
}

/** upjet's LastAsyncOperation: True/Success, or False with the async failure's reason. */
export function lastAsyncOperation(failure?: {
  reason: AsyncFailureReason;
  message: string;
}): Build {
  return failure
    ? build('LastAsyncOperation', 'False', failure.reason, failure.message)
    : build('LastAsyncOperation', 'True', 'Success');
}

/** upjet's reasons for a failed asynchronous Terraform operation. */
export type AsyncFailureReason =
  | 'AsyncCreateFailure'
  | 'AsyncUpdateFailure'
  | 'AsyncDeleteFailure';

/**
 * xpv1 `Condition.Equal`: same type, status, reason, message and observed generation (the
 * transition time is not compared).
 */
function equal(a: Condition, b: Condition): boolean {
  return (
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    (a.message ?? '') === (b.message ?? '') &&
    (a.observedGeneration ?? 0) === (b.observedGeneration ?? 0)
  );
}

/**
 * xpv1 `ConditionedStatus.SetConditions`: a condition equal to the one of its type already there
 * is kept as it is (its transition time does not move); a different one replaces it in place; a
 * new type is appended.
 */
export function setConditions(
  current: readonly Condition[],
  ...next: Condition[]
): Condition[] {
  const out = [...current];
  for (const c of next) {
    const i = out.findIndex(e => e.type === c.type);
    if (i < 0) out.push(c);
    else if (!equal(out[i], c)) out[i] = c;
  }
  return out;
}

/**
 * crossplane-runtime's ObservedGenerationPropagationManager: the managed reconciler stamps the
 * object's generation on the conditions it marks (the ones upjet sets directly carry none).
 */
export function markConditions(
  current: readonly Condition[],
  generation: number | undefined,
  ...next: Condition[]
): Condition[] {
  return setConditions(
    current,
    ...next.map(c =>
      generation ? { ...c, observedGeneration: generation } : c,
    ),
  );
}
