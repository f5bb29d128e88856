import type {
  AttributeType,
  BillingMode,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  ProjectionType,
  SseType,
  StreamViewType,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import type { DesiredTableSettings } from './compareWithSpec';

/** The settings an engine resource asks DynamoDB for, with the table's name. */
export interface EngineResourceDesiredTable {
  tableName: string;
  settings: DesiredTableSettings;
}

type Json = Record<string, unknown>;

const ACK_GROUP = 'dynamodb.services.k8s.aws';
const CROSSPLANE_GROUPS = ['dynamodb.aws.upbound.io', 'dynamodb.aws.m.upbound.io'];

/**
 * What the cluster asks DynamoDB for, read from the engine resource that talks to AWS: an ACK
 * `Table` (`spec`) or a Crossplane `Table` (`spec.forProvider`, any of its schema versions).
 * Returns undefined for other kinds (KRO instances and Kratix requests are one step earlier in
 * the chain: compare their ACK or Crossplane Table instead).
 */
export function desiredTableFromEngineResource(
  resource: KubeObject,
): EngineResourceDesiredTable | undefined {
  const group = (resource.apiVersion ?? '').split('/')[0];
  if (resource.kind !== 'Table') return undefined;
  if (group === ACK_GROUP) return fromAckTable(resource);
  if (CROSSPLANE_GROUPS.includes(group)) return fromCrossplaneTable(resource);
  return undefined;
}

function fromAckTable(table: KubeObject): EngineResourceDesiredTable | undefined {
  const spec = obj((table as Json).spec);
  const tableName = str(spec.tableName);
  if (!tableName) return undefined;
  const throughput = obj(spec.provisionedThroughput);
  const ttl = obj(spec.timeToLive);
  const stream = obj(spec.streamSpecification);
  const sse = obj(spec.sseSpecification);
  return {
    tableName,
    settings: {
      attributeDefinitions: list(spec.attributeDefinitions).map(a => ({
        attributeName: str(a.attributeName) ?? '',
        attributeType: (str(a.attributeType) ?? 'S') as AttributeType,
      })),
      keySchema: keySchema(list(spec.keySchema)),
      billingMode: billing(spec.billingMode),
      readCapacityUnits: num(throughput.readCapacityUnits),
      writeCapacityUnits: num(throughput.writeCapacityUnits),
      ttl: ttl.enabled === undefined ? undefined : { enabled: ttl.enabled === true, attributeName: str(ttl.attributeName) ?? '' },
      stream:
        stream.streamEnabled === undefined
          ? undefined
          : { enabled: stream.streamEnabled === true, viewType: str(stream.streamViewType) as StreamViewType | undefined },
      encryption:
        sse.enabled === undefined
          ? undefined
          : { enabled: sse.enabled === true, sseType: (str(sse.sseType) ?? 'KMS') as SseType, kmsKeyId: str(sse.kmsMasterKeyID) },
      deletionProtection: spec.deletionProtectionEnabled === true,
      pointInTimeRecovery: obj(spec.continuousBackups).pointInTimeRecoveryEnabled === true,
      globalSecondaryIndexes: list(spec.globalSecondaryIndexes).map(i => ({
        ...ackIndex(i),
        readCapacityUnits: num(obj(i.provisionedThroughput).readCapacityUnits),
        writeCapacityUnits: num(obj(i.provisionedThroughput).writeCapacityUnits),
      })),
      localSecondaryIndexes: list(spec.localSecondaryIndexes).map(ackIndex),
    },
  };
}

function ackIndex(i: Json): LocalSecondaryIndex {
  const projection = obj(i.projection);
  return {
    indexName: str(i.indexName) ?? '',
    keySchema: keySchema(list(i.keySchema)),
    projectionType: (str(projection.projectionType) ?? 'ALL') as ProjectionType,
    nonKeyAttributes: strings(projection.nonKeyAttributes),
  };
}

function fromCrossplaneTable(table: KubeObject): EngineResourceDesiredTable | undefined {
  const forProvider = obj(obj((table as Json).spec).forProvider);
  const metadata = obj((table as Json).metadata);
  // The provider names the table after the resource unless an external name says otherwise.
  const tableName =
    str(obj(metadata.annotations)['crossplane.io/external-name']) ?? str(metadata.name);
  if (!tableName) return undefined;
  const hashKey = str(forProvider.hashKey);
  const rangeKey = str(forProvider.rangeKey);
  // v1beta1 of the cluster-scoped group wraps single blocks in one-element lists; v1beta2 and
  // the namespaced group use plain objects.
  const ttl = block(forProvider.ttl);
  const sse = block(forProvider.serverSideEncryption);
  const pitr = block(forProvider.pointInTimeRecovery);
  return {
    tableName,
    settings: {
      attributeDefinitions: list(forProvider.attribute).map(a => ({
        attributeName: str(a.name) ?? '',
        attributeType: (str(a.type) ?? 'S') as AttributeType,
      })),
      keySchema: crossplaneKeys(hashKey, rangeKey),
      billingMode: billing(forProvider.billingMode),
      readCapacityUnits: num(forProvider.readCapacity),
      writeCapacityUnits: num(forProvider.writeCapacity),
      ttl: ttl ? { enabled: ttl.enabled === true, attributeName: str(ttl.attributeName) ?? '' } : undefined,
      stream:
        forProvider.streamEnabled === undefined
          ? undefined
          : { enabled: forProvider.streamEnabled === true, viewType: str(forProvider.streamViewType) as StreamViewType | undefined },
      // The provider has no SSE type: enabled means KMS, disabled the AWS-owned key.
      encryption: sse ? { enabled: sse.enabled === true, sseType: 'KMS', kmsKeyId: str(sse.kmsKeyArn) } : undefined,
      deletionProtection: forProvider.deletionProtectionEnabled === true,
      pointInTimeRecovery: pitr?.enabled === true,
      globalSecondaryIndexes: list(forProvider.globalSecondaryIndex).map(
        (i): GlobalSecondaryIndex => ({
          indexName: str(i.name) ?? '',
          keySchema: crossplaneKeys(str(i.hashKey), str(i.rangeKey)),
          projectionType: (str(i.projectionType) ?? 'ALL') as ProjectionType,
          nonKeyAttributes: strings(i.nonKeyAttributes),
          readCapacityUnits: num(i.readCapacity),
          writeCapacityUnits: num(i.writeCapacity),
        }),
      ),
      localSecondaryIndexes: list(forProvider.localSecondaryIndex).map(
        (i): LocalSecondaryIndex => ({
          indexName: str(i.name) ?? '',
          // An LSI shares the table's partition key; the provider only stores its sort key.
          keySchema: crossplaneKeys(hashKey, str(i.rangeKey)),
          projectionType: (str(i.projectionType) ?? 'ALL') as ProjectionType,
          nonKeyAttributes: strings(i.nonKeyAttributes),
        }),
      ),
    },
  };
}

function crossplaneKeys(hashKey?: string, rangeKey?: string): KeySchemaElement[] {
  const keys: KeySchemaElement[] = [];
  if (hashKey) keys.push({ attributeName: hashKey, keyType: 'HASH' });
  if (rangeKey) keys.push({ attributeName: rangeKey, keyType: 'RANGE' });
  return keys;
}

function keySchema(items: Json[]): KeySchemaElement[] {
  return items.map(k => ({
    attributeName: str(k.attributeName) ?? '',
    keyType: str(k.keyType) === 'RANGE' ? 'RANGE' : 'HASH',
  }));
}

function billing(value: unknown): BillingMode {
  // DynamoDB's default when a create call names no billing mode.
  return value === 'PAY_PER_REQUEST' ? 'PAY_PER_REQUEST' : 'PROVISIONED';
}

function block(value: unknown): Json | undefined {
  if (Array.isArray(value)) return value.length ? obj(value[0]) : undefined;
  return value && typeof value === 'object' ? (value as Json) : undefined;
}

function obj(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(obj) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

