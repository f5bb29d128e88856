import type {
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  LocalSecondaryIndex,
  Projection,
  ProvisionedThroughput,
} from '@aws-sdk/client-dynamodb';
import type { DesiredIndex } from '@vela-tables/plugin-kubevela-node';
import type { DesiredParameters } from './desiredParameters';

/**
 * The CreateTable call the Terraform provider makes for `aws_dynamodb_table` (resourceTableCreate):
 * keys, attributes, billing mode (PROVISIONED unless the spec says otherwise, with the spec's
 * capacity), indexes, stream, SSE, table class, deletion protection and the spec's tags (the
 * provider's own `crossplane-*` tags included). TTL and point-in-time recovery are separate calls
 * after the table is ACTIVE ({@link afterCreateCalls}).
 */
export function createTableInput(
  desired: DesiredParameters,
): CreateTableCommandInput {
  const t = desired.table;
  const billingMode = t.billingMode ?? 'PROVISIONED';
  const provisioned = billingMode === 'PROVISIONED';
  const input: CreateTableCommandInput = {
    TableName: t.tableName,
    AttributeDefinitions: t.attributeDefinitions.map(a => ({
      AttributeName: a.attributeName,
      AttributeType: a.attributeType,
    })),
    KeySchema: t.keySchema.map(k => ({
      AttributeName: k.attributeName,
      KeyType: k.keyType,
    })),
    BillingMode: billingMode as CreateTableCommandInput['BillingMode'],
    DeletionProtectionEnabled: t.deletionProtection ?? false,
    TableClass: (t.tableClass ??
      'STANDARD') as CreateTableCommandInput['TableClass'],
  };
  if (provisioned) {
    input.ProvisionedThroughput = throughput(
      t.provisionedThroughput?.readCapacityUnits,
      t.provisionedThroughput?.writeCapacityUnits,
    );
  }
  if (t.globalSecondaryIndexes.length) {
    input.GlobalSecondaryIndexes = t.globalSecondaryIndexes.map(i =>
      globalIndexInput(i, provisioned),
    );
  }
  if (t.localSecondaryIndexes.length) {
    input.LocalSecondaryIndexes = t.localSecondaryIndexes.map(
      (i): LocalSecondaryIndex => ({
        IndexName: i.indexName,
        KeySchema: i.keySchema.map(k => ({
          AttributeName: k.attributeName,
          KeyType: k.keyType,
        })),
        Projection: projection(i),
      }),
    );
  }
  if (t.stream?.enabled) {
    input.StreamSpecification = {
      StreamEnabled: true,
      StreamViewType: t.stream.viewType,
    };
  }
  if (t.encryption) {
    input.SSESpecification = sseSpecification(
      t.encryption.enabled,
      t.encryption.kmsKeyId,
    );
  }
  const tags = Object.entries(desired.tags);
  if (tags.length) {
    input.Tags = tags.map(([Key, Value]) => ({ Key, Value }));
  }
  return input;
}

/** A global index as CreateTable and UpdateTable's Create take it. */
export function globalIndexInput(
  i: DesiredIndex,
  provisioned: boolean,
): GlobalSecondaryIndex {
  const index: GlobalSecondaryIndex = {
    IndexName: i.indexName,
    KeySchema: i.keySchema.map(k => ({
      AttributeName: k.attributeName,
      KeyType: k.keyType,
    })),
    Projection: projection(i),
  };
  if (provisioned) {
    index.ProvisionedThroughput = throughput(
      i.provisionedThroughput?.readCapacityUnits,
      i.provisionedThroughput?.writeCapacityUnits,
    );
  }
  return index;
}

/** The provider's SSE block: enabled means a KMS key (the AWS managed one unless named). */
export function sseSpecification(enabled: boolean, kmsKeyId?: string) {
  return enabled
    ? {
        Enabled: true,
        SSEType: 'KMS' as const,
        ...(kmsKeyId ? { KMSMasterKeyId: kmsKeyId } : {}),
      }
    : { Enabled: false };
}

/** The calls made once the new table is ACTIVE: TTL when on, then point-in-time recovery when on. */
export function afterCreateCalls(desired: DesiredParameters): {
  ttl?: { attributeName: string };
  pointInTimeRecovery?: { recoveryPeriodInDays?: number };
} {
  const t = desired.table;
  const calls: ReturnType<typeof afterCreateCalls> = {};
  if (t.ttl?.enabled) calls.ttl = { attributeName: t.ttl.attributeName ?? '' };
  if (t.pointInTimeRecovery) {
    const block = desired.raw.pointInTimeRecovery;
    const b = (Array.isArray(block) ? block[0] : block) as
      | Record<string, unknown>
      | undefined;
    const period = b?.recoveryPeriodInDays;
    calls.pointInTimeRecovery =
      typeof period === 'number' ? { recoveryPeriodInDays: period } : {};
  }
  return calls;
}

function projection(i: DesiredIndex): Projection {
  return {
    ProjectionType: (i.projectionType ?? 'ALL') as Projection['ProjectionType'],
    ...(i.nonKeyAttributes?.length
      ? { NonKeyAttributes: i.nonKeyAttributes }
      : {}),
  };
}

/** Terraform sends the configured capacity, 0 when unset (DynamoDB refuses 0 itself). */
function throughput(read?: number, write?: number): ProvisionedThroughput {
  return { ReadCapacityUnits: read ?? 0, WriteCapacityUnits: write ?? 0 };
}
