import type { ComparisonRow } from '../engines/comparison';
import type { EngineId } from '../engines/types';
import type { TablePhase, TableStatus } from '../status/types';

/** An engine as shown in a column header of the comparison. */
export interface ComparisonEngine {
  id: EngineId;
  title: string;
  componentType: string;
}

/** The kubevela backend's `/comparison` response: engine columns and fact rows. */
export interface ComparisonTable {
  engines: ComparisonEngine[];
  rows: ComparisonRow[];
}

/** The kubevela backend's `/status` response: the table's status and where it was read. */
export interface TableStatusResponse extends TableStatus {
  /** The cluster the Application was read from. */
  cluster: string;
  /**
   * Why DynamoDB's own view is missing although an AWS endpoint is configured (table not found,
   * endpoint unreachable, refused); the rest of the status is still valid.
   */
  dynamoDbError?: string;
  /**
   * True when the status comes from the backend's watch cache while its watch of the cluster is
   * broken: it is what the cluster said `ageSeconds` ago, not now.
   */
  stale?: boolean;
  /** When the stale data was last known current (RFC 3339). */
  staleSince?: string;
  /** Seconds since `staleSince`. */
  ageSeconds?: number;
  /** The phase transitions the backend's watches observed, oldest first. */
  history?: PhaseTransition[];
}

/** One phase change of a table, as the backend's watches observed it. */
export interface PhaseTransition {
  /** The phase entered. */
  phase: TablePhase;
  /** When the watch saw it (RFC 3339). */
  at: string;
  /** The phase left, absent for the first observation. */
  from?: TablePhase;
  /** Why, in the engine's words (its condition reason and message, or the status summary). */
  reason?: string;
}
