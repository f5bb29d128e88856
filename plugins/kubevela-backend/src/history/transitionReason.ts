import type { TableStatus } from '@vela-tables/plugin-kubevela-common';

/**
 * Why a table is in its phase, in the engine's words: the first engine condition that is not
 * True (what holds it back), else its Ready condition, as `type reason: message`; otherwise the
 * status summary (e.g. KubeVela's workflow state). Undefined when nothing says.
 */
export function transitionReason(status: TableStatus): string | undefined {
  const conditions = status.engineResources.flatMap(r =>
    r.conditions.map(c => ({ ...c, kind: r.kind })),
  );
  const blocking = conditions.find(c => c.status !== 'True');
  const ready = conditions.find(
    c => c.type === 'Ready' || c.type === 'ACK.ResourceSynced',
  );
  const c = status.phase === 'Ready' ? ready ?? blocking : blocking ?? ready;
  if (c) {
    const why = [c.reason, c.message].filter(Boolean).join(': ');
    return `${c.kind} ${c.type}=${c.status}${why ? ` ${why}` : ''}`;
  }
  return status.summary;
}
