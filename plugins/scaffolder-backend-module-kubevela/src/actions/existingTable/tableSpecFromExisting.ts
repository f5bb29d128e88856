import { InputError } from '@backstage/errors';
import type {
  AttributeDefinition,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import type { ExistingTable } from './readExistingTable';

/** Where the adopted table goes: the Application around it and the engine that manages it. */
export interface AdoptionTarget {
  engine: TableSpecInput['engine'];
  applicationName: string;
  componentName: string;
  namespace: string;
  region: string;
  /** The platform's table name prefix ('' when none). */
  tableNamePrefix: string;
  crossplane?: TableSpecInput['crossplane'];
  featureMode?: TableSpecInput['featureMode'];
}

/** A table request that repeats the existing table, and what it could not repeat. */
export interface TableSpecFromExisting {
  table: TableSpecInput;
  /** Settings of the table that a TableSpec cannot express, in words (left as they are). */
  notCarried: string[];
}

// Tags the engines put on the tables they manage; each engine keeps its own, so they are not
// user tags. `aws:` tags are AWS's and cannot be set at all.
const ENGINE_TAG_PREFIXES = ['services.k8s.aws/', 'crossplane-', 'aws:'];

type RawKey = { AttributeName?: string; KeyType?: string };

function keySchema(keys: RawKey[] | undefined): KeySchemaElement[] {
  return (keys ?? []).map(k => ({
    attributeName: k.AttributeName ?? '',
    keyType: k.KeyType as KeySchemaElement['keyType'],
  }));
}

function projection(
  p: { ProjectionType?: string; NonKeyAttributes?: string[] } | undefined,
) {
  const projectionType = (p?.ProjectionType ??
    'ALL') as GlobalSecondaryIndex['projectionType'];
  return {
    projectionType,
    ...(projectionType === 'INCLUDE' && p?.NonKeyAttributes?.length
      ? { nonKeyAttributes: [...p.NonKeyAttributes] }
      : {}),
  };
}

/**
 * The TableSpec input that describes an existing table completely: keys, billing and capacity,
 * every index with its projection and capacity, TTL, stream, encryption, point-in-time
 * recovery, deletion protection and user tags. Complete on purpose: an engine that adopts the
 * table enforces the spec, so a setting left out would be switched off (ACK removed an index,
 * backups and a tag of a table adopted with a partial spec).
 */
export function tableSpecFromExisting(
  existing: ExistingTable,
  target: AdoptionTarget,
): TableSpecFromExisting {
  const t = existing.table;
  const realName = t.TableName ?? '';
  if (!realName.startsWith(target.tableNamePrefix)) {
    throw new InputError(
      `table '${realName}' cannot be adopted here: this platform puts '${target.tableNamePrefix}' in front of every table name it manages`,
    );
  }
  const notCarried: string[] = [];
  const provisioned =
    (t.BillingModeSummary?.BillingMode ??
      ((t.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0
        ? 'PROVISIONED'
        : 'PAY_PER_REQUEST')) === 'PROVISIONED';

  const globalSecondaryIndexes: GlobalSecondaryIndex[] = (
    t.GlobalSecondaryIndexes ?? []
  ).map(i => ({
    indexName: i.IndexName ?? '',
    keySchema: keySchema(i.KeySchema),
    ...projection(i.Projection),
    ...(provisioned && i.ProvisionedThroughput
      ? {
          readCapacityUnits: i.ProvisionedThroughput.ReadCapacityUnits,
          writeCapacityUnits: i.ProvisionedThroughput.WriteCapacityUnits,
        }
      : {}),
  }));
  const localSecondaryIndexes: LocalSecondaryIndex[] = (
    t.LocalSecondaryIndexes ?? []
  ).map(i => ({
    indexName: i.IndexName ?? '',
    keySchema: keySchema(i.KeySchema),
    ...projection(i.Projection),
  }));

  const tags: Record<string, string> = {};
  const engineTags: string[] = [];
  for (const { Key, Value } of existing.tags) {
    if (!Key) continue;
    if (ENGINE_TAG_PREFIXES.some(p => Key.startsWith(p))) engineTags.push(Key);
    else tags[Key] = Value ?? '';
  }
  if (engineTags.length) {
    notCarried.push(
      `engine tags ${engineTags
        .sort()
        .join(', ')} (each engine writes its own)`,
    );
  }

  const sse = t.SSEDescription;
  const encrypted = sse?.Status === 'ENABLED' || sse?.Status === 'ENABLING';
  if (
    t.TableClassSummary?.TableClass &&
    t.TableClassSummary.TableClass !== 'STANDARD'
  ) {
    notCarried.push(`table class ${t.TableClassSummary.TableClass}`);
  }
  if (t.Replicas?.length) {
    notCarried.push(
      `global table replicas in ${t.Replicas.map(r => r.RegionName).join(
        ', ',
      )}`,
    );
  }
  if (
    t.OnDemandThroughput?.MaxReadRequestUnits ||
    t.OnDemandThroughput?.MaxWriteRequestUnits
  ) {
    notCarried.push('on-demand maximum throughput');
  }

  const table: TableSpecInput = {
    engine: target.engine,
    applicationName: target.applicationName,
    componentName: target.componentName,
    namespace: target.namespace,
    tableName: realName.slice(target.tableNamePrefix.length),
    region: target.region,
    attributeDefinitions: (t.AttributeDefinitions ?? []).map(
      (a): AttributeDefinition => ({
        attributeName: a.AttributeName ?? '',
        attributeType: a.AttributeType as AttributeDefinition['attributeType'],
      }),
    ),
    keySchema: keySchema(t.KeySchema),
    billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
    ...(provisioned
      ? {
          readCapacityUnits: t.ProvisionedThroughput?.ReadCapacityUnits,
          writeCapacityUnits: t.ProvisionedThroughput?.WriteCapacityUnits,
        }
      : {}),
    ...(existing.ttlAttributeName
      ? { ttl: { enabled: true, attributeName: existing.ttlAttributeName } }
      : {}),
    ...(t.StreamSpecification?.StreamEnabled
      ? {
          stream: {
            enabled: true,
            viewType: t.StreamSpecification.StreamViewType,
          },
        }
      : {}),
    ...(encrypted
      ? {
          encryption: {
            enabled: true,
            sseType: sse?.SSEType === 'AES256' ? 'AES256' : 'KMS',
            ...(sse?.KMSMasterKeyArn ? { kmsKeyId: sse.KMSMasterKeyArn } : {}),
          },
        }
      : {}),
    deletionProtection: t.DeletionProtectionEnabled === true,
    pointInTimeRecovery: existing.pointInTimeRecovery,
    globalSecondaryIndexes,
    localSecondaryIndexes,
    tags,
    ...(target.engine === 'crossplane'
      ? { crossplane: target.crossplane ?? {} }
      : {}),
    ...(target.engine === 'kro'
      ? { featureMode: target.featureMode ?? 'traits' }
      : {}),
  };
  return { table, notCarried };
}
