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
import { items, readConditions, text } from './jsonFields';

/*
 * The instances of our KRO ResourceGraphDefinitions (kro.run/v1alpha1): `DynamoDBTable`
 * (manifests/kro/dynamodb-table.rgd.yaml) and `SimpleDynamoDB`
 * (manifests/kro/simple-dynamodb.rgd.yaml). KRO generates their CRDs from the RGDs' schemas; the
 * spec fields and defaults below are the RGDs', and the desired table is what the RGDs' templates
 * put into the ACK Table. The status is KRO's own (`state`, `conditions`) plus what the RGDs
 * surface from the ACK Table (`tableStatus`, `tableArn`, `resourceSynced`).
 */

/** API group of KRO instances. */
export const KRO_INSTANCE_GROUP = 'kro.run';
/** Kind of the instances of RGD dynamodb-table. */
export const KRO_DYNAMODB_TABLE_KIND = 'DynamoDBTable';
/** Kind of the instances of RGD simple-dynamodb. */
export const KRO_SIMPLE_DYNAMODB_KIND = 'SimpleDynamoDB';

/** Defaults of the RGDs' schemas (KRO puts them into the instance CRD). */
export const KRO_INSTANCE_DEFAULTS = {
  region: 'us-west-2',
  billingMode: 'PAY_PER_REQUEST',
  ttlEnabled: false,
  streamEnabled: false,
  /** The template's view type when `streamEnabled` is set without one. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  sseEnabled: false,
  /** The template's SSE type when `sseEnabled` is set without one. */
  sseType: 'KMS',
  deletionProtectionEnabled: false,
  pointInTimeRecoveryEnabled: false,
  projectionType: 'ALL',
} as const;

interface KroKey {
  attributeName?: string;
  keyType?: string;
}

/** `spec` of a DynamoDBTable instance (every field optional: the object may not be valid). */
export interface KroDynamoDbTableSpec {
  tableName?: string;
  region?: string;
  attributeDefinitions?: Array<{
    attributeName?: string;
    attributeType?: string;
  }>;
  keySchema?: KroKey[];
  tags?: Record<string, string>;
  billingMode?: string;
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
  ttlEnabled?: boolean;
  ttlAttributeName?: string;
  streamEnabled?: boolean;
  streamViewType?: string;
  sseEnabled?: boolean;
  sseType?: string;
  kmsMasterKeyId?: string;
  deletionProtectionEnabled?: boolean;
  pointInTimeRecoveryEnabled?: boolean;
  globalSecondaryIndexes?: Array<{
    indexName?: string;
    keySchema?: KroKey[];
    projectionType?: string;
    nonKeyAttributes?: string[];
    readCapacityUnits?: number;
    writeCapacityUnits?: number;
  }>;
  localSecondaryIndexes?: Array<{
    indexName?: string;
    keySchema?: KroKey[];
    projectionType?: string;
    nonKeyAttributes?: string[];
  }>;
}

/** `spec` of a SimpleDynamoDB instance. */
export interface KroSimpleDynamoDbSpec {
  tableName?: string;
  region?: string;
}

/** A condition as KRO writes it on an instance. */
export interface KroCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** `status` of an instance of our RGDs. */
export interface KroInstanceStatus {
  /** KRO's instance state: ACTIVE, IN_PROGRESS, FAILED, DELETING, ERROR. */
  state?: string;
  conditions?: KroCondition[];
  observedGeneration?: number;
  /** Surfaced by the RGD from the ACK Table ("" until ACK reports it). */
  tableStatus?: string;
  tableArn?: string;
  /** "True", "False" or "Unknown": the ACK Table's ACK.ResourceSynced. */
  resourceSynced?: string;
}

/** A DynamoDBTable instance. */
export interface KroDynamoDbTable extends KubeObject {
  spec?: KroDynamoDbTableSpec;
  status?: KroInstanceStatus;
}

/** A SimpleDynamoDB instance. */
export interface KroSimpleDynamoDb extends KubeObject {
  spec?: KroSimpleDynamoDbSpec;
  status?: KroInstanceStatus;
}

/** What the status of an instance of our RGDs says, field by field. */
export interface KroInstanceReading extends ObservedEngineState {
  /** The ACK Table's `tableStatus`, as the RGD surfaces it. */
  tableStatus?: string;
  /** The ACK Table's ACK.ResourceSynced, as the RGD surfaces it. */
  resourceSynced?: string;
}

