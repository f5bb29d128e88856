import type { EngineCondition } from '@vela-tables/plugin-kubevela-common';

// Engine resources come from the API server as JSON that controllers fill in over time: every
// field may be missing, and controllers write "" for "not yet". These readers turn that into
// `undefined` once, so the models read like the CRDs they follow.

/** A non-empty string, else undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A number, else undefined. */
export function count(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A boolean, else undefined. */
export function flag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The array, or an empty one when the field is missing or not an array. */
export function items<T>(value: T[] | undefined): T[] {
  return Array.isArray(value) ? value : [];
}

/** Kubernetes-style `status.conditions` exactly as written, skipping entries without a type. */
export function readConditions(
  conditions:
    | Array<
        | {
            type?: unknown;
            status?: unknown;
            reason?: unknown;
            message?: unknown;
            lastTransitionTime?: unknown;
          }
        | undefined
      >
    | undefined,
): EngineCondition[] {
  return items(conditions).flatMap(c => {
    const type = text(c?.type);
    if (!c || !type) return [];
    const condition: EngineCondition = {
      type,
      status: text(c.status) ?? 'Unknown',
    };
    const reason = text(c.reason);
    const message = text(c.message);
    const lastTransitionTime = text(c.lastTransitionTime);
    if (reason) condition.reason = reason;
    if (message) condition.message = message;
    if (lastTransitionTime) condition.lastTransitionTime = lastTransitionTime;
    return [condition];
  });
}
