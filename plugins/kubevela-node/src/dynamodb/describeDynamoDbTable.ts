import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type {
  AttributeDefinition,
  BillingMode,
  DynamoDbTableView,
  KeySchemaElement,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaAwsConfig } from '../config/readKubeVelaConfig';

/** A secondary index as DynamoDB describes it. */
export interface DynamoDbIndexView {
  /** Index name. */
  indexName: string;
  /** Index key. */
  keySchema: KeySchemaElement[];
  /** Projection type. */
  projectionType?: string;
  /** Projected non-key attributes. */
  nonKeyAttributes?: string[];
}

/**
 * DescribeTable + DescribeTimeToLive + DescribeContinuousBackups in one view: the common
 * `DynamoDbTableView` plus the settings drift detection needs (`DynamoDbTableView` has no
 * TTL, PITR, SSE or index details).
 */
export interface DynamoDbTableDescription extends DynamoDbTableView {
  /** Table name. */
  tableName: string;
  /** Whether the stream is on. */
  streamEnabled: boolean;
  /** TTL attribute when TTL is ENABLED/ENABLING. */
  ttlAttributeName?: string;
  /** Whether TTL is on. */
  ttlEnabled: boolean;
  /** Whether point-in-time recovery is on. */
  pointInTimeRecoveryEnabled: boolean;
  /** SSE type when encryption with a customer choice is on (KMS/AES256). */
  sseType?: string;
  /** KMS key ARN when SSE is KMS. */
  kmsMasterKeyArn?: string;
  /** Global secondary indexes. */
  globalSecondaryIndexes: DynamoDbIndexView[];
  /** Local secondary indexes. */
  localSecondaryIndexes: DynamoDbIndexView[];
}

/** A DynamoDB client for the configured endpoint, region and credentials. */
export function createDynamoDbClient(aws: KubeVelaAwsConfig): DynamoDBClient {
  return new DynamoDBClient({
    region: aws.region,
    ...(aws.endpoint ? { endpoint: aws.endpoint } : {}),
    ...(aws.credentials ? { credentials: aws.credentials } : {}),
    maxAttempts: 3,
  });
}

const NOT_FOUND_ERRORS = new Set([
  'ResourceNotFoundException',
  'TableNotFoundException',
  'ResourceNotFound',
]);

function keys(
  list: Array<{ AttributeName?: string; KeyType?: string }> | undefined,
): KeySchemaElement[] {
  return (list ?? []).map(k => ({
    attributeName: k.AttributeName ?? '',
    keyType: (k.KeyType ?? 'HASH') as KeySchemaElement['keyType'],
  }));
}

/** Reads what DynamoDB says about a table; NotFoundError naming the table, endpoint and region when it does not exist. */
export async function describeDynamoDbTable(
  client: DynamoDBClient,
  tableName: string,
  now: () => Date = () => new Date(),
): Promise<DynamoDbTableDescription> {
  const where = async () =>
    `${
      (await client.config.endpoint?.())?.hostname ?? 'AWS'
    } region ${await client.config.region()}`;
  try {
    // DescribeTable first: it alone decides whether the table exists. Sent together, the three
    // calls raced, and whichever failed first decided the error: moto answers a missing table's
    // DescribeTimeToLive with `ResourceNotFound` (not `ResourceNotFoundException`), which then
    // surfaced as a raw "Table not found" about one run in six.
    const table = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
    );
    const [ttl, backups] = await Promise.all([
      client.send(new DescribeTimeToLiveCommand({ TableName: tableName })),
      client.send(
        new DescribeContinuousBackupsCommand({ TableName: tableName }),
      ),
    ]);
    const t = table.Table ?? {};
    const billingMode = (t.BillingModeSummary?.BillingMode ??
      (t.ProvisionedThroughput ? 'PROVISIONED' : undefined)) as
      | BillingMode
      | undefined;
    const ttlStatus = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    const sse = t.SSEDescription;
    const index = (i: {
      IndexName?: string;
      KeySchema?: Array<{ AttributeName?: string; KeyType?: string }>;
      Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
    }) => ({
      indexName: i.IndexName ?? '',
      keySchema: keys(i.KeySchema),
      ...(i.Projection?.ProjectionType
        ? { projectionType: i.Projection.ProjectionType }
        : {}),
      ...(i.Projection?.NonKeyAttributes?.length
        ? { nonKeyAttributes: i.Projection.NonKeyAttributes }
        : {}),
    });
    const gsis = (t.GlobalSecondaryIndexes ?? []).map(index);
    const lsis = (t.LocalSecondaryIndexes ?? []).map(index);
    const view: DynamoDbTableDescription = {
      tableName: t.TableName ?? tableName,
      tableStatus: t.TableStatus ?? 'UNKNOWN',
      tableArn: t.TableArn,
      keySchema: keys(t.KeySchema),
      attributeDefinitions: (t.AttributeDefinitions ?? []).map(a => ({
        attributeName: a.AttributeName ?? '',
        attributeType: (a.AttributeType ??
          'S') as AttributeDefinition['attributeType'],
      })),
      billingMode,
      streamEnabled: t.StreamSpecification?.StreamEnabled === true,
      streamViewType: t.StreamSpecification?.StreamEnabled
        ? t.StreamSpecification.StreamViewType
        : undefined,
      globalSecondaryIndexNames: gsis.map(i => i.indexName),
      localSecondaryIndexNames: lsis.map(i => i.indexName),
      globalSecondaryIndexes: gsis,
      localSecondaryIndexes: lsis,
      deletionProtectionEnabled: t.DeletionProtectionEnabled === true,
      itemCount: t.ItemCount,
      ttlEnabled: ttlStatus === 'ENABLED' || ttlStatus === 'ENABLING',
      pointInTimeRecoveryEnabled:
        backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription
          ?.PointInTimeRecoveryStatus === 'ENABLED',
      observedAt: now().toISOString(),
    };
    // moto keeps the old ProvisionedThroughput after a switch to on-demand: only report it when PROVISIONED.
    if (billingMode === 'PROVISIONED' && t.ProvisionedThroughput) {
      view.provisionedThroughput = {
        readCapacityUnits: t.ProvisionedThroughput.ReadCapacityUnits ?? 0,
        writeCapacityUnits: t.ProvisionedThroughput.WriteCapacityUnits ?? 0,
      };
    }
    if (view.ttlEnabled && ttl.TimeToLiveDescription?.AttributeName)
      view.ttlAttributeName = ttl.TimeToLiveDescription.AttributeName;
    if (sse && (sse.Status === 'ENABLED' || sse.Status === 'ENABLING')) {
      view.sseType = sse.SSEType;
      if (sse.KMSMasterKeyArn) view.kmsMasterKeyArn = sse.KMSMasterKeyArn;
    }
    return view;
  } catch (e) {
    const name = (e as Error).name;
    // Not chained as the cause: these messages already say what happened, and @backstage/errors
    // would append the SDK error (in AWS's words, and again) to them.
    // `ResourceNotFound`: moto's name for a table deleted between DescribeTable and DescribeTimeToLive
    if (NOT_FOUND_ERRORS.has(name)) {
      throw new NotFoundError(
        `DynamoDB table '${tableName}' does not exist at ${await where()}`,
      );
    }
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(
        String((e as { code?: unknown }).code),
      ) ||
      name === 'TimeoutError'
    ) {
      throw new ServiceUnavailableError(
        `DynamoDB at ${await where()} is unavailable while describing table '${tableName}': ${
          (e as Error).message
        }`,
      );
    }
    throw e;
  }
}
