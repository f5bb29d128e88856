import { ANNOTATION_STAND_IN } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** What the objects of one engine resource kind on one cluster show. */
export interface KindObjectEvidence {
  objects: number;
  /**
   * A controller was seen working: some object has a status condition whose
   * `lastTransitionTime` is no earlier than the object's `creationTimestamp`. The engines' CRDs
   * serve `status` as a subresource, which the API server ignores on create, so such a
   * condition was written for this object after it existed. (Both times have one-second
   * resolution, and a controller often answers within that second, hence "no earlier", not
   * "later".) `false` when objects exist but none has; undefined with no objects.
   */
  controllerObserved?: boolean;
  /** The value of `vela-tables.io/stand-in` on the first object that carries it. */
  standIn?: string;
}

function conditionTimes(o: KubeObject): number[] {
  const conditions = (o.status as { conditions?: unknown } | undefined)
    ?.conditions;
  if (!Array.isArray(conditions)) return [];
  return conditions
    .map(c => (c as { lastTransitionTime?: unknown })?.lastTransitionTime)
    .filter((t): t is string => typeof t === 'string')
    .map(t => Date.parse(t))
    .filter(t => !Number.isNaN(t));
}

/** Whether a condition of the object was written for it (dated no earlier than its creation). */
export function conditionWrittenSinceCreation(o: KubeObject): boolean {
  const created = Date.parse(o.metadata.creationTimestamp ?? '');
  if (Number.isNaN(created)) return false;
  return conditionTimes(o).some(t => t >= created);
}

/** The evidence the objects of one kind give (from the watch cache: no API call). */
export function kindEvidence(
  objects: readonly KubeObject[],
): KindObjectEvidence {
  if (objects.length === 0) return { objects: 0 };
  const standIn = objects
    .map(o => o.metadata.annotations?.[ANNOTATION_STAND_IN])
    .find(v => v !== undefined);
  return {
    objects: objects.length,
    controllerObserved: objects.some(conditionWrittenSinceCreation),
    ...(standIn !== undefined ? { standIn } : {}),
  };
}
