import type {
  AttributeDefinition,
  AttributeType,
  BillingMode,
  KeySchemaElement,
  ProjectionType,
  SseType,
  StreamViewType,
} from '@vela-tables/plugin-kubevela-common';
import { ANNOTATION_STAND_IN } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import type {
  DesiredIndex,
  DesiredTable,
  EngineResourceModel,
  ObservedEngineState,
  Throughput,
} from './types';
import { count, flag, items, readConditions, text } from './jsonFields';

/*
 * The ACK `Table` (dynamodb.services.k8s.aws/v1alpha1) as its CRD declares it
 * (../shared/crds/ack-dynamodb/dynamodb.services.k8s.aws_tables.yaml, ACK dynamodb-controller
 * v1.9.2). Every field is optional here because the API server accepts objects without them (an
 * adopted Table may have no spec at all); field names and nesting follow the CRD exactly, and the
 * CRD declares enums as plain strings, so they stay strings.
 */

/** API group of the ACK Table. */
export const ACK_TABLE_GROUP = 'dynamodb.services.k8s.aws';
/** API version of the ACK Table. */
export const ACK_TABLE_VERSION = 'v1alpha1';
/** `apiVersion` of the ACK Table. */
export const ACK_TABLE_API_VERSION = `${ACK_TABLE_GROUP}/${ACK_TABLE_VERSION}`;
/** Annotation naming the AWS region of an ACK resource (ACK runtime). */
export const ACK_REGION_ANNOTATION = 'services.k8s.aws/region';

/** `spec.keySchema[]` and index key schemas. */
export interface AckKeySchemaElement {
  attributeName?: string;
  keyType?: string;
}

/** `spec.attributeDefinitions[]`. */
export interface AckAttributeDefinition {
  attributeName?: string;
  attributeType?: string;
}

/** `provisionedThroughput` of the table or a GSI. */
export interface AckProvisionedThroughput {
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
}

/** `onDemandThroughput` of the table or a GSI. */
export interface AckOnDemandThroughput {
  maxReadRequestUnits?: number;
  maxWriteRequestUnits?: number;
}

/** `projection` of a secondary index. */
export interface AckProjection {
  nonKeyAttributes?: string[];
  projectionType?: string;
}

/** `spec.globalSecondaryIndexes[]`. */
export interface AckGlobalSecondaryIndex {
  indexName?: string;
  keySchema?: AckKeySchemaElement[];
  onDemandThroughput?: AckOnDemandThroughput;
  projection?: AckProjection;
  provisionedThroughput?: AckProvisionedThroughput;
}

/** `spec.localSecondaryIndexes[]`. */
export interface AckLocalSecondaryIndex {
  indexName?: string;
  keySchema?: AckKeySchemaElement[];
  projection?: AckProjection;
}

/** `spec.sseSpecification`. */
export interface AckSseSpecification {
  enabled?: boolean;
  kmsMasterKeyID?: string;
  kmsMasterKeyRef?: { from?: { name?: string; namespace?: string } };
  sseType?: string;
}

/** `spec.streamSpecification`. */
export interface AckStreamSpecification {
  streamEnabled?: boolean;
  streamViewType?: string;
}

/** `spec.tags[]`. */
export interface AckTag {
  key?: string;
  value?: string;
}

/** `spec.timeToLive`. */
export interface AckTimeToLive {
  attributeName?: string;
  enabled?: boolean;
}

/** `spec.tableReplicas[]`. */
export interface AckTableReplica {
  globalSecondaryIndexes?: Array<{
    indexName?: string;
    provisionedThroughputOverride?: { readCapacityUnits?: number };
  }>;
  kmsMasterKeyID?: string;
  provisionedThroughputOverride?: { readCapacityUnits?: number };
  regionName?: string;
  tableClassOverride?: string;
}

