import type {
  EngineCondition,
  EngineResourceStatus,
  PhaseTimestamps,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import { ANNOTATION_STAND_IN } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';

/** A nested field of an unknown object, or undefined. */
export function field(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A string field, or undefined. */
export function str(obj: unknown, ...path: string[]): string | undefined {
  const v = field(obj, ...path);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** An array field, or []. */
export function arr(obj: unknown, ...path: string[]): unknown[] {
  const v = field(obj, ...path);
  return Array.isArray(v) ? v : [];
}

/** `status.conditions` as reported. */
export function conditionsOf(obj: KubeObject | undefined): EngineCondition[] {
  return arr(obj, 'status', 'conditions').flatMap(c => {
    const type = str(c, 'type');
    if (!type) return [];
    const reported: EngineCondition = {
      type,
      status: str(c, 'status') ?? 'Unknown',
    };
    const reason = str(c, 'reason');
    const message = str(c, 'message');
    const lastTransitionTime = str(c, 'lastTransitionTime');
    if (reason) reported.reason = reason;
    if (message) reported.message = message;
    if (lastTransitionTime) reported.lastTransitionTime = lastTransitionTime;
    return [reported];
  });
}

/** The condition of a type, if reported. */
export function condition(
  conditions: EngineCondition[],
  type: string,
): EngineCondition | undefined {
  return conditions.find(c => c.type === type);
}

/** The engine resource summary of an object. */
export function resourceStatus(
  obj: KubeObject,
  state?: string,
): EngineResourceStatus {
  const status: EngineResourceStatus = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    conditions: conditionsOf(obj),
  };
  if (obj.metadata.namespace) status.namespace = obj.metadata.namespace;
  if (state) status.state = state;
  // A local stand-in marks every engine resource it manages; the real controllers never do.
  if (obj.metadata.annotations?.[ANNOTATION_STAND_IN])
    status.fromStandIn = true;
  return status;
}

/** Objects of one apiVersion group and kind. */
export function ofKind(
  resources: readonly KubeObject[],
  group: string,
  kind: string,
): KubeObject[] {
  return resources.filter(
    r => r.kind === kind && r.apiVersion.split('/')[0] === group,
  );
}

/** The earliest of some RFC 3339 times. */
export function earliest(
  ...times: Array<string | undefined>
): string | undefined {
  return times.filter((t): t is string => !!t).sort()[0];
}

/** Phase timestamps: Provisioning from creation, the current phase from its condition, Deleting from deletionTimestamp. */
export function timestampsFor(
  objects: readonly KubeObject[],
  phase: TablePhase,
  phaseSince: string | undefined,
): PhaseTimestamps {
  const timestamps: PhaseTimestamps = {};
  const created = earliest(...objects.map(o => o.metadata.creationTimestamp));
  if (created) timestamps.Provisioning = created;
  const deleting = earliest(...objects.map(o => o.metadata.deletionTimestamp));
  if (deleting) timestamps.Deleting = deleting;
  if (
    phaseSince &&
    phase !== 'Provisioning' &&
    phase !== 'Deleting' &&
    phase !== 'Unknown'
  ) {
    timestamps[phase] = phaseSince;
  }
  return timestamps;
}
