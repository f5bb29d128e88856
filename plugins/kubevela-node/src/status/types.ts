import type {
  AttributeDefinition,
  BillingMode,
  EngineResourceStatus,
  KeySchemaElement,
  PhaseTimestamps,
  TableFeature,
  TablePhase,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';

/** What one engine's resources say about the table (the engine half of a `TableStatus`). */
export interface EngineTableReading {
  /** Phase judged from the engine resources alone. */
  phase: TablePhase;
  /** Why, in the user's words. */
  summary?: string;
  /** The engine resources in chain order with their conditions as reported. */
  engineResources: EngineResourceStatus[];
  /** Table name in DynamoDB. */
  tableName?: string;
  /** Table ARN, once known. */
  tableArn?: string;
  /** Key schema. */
  keySchema?: KeySchemaElement[];
  /** Key attribute types. */
  attributeDefinitions?: AttributeDefinition[];
  /** Billing mode. */
  billingMode?: BillingMode;
  /** Features switched on. */
  enabledFeatures: TableFeature[];
  /** When each phase was reached, from condition lastTransitionTime. */
  phaseTimestamps: PhaseTimestamps;
}

/** One status reader per engine: engine resources in, engine reading out. */
export type EngineStatusReader = (resources: readonly KubeObject[]) => EngineTableReading;