/** `spec` of the ACK Table (CRD v1alpha1; required there: tableName, keySchema, attributeDefinitions). */
export interface AckTableSpec {
  attributeDefinitions?: AckAttributeDefinition[];
  billingMode?: string;
  continuousBackups?: { pointInTimeRecoveryEnabled?: boolean };
  contributorInsights?: string;
  deletionProtectionEnabled?: boolean;
  globalSecondaryIndexes?: AckGlobalSecondaryIndex[];
  keySchema?: AckKeySchemaElement[];
  localSecondaryIndexes?: AckLocalSecondaryIndex[];
  onDemandThroughput?: AckOnDemandThroughput;
  provisionedThroughput?: AckProvisionedThroughput;
  resourcePolicy?: string;
  sseSpecification?: AckSseSpecification;
  streamSpecification?: AckStreamSpecification;
  tableClass?: string;
  tableName?: string;
  tableReplicas?: AckTableReplica[];
  tags?: AckTag[];
  timeToLive?: AckTimeToLive;
}

/** One of `status.conditions[]` (ACK runtime condition). */
export interface AckCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** `status.ackResourceMetadata` (the CRD requires ownerAccountID and region). */
export interface AckResourceMetadata {
  arn?: string;
  ownerAccountID: string;
  partition?: string;
  region: string;
}

/** `status.globalSecondaryIndexesDescriptions[]`. */
export interface AckGlobalSecondaryIndexDescription {
  backfilling?: boolean;
  indexARN?: string;
  indexName?: string;
  indexSizeBytes?: number;
  indexStatus?: string;
  itemCount?: number;
  keySchema?: AckKeySchemaElement[];
  onDemandThroughput?: AckOnDemandThroughput;
  projection?: AckProjection;
  provisionedThroughput?: {
    lastDecreaseDateTime?: string;
    lastIncreaseDateTime?: string;
    numberOfDecreasesToday?: number;
    readCapacityUnits?: number;
    writeCapacityUnits?: number;
  };
}

/** `status` of the ACK Table (CRD v1alpha1). */
export interface AckTableStatus {
  ackResourceMetadata?: AckResourceMetadata;
  archivalSummary?: {
    archivalBackupARN?: string;
    archivalDateTime?: string;
    archivalReason?: string;
  };
  conditions?: AckCondition[];
  creationDateTime?: string;
  globalSecondaryIndexesDescriptions?: AckGlobalSecondaryIndexDescription[];
  globalTableVersion?: string;
  itemCount?: number;
  latestStreamARN?: string;
  latestStreamLabel?: string;
  replicas?: Array<Record<string, unknown>>;
  restoreSummary?: {
    restoreDateTime?: string;
    restoreInProgress?: boolean;
    sourceBackupARN?: string;
    sourceTableARN?: string;
  };
  tableID?: string;
  tableSizeBytes?: number;
  tableStatus?: string;
}

/** An ACK `Table` object. */
export interface AckTable extends KubeObject {
  spec?: AckTableSpec;
  status?: AckTableStatus;
}

/** Whether an object is an ACK Table (any version of the group). */
export function isAckTable(object: KubeObject): object is AckTable {
  return (
    object.kind === 'Table' &&
    (object.apiVersion ?? '').split('/')[0] === ACK_TABLE_GROUP
  );
}

function keySchemaOf(
  keys: AckKeySchemaElement[] | undefined,
): KeySchemaElement[] {
  return items(keys).map(k => ({
    attributeName: text(k.attributeName) ?? '',
    keyType: k.keyType === 'RANGE' ? 'RANGE' : 'HASH',
  }));
}

function throughputOf(
  value: AckProvisionedThroughput | undefined,
): Throughput | undefined {
  const read = count(value?.readCapacityUnits);
  const write = count(value?.writeCapacityUnits);
  if (read === undefined && write === undefined) return undefined;
  // ACK sends a missing half as 0 (its UpdateTable payload does); keep that meaning.
  return { readCapacityUnits: read ?? 0, writeCapacityUnits: write ?? 0 };
}

function indexOf(
  index: AckGlobalSecondaryIndex | AckLocalSecondaryIndex,
): DesiredIndex {
  const desired: DesiredIndex = {
    indexName: text(index.indexName) ?? '',
    keySchema: keySchemaOf(index.keySchema),
  };
  const projectionType = text(index.projection?.projectionType);
  if (projectionType) desired.projectionType = projectionType as ProjectionType;
  if (Array.isArray(index.projection?.nonKeyAttributes)) {
    desired.nonKeyAttributes = index.projection!.nonKeyAttributes!.filter(
      (a): a is string => typeof a === 'string',
    );
  }
  const throughput = throughputOf(
    (index as AckGlobalSecondaryIndex).provisionedThroughput,
  );
  if (throughput) desired.provisionedThroughput = throughput;
  return desired;
}