function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function isInstance(object: KubeObject, kind: string): boolean {
  return (
    object.kind === kind &&
    (object.apiVersion ?? '').split('/')[0] === KRO_INSTANCE_GROUP
  );
}

/** Whether an object is a DynamoDBTable instance. */
export function isKroDynamoDbTable(
  object: KubeObject,
): object is KroDynamoDbTable {
  return isInstance(object, KRO_DYNAMODB_TABLE_KIND);
}

/** Whether an object is a SimpleDynamoDB instance. */
export function isKroSimpleDynamoDb(
  object: KubeObject,
): object is KroSimpleDynamoDb {
  return isInstance(object, KRO_SIMPLE_DYNAMODB_KIND);
}

function keys(list: KroKey[] | undefined): KeySchemaElement[] {
  return items(list).map(k => ({
    attributeName: text(k.attributeName) ?? '',
    keyType: k.keyType === 'RANGE' ? 'RANGE' : 'HASH',
  }));
}

function throughput(read: unknown, write: unknown): Throughput | undefined {
  return typeof read === 'number' && typeof write === 'number'
    ? { readCapacityUnits: read, writeCapacityUnits: write }
    : undefined;
}

function projection(
  index: { projectionType?: string; nonKeyAttributes?: string[] },
  desired: DesiredIndex,
): DesiredIndex {
  desired.projectionType = (text(index.projectionType) ??
    KRO_INSTANCE_DEFAULTS.projectionType) as ProjectionType;
  if (Array.isArray(index.nonKeyAttributes)) {
    desired.nonKeyAttributes = index.nonKeyAttributes.filter(
      (a): a is string => typeof a === 'string',
    );
  }
  return desired;
}

/**
 * What a DynamoDBTable instance asks DynamoDB for: the ACK Table the RGD's template renders from
 * its spec and the schema's defaults. Optional features the template leaves out while they are
 * off (TTL, stream, SSE, capacity) stay undefined; deletion protection and point-in-time recovery
 * are always written by the template, so they always have a value. A GSI without its own
 * capacity gets the table's on a PROVISIONED table, as the template does.
 */
export function readDesiredKroDynamoDbTable(
  instance: KroDynamoDbTable,
): DesiredTable | undefined {
  const spec = instance.spec ?? {};
  const tableName = text(spec.tableName);
  if (!tableName) return undefined;
  const billingMode = (text(spec.billingMode) ??
    KRO_INSTANCE_DEFAULTS.billingMode) as BillingMode;
  const tableThroughput =
    billingMode === 'PROVISIONED'
      ? throughput(spec.readCapacityUnits, spec.writeCapacityUnits)
      : undefined;
  const desired: DesiredTable = {
    tableName,
    region: text(spec.region) ?? KRO_INSTANCE_DEFAULTS.region,
    attributeDefinitions: items(spec.attributeDefinitions).map(
      (a): AttributeDefinition => ({
        attributeName: text(a.attributeName) ?? '',
        attributeType: (text(a.attributeType) ?? 'S') as AttributeType,
      }),
    ),
    keySchema: keys(spec.keySchema),
    billingMode,
    deletionProtection: bool(
      spec.deletionProtectionEnabled,
      KRO_INSTANCE_DEFAULTS.deletionProtectionEnabled,
    ),
    pointInTimeRecovery: bool(
      spec.pointInTimeRecoveryEnabled,
      KRO_INSTANCE_DEFAULTS.pointInTimeRecoveryEnabled,
    ),
    globalSecondaryIndexes: items(spec.globalSecondaryIndexes).map(i => {
      const index = projection(i, {
        indexName: text(i.indexName) ?? '',
        keySchema: keys(i.keySchema),
      });
      const own = throughput(i.readCapacityUnits, i.writeCapacityUnits);
      const capacity = own ?? tableThroughput;
      if (capacity) index.provisionedThroughput = capacity;
      return index;
    }),
    localSecondaryIndexes: items(spec.localSecondaryIndexes).map(i =>
      projection(i, {
        indexName: text(i.indexName) ?? '',
        keySchema: keys(i.keySchema),
      }),
    ),
    tags:
      spec.tags && typeof spec.tags === 'object'
        ? Object.fromEntries(
            Object.entries(spec.tags).filter(
              (e): e is [string, string] => typeof e[1] === 'string',
            ),
          )
        : {},
  };
  if (tableThroughput) desired.provisionedThroughput = tableThroughput;
  if (bool(spec.ttlEnabled, KRO_INSTANCE_DEFAULTS.ttlEnabled)) {
    desired.ttl = { enabled: true };
    const attributeName = text(spec.ttlAttributeName);
    if (attributeName) desired.ttl.attributeName = attributeName;
  }
  if (bool(spec.streamEnabled, KRO_INSTANCE_DEFAULTS.streamEnabled)) {
    desired.stream = {
      enabled: true,
      viewType: (text(spec.streamViewType) ??
        KRO_INSTANCE_DEFAULTS.streamViewType) as StreamViewType,
    };
  }
  if (bool(spec.sseEnabled, KRO_INSTANCE_DEFAULTS.sseEnabled)) {
    desired.encryption = {
      enabled: true,
      sseType: (text(spec.sseType) ?? KRO_INSTANCE_DEFAULTS.sseType) as SseType,
    };
    const kmsKeyId = text(spec.kmsMasterKeyId);
    if (kmsKeyId) desired.encryption.kmsKeyId = kmsKeyId;
  }
  return desired;
}

