/**
 * Engine catalogue, TableSpec schema, KubeVela Application builder, engine migration plan,
 * status types and entity annotations shared by the Vela Tables plugins. Browser- and
 * Node-safe.
 *
 * @packageDocumentation
 */

export * from './engines';
export * from './spec';
export * from './application';
export * from './annotations';
export * from './api';
export * from './permissions';
export * from './migration';
export type {
  ApplicationStatusSummary,
  DynamoDbTableView,
  EngineCondition,
  EngineResourceStatus,
  PhaseTimestamps,
  TableDrift,
  TablePhase,
  TableStatus,
} from './status/types';