/**
 * What an ACK Table asks DynamoDB for, exactly as its spec says it (no defaults: a field the spec
 * leaves out stays undefined). The region is the `services.k8s.aws/region` annotation's, else
 * undefined (the controller then uses the namespace's default region or its own `--aws-region`).
 * Undefined when the spec names no table.
 */
export function readDesiredAckTable(table: AckTable): DesiredTable | undefined {
  const spec = table.spec ?? {};
  const tableName = text(spec.tableName);
  if (!tableName) return undefined;
  const desired: DesiredTable = {
    tableName,
    attributeDefinitions: items(spec.attributeDefinitions).map(
      (a): AttributeDefinition => ({
        attributeName: text(a.attributeName) ?? '',
        attributeType: (text(a.attributeType) ?? 'S') as AttributeType,
      }),
    ),
    keySchema: keySchemaOf(spec.keySchema),
    globalSecondaryIndexes: items(spec.globalSecondaryIndexes).map(indexOf),
    localSecondaryIndexes: items(spec.localSecondaryIndexes).map(indexOf),
    tags: Object.fromEntries(
      items(spec.tags)
        .filter(t => text(t.key))
        .map(t => [t.key as string, t.value ?? '']),
    ),
  };
  const region = text(table.metadata.annotations?.[ACK_REGION_ANNOTATION]);
  if (region) desired.region = region;
  const billingMode = text(spec.billingMode);
  if (billingMode) desired.billingMode = billingMode as BillingMode;
  const throughput = throughputOf(spec.provisionedThroughput);
  if (throughput) desired.provisionedThroughput = throughput;
  if (spec.timeToLive && flag(spec.timeToLive.enabled) !== undefined) {
    desired.ttl = { enabled: spec.timeToLive.enabled === true };
    const attributeName = text(spec.timeToLive.attributeName);
    if (attributeName) desired.ttl.attributeName = attributeName;
  }
  const stream = spec.streamSpecification;
  if (stream && flag(stream.streamEnabled) !== undefined) {
    desired.stream = { enabled: stream.streamEnabled === true };
    const viewType = text(stream.streamViewType);
    if (viewType) desired.stream.viewType = viewType as StreamViewType;
  }
  const sse = spec.sseSpecification;
  if (sse && flag(sse.enabled) !== undefined) {
    desired.encryption = { enabled: sse.enabled === true };
    const sseType = text(sse.sseType);
    if (sseType) desired.encryption.sseType = sseType as SseType;
    const kmsKeyId = text(sse.kmsMasterKeyID);
    if (kmsKeyId) desired.encryption.kmsKeyId = kmsKeyId;
  }
  const deletionProtection = flag(spec.deletionProtectionEnabled);
  if (deletionProtection !== undefined) {
    desired.deletionProtection = deletionProtection;
  }
  const pitr = flag(spec.continuousBackups?.pointInTimeRecoveryEnabled);
  if (pitr !== undefined) desired.pointInTimeRecovery = pitr;
  const tableClass = text(spec.tableClass);
  if (tableClass) desired.tableClass = tableClass;
  return desired;
}

/** What an ACK Table's status reports: its conditions as written, the ARN and `tableStatus`. */
export function readObservedAckTable(table: AckTable): ObservedEngineState {
  const observed: ObservedEngineState = {
    conditions: readConditions(table.status?.conditions),
    deleting: Boolean(table.metadata.deletionTimestamp),
  };
  const arn = text(table.status?.ackResourceMetadata?.arn);
  if (arn) observed.tableArn = arn;
  const state = text(table.status?.tableStatus);
  if (state) observed.state = state;
  const standIn = text(table.metadata.annotations?.[ANNOTATION_STAND_IN]);
  if (standIn) observed.standIn = standIn;
  return observed;
}

/** The model of the ACK Table: recognise it, read what it asks for and what it reports. */
export const ackTableModel: EngineResourceModel<AckTable> = {
  groups: [ACK_TABLE_GROUP],
  kind: 'Table',
  is: isAckTable,
  readDesiredTable: readDesiredAckTable,
  readObservedState: readObservedAckTable,
};
