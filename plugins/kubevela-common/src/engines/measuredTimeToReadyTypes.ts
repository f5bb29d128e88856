import type { EngineId } from './types';

/** Figures measured by the time-to-ready benchmark, with where they came from. */
export interface MeasuredTimeToReady {
  /** Day of the measurement (YYYY-MM-DD). */
  measuredAt: string;
  /** The command that reproduces the figures. */
  command: string;
  /** Runs per engine; the figures are medians. */
  runs: number;
  /** What the figures were measured on. */
  where: string;
  /** Median milliseconds from Application applied to table ACTIVE and to Application healthy. */
  engines: Partial<Record<EngineId, { activeMs: number; healthyMs: number }>>;
}
