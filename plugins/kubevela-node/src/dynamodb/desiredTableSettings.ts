import type {
  GlobalSecondaryIndex,
  LocalSecondaryIndex,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '../client/types';
import { ackTableModel } from '../engineResources/ackTable';
import type { AckTable } from '../engineResources/ackTable';
import { crossplaneTableModel } from '../engineResources/crossplaneTable';
import type { DesiredIndex, DesiredTable } from '../engineResources/types';
import type { DesiredTableSettings } from './compareWithSpec';

/** The settings an engine resource asks DynamoDB for, with the table's name. */
export interface EngineResourceDesiredTable {
  tableName: string;
  settings: DesiredTableSettings;
}

const CROSSPLANE_GROUPS = [
  'dynamodb.aws.upbound.io',
  'dynamodb.aws.m.upbound.io',
];

/**
 * What the cluster asks DynamoDB for, read from the engine resource that talks to AWS: an ACK
 * `Table` (`spec`) or a Crossplane `Table` (`spec.forProvider`, any of its schema versions).
 * Returns undefined for other kinds (KRO instances and Kratix requests are one step earlier in
 * the chain: compare their ACK or Crossplane Table instead).
 */
export function desiredTableFromEngineResource(
  resource: KubeObject,
): EngineResourceDesiredTable | undefined {
  if (ackTableModel.is(resource)) return fromAckTable(resource);
  const group = (resource.apiVersion ?? '').split('/')[0];
  if (resource.kind !== 'Table') return undefined;
  if (CROSSPLANE_GROUPS.includes(group)) return fromCrossplaneTable(resource);
  return undefined;
}

function fromAckTable(table: AckTable): EngineResourceDesiredTable | undefined {
  const desired = ackTableModel.readDesiredTable(table);
  return (
    desired && {
      tableName: desired.tableName,
      settings: settingsFromDesiredTable(desired),
    }
  );
}

function fromCrossplaneTable(
  table: KubeObject,
): EngineResourceDesiredTable | undefined {
  if (!crossplaneTableModel.is(table)) return undefined;
  const desired = crossplaneTableModel.readDesiredTable(table);
  if (!desired) return undefined;
  return {
    tableName: desired.tableName,
    settings: settingsFromDesiredTable(desired),
  };
}

/**
 * An engine model's desired table as the settings the drift comparison uses, with DynamoDB's own
 * defaults filled in where the resource left a setting out (billing mode PROVISIONED, projection
 * ALL, SSE type KMS, deletion protection and point-in-time recovery off): the models leave
 * defaults out so that the stand-ins send only what the resource says.
 */
export function settingsFromDesiredTable(
  desired: DesiredTable,
): DesiredTableSettings {
  return {
    attributeDefinitions: desired.attributeDefinitions,
    keySchema: desired.keySchema,
    billingMode:
      desired.billingMode === 'PAY_PER_REQUEST'
        ? 'PAY_PER_REQUEST'
        : 'PROVISIONED',
    readCapacityUnits: desired.provisionedThroughput?.readCapacityUnits,
    writeCapacityUnits: desired.provisionedThroughput?.writeCapacityUnits,
    ttl: desired.ttl && {
      enabled: desired.ttl.enabled,
      attributeName: desired.ttl.attributeName ?? '',
    },
    stream: desired.stream && {
      enabled: desired.stream.enabled,
      viewType: desired.stream.viewType,
    },
    encryption: desired.encryption && {
      enabled: desired.encryption.enabled,
      sseType: desired.encryption.sseType ?? 'KMS',
      kmsKeyId: desired.encryption.kmsKeyId,
    },
    deletionProtection: desired.deletionProtection === true,
    pointInTimeRecovery: desired.pointInTimeRecovery === true,
    globalSecondaryIndexes: desired.globalSecondaryIndexes.map(
      (i): GlobalSecondaryIndex => ({
        ...indexSettings(i),
        readCapacityUnits: i.provisionedThroughput?.readCapacityUnits,
        writeCapacityUnits: i.provisionedThroughput?.writeCapacityUnits,
      }),
    ),
    localSecondaryIndexes: desired.localSecondaryIndexes.map(indexSettings),
  };
}

function indexSettings(i: DesiredIndex): LocalSecondaryIndex {
  return {
    indexName: i.indexName,
    keySchema: i.keySchema,
    projectionType: i.projectionType ?? 'ALL',
    nonKeyAttributes: i.nonKeyAttributes,
  };
}
