import type {
  AttributeDefinition,
  BillingMode,
  EngineCondition,
  KeySchemaElement,
  ProjectionType,
  SseType,
  StreamViewType,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';

/** Read and write capacity units. */
export interface Throughput {
  readCapacityUnits: number;
  writeCapacityUnits: number;
}

/** A secondary index as an engine resource asks for it. */
export interface DesiredIndex {
  indexName: string;
  keySchema: KeySchemaElement[];
  projectionType?: ProjectionType;
  nonKeyAttributes?: string[];
  /** GSIs only; absent when the resource gives none. */
  provisionedThroughput?: Throughput;
}

/**
 * What one engine resource asks DynamoDB for, in engine-neutral terms. Every optional field is
 * `undefined` when the resource leaves the setting out (the engine then leaves it alone, or
 * AWS's default applies): the stand-ins must send exactly what the resource says, so defaults
 * are applied by whoever compares (drift), never here.
 */
export interface DesiredTable {
  /** The table's name in DynamoDB. */
  tableName: string;
  /** The region the resource names (ACK annotation, `forProvider.region`, request field). */
  region?: string;
  attributeDefinitions: AttributeDefinition[];
  keySchema: KeySchemaElement[];
  billingMode?: BillingMode;
  provisionedThroughput?: Throughput;
  ttl?: { enabled: boolean; attributeName?: string };
  stream?: { enabled: boolean; viewType?: StreamViewType };
  encryption?: { enabled: boolean; sseType?: SseType; kmsKeyId?: string };
  deletionProtection?: boolean;
  pointInTimeRecovery?: boolean;
  globalSecondaryIndexes: DesiredIndex[];
  localSecondaryIndexes: DesiredIndex[];
  /** User tags (the controllers' own tags are not part of the desired state). */
  tags: Record<string, string>;
  tableClass?: string;
}

/** What an engine resource says about the table it manages, from its status. */
export interface ObservedEngineState {
  /** The engine resource's conditions, exactly as reported. */
  conditions: EngineCondition[];
  /** Table ARN, once the engine reported it. */
  tableArn?: string;
  /** The engine's own state word: ACK `tableStatus`, KRO `state`, Crossplane Ready reason. */
  state?: string;
  /** Whether the engine resource is being deleted. */
  deleting: boolean;
  /** Whether a local stand-in manages it (annotation `vela-tables.io/stand-in`). */
  standIn?: string;
}

/** The model of one engine resource kind: how to recognise it and read it. */
export interface EngineResourceModel<T extends KubeObject = KubeObject> {
  /** API groups the kind is served in. */
  groups: readonly string[];
  kind: string;
  /** Whether an object is of this kind. */
  is(object: KubeObject): object is T;
  /** What the resource asks DynamoDB for; undefined when it names no table yet. */
  readDesiredTable(object: T): DesiredTable | undefined;
  /** What its status reports. */
  readObservedState(object: T): ObservedEngineState;
}
