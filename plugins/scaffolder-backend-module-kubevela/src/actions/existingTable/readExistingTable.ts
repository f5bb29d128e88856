import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBClient,
  TableDescription,
  Tag,
} from '@aws-sdk/client-dynamodb';
import { NotFoundError } from '@backstage/errors';

/** What DynamoDB says about an existing table: everything a complete TableSpec is made of. */
export interface ExistingTable {
  /** DescribeTable's `Table`. */
  table: TableDescription;
  /** TTL attribute when TTL is ENABLED or ENABLING. */
  ttlAttributeName?: string;
  /** Whether point-in-time recovery is ENABLED. */
  pointInTimeRecovery: boolean;
  /** Every tag of the table, engine tags included. */
  tags: Tag[];
}

const NOT_FOUND = new Set(['ResourceNotFoundException', 'ResourceNotFound']);

/**
 * Reads a table's settings with DescribeTable, DescribeTimeToLive, DescribeContinuousBackups and
 * ListTagsOfResource (all pages). A missing table is a NotFoundError that names it and the
 * region, so an adoption of a table that is not there stops before anything is built.
 */
export async function readExistingTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<ExistingTable> {
  let table: TableDescription | undefined;
  try {
    table = (
      await client.send(new DescribeTableCommand({ TableName: tableName }))
    ).Table;
  } catch (error) {
    if (NOT_FOUND.has((error as Error).name)) {
      throw new NotFoundError(
        `DynamoDB table '${tableName}' does not exist in region ${await client.config.region()}`,
      );
    }
    throw error;
  }
  if (!table?.TableArn) {
    throw new NotFoundError(
      `DynamoDB returned no description for table '${tableName}'`,
    );
  }
  const [ttl, backups, tags] = await Promise.all([
    client.send(new DescribeTimeToLiveCommand({ TableName: tableName })),
    client.send(new DescribeContinuousBackupsCommand({ TableName: tableName })),
    listAllTags(client, table.TableArn),
  ]);
  const ttlStatus = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  return {
    table,
    ttlAttributeName:
      ttlStatus === 'ENABLED' || ttlStatus === 'ENABLING'
        ? ttl.TimeToLiveDescription?.AttributeName
        : undefined,
    pointInTimeRecovery:
      backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription
        ?.PointInTimeRecoveryStatus === 'ENABLED',
    tags,
  };
}

async function listAllTags(
  client: DynamoDBClient,
  arn: string,
): Promise<Tag[]> {
  const tags: Tag[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: nextToken }),
    );
    tags.push(...(page.Tags ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return tags;
}
