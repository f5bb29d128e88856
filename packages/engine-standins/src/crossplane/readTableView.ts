import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  ContinuousBackupsDescription,
  DynamoDBClient,
  GlobalSecondaryIndexDescription,
  KeySchemaElement,
  LocalSecondaryIndexDescription,
  TableDescription,
  Tag,
  TimeToLiveDescription,
} from '@aws-sdk/client-dynamodb';
import { TerraformError } from './terraformErrors';
import type { IndexView, TableView } from './tableView';

/**
 * Reads a table the way the Terraform provider's read does (DescribeTable, DescribeTimeToLive,
 * DescribeContinuousBackups, ListTagsOfResource); undefined when DynamoDB has no such table
 * (the provider then reports that the external resource does not exist).
 */
export async function readTableView(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableView | undefined> {
  const summary = `reading AWS DynamoDB Table (${tableName})`;
  let table: TableDescription | undefined;
  try {
    table = (
      await client.send(new DescribeTableCommand({ TableName: tableName }))
    ).Table;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw new TerraformError(summary, 'DescribeTable', error);
  }
  if (!table) return undefined;
  const ttl = await call(
    summary,
    'DescribeTimeToLive',
    async () =>
      (
        await client.send(
          new DescribeTimeToLiveCommand({ TableName: tableName }),
        )
      ).TimeToLiveDescription,
  );
  const backups = await call(
    summary,
    'DescribeContinuousBackups',
    async () =>
      (
        await client.send(
          new DescribeContinuousBackupsCommand({ TableName: tableName }),
        )
      ).ContinuousBackupsDescription,
  );
  const tags: Tag[] = [];
  const arn = table.TableArn;
  const listTags = (token: string | undefined) =>
    call(summary, 'ListTagsOfResource', () =>
      client.send(
        new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: token }),
      ),
    );
  let page = await listTags(undefined);
  tags.push(...(page.Tags ?? []));
  while (page.NextToken) {
    page = await listTags(page.NextToken);
    tags.push(...(page.Tags ?? []));
  }
  return tableViewFrom(table, ttl, backups, tags);
}

async function call<T>(
  summary: string,
  operation: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new TerraformError(summary, operation, error);
  }
}

/** The combined view of the four read calls' answers (pure). */
export function tableViewFrom(
  table: TableDescription,
  ttl: TimeToLiveDescription | undefined,
  backups: ContinuousBackupsDescription | undefined,
  tags: readonly Tag[],
): TableView {
  const keys = keysOf(table.KeySchema);
  const pitr = backups?.PointInTimeRecoveryDescription;
  const pitrOn = pitr?.PointInTimeRecoveryStatus === 'ENABLED';
  const view: TableView = {
    tableName: table.TableName ?? '',
    arn: table.TableArn ?? '',
    tableStatus: table.TableStatus,
    attributes: (table.AttributeDefinitions ?? []).map(a => ({
      name: a.AttributeName ?? '',
      type: a.AttributeType ?? '',
    })),
    ...keys,
    billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    readCapacity: table.ProvisionedThroughput?.ReadCapacityUnits,
    writeCapacity: table.ProvisionedThroughput?.WriteCapacityUnits,
    globalSecondaryIndexes: (table.GlobalSecondaryIndexes ?? []).map(gsiView),
    localSecondaryIndexes: (table.LocalSecondaryIndexes ?? []).map(lsiView),
    streamEnabled: table.StreamSpecification?.StreamEnabled === true,
    streamViewType: table.StreamSpecification?.StreamViewType,
    latestStreamArn: table.LatestStreamArn,
    latestStreamLabel: table.LatestStreamLabel,
    deletionProtectionEnabled: table.DeletionProtectionEnabled === true,
    tableClass: table.TableClassSummary?.TableClass,
    ttl: {
      enabled: ttl?.TimeToLiveStatus === 'ENABLED',
      attributeName: ttl?.AttributeName,
    },
    pointInTimeRecovery: {
      enabled: pitrOn,
      recoveryPeriodInDays: pitrOn ? pitr?.RecoveryPeriodInDays : undefined,
    },
    tags: Object.fromEntries(
      tags.filter(t => t.Key !== undefined).map(t => [t.Key!, t.Value ?? '']),
    ),
  };
  if (table.SSEDescription) {
    view.sse = {
      enabled: table.SSEDescription.Status === 'ENABLED',
      kmsKeyArn: table.SSEDescription.KMSMasterKeyArn,
    };
  }
  if (table.WarmThroughput) {
    view.warmThroughput = {
      readUnitsPerSecond: table.WarmThroughput.ReadUnitsPerSecond,
      writeUnitsPerSecond: table.WarmThroughput.WriteUnitsPerSecond,
    };
  }
  if (table.OnDemandThroughput) {
    view.onDemandThroughput = {
      maxReadRequestUnits: table.OnDemandThroughput.MaxReadRequestUnits,
      maxWriteRequestUnits: table.OnDemandThroughput.MaxWriteRequestUnits,
    };
  }
  return view;
}

function keysOf(schema: KeySchemaElement[] | undefined): {
  hashKey?: string;
  rangeKey?: string;
} {
  return {
    hashKey: schema?.find(k => k.KeyType === 'HASH')?.AttributeName,
    rangeKey: schema?.find(k => k.KeyType === 'RANGE')?.AttributeName,
  };
}

function gsiView(i: GlobalSecondaryIndexDescription): IndexView {
  const view: IndexView = {
    name: i.IndexName ?? '',
    ...keysOf(i.KeySchema),
    projectionType: i.Projection?.ProjectionType,
    nonKeyAttributes: i.Projection?.NonKeyAttributes,
    readCapacity: i.ProvisionedThroughput?.ReadCapacityUnits,
    writeCapacity: i.ProvisionedThroughput?.WriteCapacityUnits,
    indexStatus: i.IndexStatus,
  };
  if (i.WarmThroughput) {
    view.warmThroughput = {
      readUnitsPerSecond: i.WarmThroughput.ReadUnitsPerSecond,
      writeUnitsPerSecond: i.WarmThroughput.WriteUnitsPerSecond,
    };
  }
  return view;
}

function lsiView(i: LocalSecondaryIndexDescription): IndexView {
  return {
    name: i.IndexName ?? '',
    ...keysOf(i.KeySchema),
    projectionType: i.Projection?.ProjectionType,
    nonKeyAttributes: i.Projection?.NonKeyAttributes,
  };
}
