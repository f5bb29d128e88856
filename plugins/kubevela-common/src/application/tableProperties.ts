import { effectiveTableName } from '../spec/effectiveTableName';
import type {
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  TableSpec,
} from '../spec/types';
import type {
  CrossplaneTableProperties,
  IndexProperties,
  KratixTableProperties,
  KroTableProperties,
  SharedTableProperties,
  SimpleKroTableProperties,
} from './types';

// Every object is copied field by field in a fixed order: the output never shares objects with
// the spec and its key order (and so its YAML) does not depend on how the input was written.

function copyKeySchema(
  keySchema: readonly KeySchemaElement[],
): KeySchemaElement[] {
  return keySchema.map(({ attributeName, keyType }) => ({
    attributeName,
    keyType,
  }));
}

function sortedTags(
  tags: Readonly<Record<string, string>>,
): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(tags).sort()) {
    sorted[key] = tags[key];
  }
  return sorted;
}

/** An index as the components and index traits take it. */
export function indexProperties(
  index: GlobalSecondaryIndex | LocalSecondaryIndex,
): IndexProperties {
  const properties: IndexProperties = {
    indexName: index.indexName,
    keySchema: copyKeySchema(index.keySchema),
    projectionType: index.projectionType,
  };
  if (index.projectionType === 'INCLUDE' && index.nonKeyAttributes) {
    properties.nonKeyAttributes = [...index.nonKeyAttributes];
  }
  if ('readCapacityUnits' in index && index.readCapacityUnits !== undefined) {
    properties.readCapacityUnits = index.readCapacityUnits;
  }
  if ('writeCapacityUnits' in index && index.writeCapacityUnits !== undefined) {
    properties.writeCapacityUnits = index.writeCapacityUnits;
  }
  return properties;
}

/** The parameters shared by every custom-key component (identical for xp and kro-simplified). */
export function sharedTableProperties(spec: TableSpec): SharedTableProperties {
  const properties: SharedTableProperties = {
    tableName: effectiveTableName(spec),
    region: spec.region,
    attributeDefinitions: spec.attributeDefinitions.map(
      ({ attributeName, attributeType }) => ({ attributeName, attributeType }),
    ),
    keySchema: copyKeySchema(spec.keySchema),
  };
  if (Object.keys(spec.tags).length > 0) {
    properties.tags = sortedTags(spec.tags);
  }
  return properties;
}

/**
 * `aws-dynamodb-xp` properties. Crossplane extras are emitted only when they differ from the
 * component's defaults, so that switching the type to `aws-dynamodb-kro-simplified` stays the
 * whole migration for a default table.
 */
export function crossplaneTableProperties(
  spec: TableSpec,
): CrossplaneTableProperties {
  const properties: CrossplaneTableProperties = sharedTableProperties(spec);
  const options = spec.crossplane;
  if (options?.scope === 'namespaced') {
    properties.crossplaneScope = 'namespaced';
  }
  if (options && options.providerConfigName !== 'default') {
    properties.providerConfigName = options.providerConfigName;
  }
  if (options?.managementPolicies) {
    properties.managementPolicies = [...options.managementPolicies];
  }
  return properties;
}

/** `aws-dynamodb-kro` properties with every feature inline (featureMode `inline`). */
export function kroInlineTableProperties(spec: TableSpec): KroTableProperties {
  const properties: KroTableProperties = sharedTableProperties(spec);
  if (spec.billingMode === 'PROVISIONED') {
    properties.billingMode = 'PROVISIONED';
    properties.readCapacityUnits = spec.readCapacityUnits;
    properties.writeCapacityUnits = spec.writeCapacityUnits;
  }
  // As with traits, a feature given with `enabled: false` is sent as explicitly off.
  if (spec.ttl) {
    properties.ttlEnabled = spec.ttl.enabled;
    properties.ttlAttributeName = spec.ttl.attributeName;
  }
  if (spec.stream) {
    properties.streamEnabled = spec.stream.enabled;
    if (spec.stream.viewType) {
      properties.streamViewType = spec.stream.viewType;
    }
  }
  if (spec.encryption) {
    properties.sseEnabled = spec.encryption.enabled;
    properties.sseType = spec.encryption.sseType;
    if (spec.encryption.enabled && spec.encryption.kmsKeyId !== undefined) {
      properties.kmsMasterKeyId = spec.encryption.kmsKeyId;
    }
  }
  if (spec.deletionProtection) {
    properties.deletionProtectionEnabled = true;
  }
  if (spec.pointInTimeRecovery) {
    properties.pointInTimeRecoveryEnabled = true;
  }
  if (spec.globalSecondaryIndexes.length > 0) {
    properties.globalSecondaryIndexes =
      spec.globalSecondaryIndexes.map(indexProperties);
  }
  if (spec.localSecondaryIndexes.length > 0) {
    properties.localSecondaryIndexes =
      spec.localSecondaryIndexes.map(indexProperties);
  }
  return properties;
}

/** `aws-dynamodb-simple-kro` properties: the engine fixes everything else. */
export function simpleKroTableProperties(
  spec: TableSpec,
): SimpleKroTableProperties {
  return { tableName: effectiveTableName(spec), region: spec.region };
}

/**
 * `aws-dynamodb-kratix` properties: enabled features as DynamoDBRequest fields. The request
 * has no way to say "off" for TTL or streams other than leaving the field out.
 */
export function kratixTableProperties(spec: TableSpec): KratixTableProperties {
  const properties: KratixTableProperties = sharedTableProperties(spec);
  if (spec.billingMode === 'PROVISIONED') {
    properties.billingMode = 'PROVISIONED';
    properties.readCapacityUnits = spec.readCapacityUnits;
    properties.writeCapacityUnits = spec.writeCapacityUnits;
  }
  if (spec.ttl?.enabled) {
    properties.ttlAttributeName = spec.ttl.attributeName;
  }
  if (spec.stream?.enabled) {
    properties.streamViewType = spec.stream.viewType;
  }
  if (spec.pointInTimeRecovery) {
    properties.pointInTimeRecoveryEnabled = true;
  }
  if (spec.deletionProtection) {
    properties.deletionProtectionEnabled = true;
  }
  return properties;
}