/**
 * What a SimpleDynamoDB instance asks DynamoDB for: the RGD's fixed table (an `id` (S) HASH key,
 * PAY_PER_REQUEST) with the instance's name and region; the template sets nothing else.
 */
export function readDesiredKroSimpleDynamoDb(
  instance: KroSimpleDynamoDb,
): DesiredTable | undefined {
  const tableName = text(instance.spec?.tableName);
  if (!tableName) return undefined;
  return {
    tableName,
    region: text(instance.spec?.region) ?? KRO_INSTANCE_DEFAULTS.region,
    attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    billingMode: 'PAY_PER_REQUEST',
    globalSecondaryIndexes: [],
    localSecondaryIndexes: [],
    tags: {},
  };
}

function conditionsOf(instance: KubeObject & { status?: KroInstanceStatus }) {
  return readConditions(instance.status?.conditions);
}

/**
 * What an instance's status reports: KRO's `state` and conditions, and what the RGD surfaces
 * from the ACK Table (`tableStatus`, `tableArn`, `resourceSynced`; the RGD writes "" until ACK
 * reports them, which reads as undefined).
 */
export function readKroInstanceStatus(
  instance: KroDynamoDbTable | KroSimpleDynamoDb,
): KroInstanceReading {
  const status = instance.status ?? {};
  const reading: KroInstanceReading = {
    conditions: conditionsOf(instance),
    deleting: Boolean(instance.metadata.deletionTimestamp),
  };
  const state = text(status.state);
  if (state) reading.state = state;
  const arn = text(status.tableArn);
  if (arn) reading.tableArn = arn;
  const tableStatus = text(status.tableStatus);
  if (tableStatus) reading.tableStatus = tableStatus;
  const resourceSynced = text(status.resourceSynced);
  if (resourceSynced) reading.resourceSynced = resourceSynced;
  const standIn = text(instance.metadata.annotations?.[ANNOTATION_STAND_IN]);
  if (standIn) reading.standIn = standIn;
  return reading;
}

/** The model of the DynamoDBTable instance (RGD dynamodb-table). */
export const kroDynamoDbTableModel: EngineResourceModel<KroDynamoDbTable> = {
  groups: [KRO_INSTANCE_GROUP],
  kind: KRO_DYNAMODB_TABLE_KIND,
  is: isKroDynamoDbTable,
  readDesiredTable: readDesiredKroDynamoDbTable,
  readObservedState: readKroInstanceStatus,
};

/** The model of the SimpleDynamoDB instance (RGD simple-dynamodb). */
export const kroSimpleDynamoDbModel: EngineResourceModel<KroSimpleDynamoDb> = {
  groups: [KRO_INSTANCE_GROUP],
  kind: KRO_SIMPLE_DYNAMODB_KIND,
  is: isKroSimpleDynamoDb,
  readDesiredTable: readDesiredKroSimpleDynamoDb,
  readObservedState: readKroInstanceStatus,
};

/** The desired table of an instance of either RGD; undefined for other objects. */
export function readDesiredKroInstance(
  object: KubeObject,
): DesiredTable | undefined {
  if (isKroDynamoDbTable(object)) return readDesiredKroDynamoDbTable(object);
  if (isKroSimpleDynamoDb(object)) return readDesiredKroSimpleDynamoDb(object);
  return undefined;
}
