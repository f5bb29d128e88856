import { ENGINE_IDS } from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  EngineLiveFigures,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import { median } from './median';

/** A table Application as the watch cache holds it. */
export interface WatchedTable {
  cluster: string;
  namespace: string;
  name: string;
  engine: EngineId;
  /** The Application's creationTimestamp (RFC 3339). */
  createdAt?: string;
}

/** One row of the phase history, oldest first per Application. */
export interface RecordedPhase {
  cluster: string;
  namespace: string;
  application: string;
  phase: TablePhase;
  /** When the watches saw it (RFC 3339). */
  at: string;
}

/** What the figures are computed from. */
export interface LiveFiguresInput {
  tables: readonly WatchedTable[];
  /** The current phase per table, as the phase history holds it, keyed by {@link tableKey}. */
  currentPhases: ReadonlyMap<string, TablePhase>;
  /** The phase history of the clusters, oldest first. */
  history: readonly RecordedPhase[];
  /** Where the figures come from, in words. */
  source: string;
}

/** `cluster/namespace/name`, the key of a table in the maps above. */
export function tableKey(t: {
  cluster: string;
  namespace: string;
  name?: string;
  application?: string;
}): string {
  return `${t.cluster}/${t.namespace}/${t.name ?? t.application}`;
}

/**
 * Seconds from the Application's creation to the first Ready the watches recorded for it, only
 * when the first phase recorded since its creation was not Ready: the watches saw it become
 * Ready, so the figure is a measured transition (at the watch's latency, and longer when the
 * backend was down at the time), not a guess for a table that was Ready before it was watched.
 * Rows older than the creation belong to an earlier Application of the same name.
 */
export function secondsToReady(
  createdAt: string | undefined,
  phases: readonly RecordedPhase[],
): number | undefined {
  if (!createdAt) return undefined;
  const created = Date.parse(createdAt);
  if (Number.isNaN(created)) return undefined;
  const since = phases.filter(p => Date.parse(p.at) >= created);
  if (since.length === 0 || since[0].phase === 'Ready') return undefined;
  const ready = since.find(p => p.phase === 'Ready');
  if (!ready) return undefined;
  return (Date.parse(ready.at) - created) / 1000;
}

/**
 * Per engine: the table Applications the watches hold, how many are Ready now (their current
 * phase in the phase history), the share Ready, and the median seconds to Ready over the tables
 * whose way to Ready the watches observed (`sampleSize` of them).
 */
export function liveFigures(input: LiveFiguresInput): EngineLiveFigures[] {
  const historyOf = new Map<string, RecordedPhase[]>();
  for (const row of input.history) {
    const key = tableKey(row);
    const rows = historyOf.get(key);
    if (rows) rows.push(row);
    else historyOf.set(key, [row]);
  }
  return ENGINE_IDS.map(engine => {
    const tables = input.tables.filter(t => t.engine === engine);
    const ready = tables.filter(
      t => input.currentPhases.get(tableKey(t)) === 'Ready',
    ).length;
    const samples = tables
      .map(t => secondsToReady(t.createdAt, historyOf.get(tableKey(t)) ?? []))
      .filter((s): s is number => s !== undefined);
    const medianSeconds = median(samples);
    return {
      engine,
      tables: tables.length,
      ready,
      ...(tables.length > 0 ? { shareReady: ready / tables.length } : {}),
      ...(medianSeconds !== undefined
        ? { medianSecondsToReady: Math.round(medianSeconds * 10) / 10 }
        : {}),
      sampleSize: samples.length,
      source: input.source,
    };
  });
}
