import type { TableStatus } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';

/** What one engine's resources say about the table: the engine half of a `TableStatus`. */
export type EngineTableReading = Pick<
  TableStatus,
  | 'phase'
  | 'summary'
  | 'engineResources'
  | 'tableName'
  | 'tableArn'
  | 'keySchema'
  | 'attributeDefinitions'
  | 'billingMode'
  | 'enabledFeatures'
  | 'phaseTimestamps'
>;

/** One status reader per engine: engine resources in, engine reading out. */
export type EngineStatusReader = (
  resources: readonly KubeObject[],
) => EngineTableReading;
