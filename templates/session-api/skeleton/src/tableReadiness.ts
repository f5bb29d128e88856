import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type {
  DynamoDBClient,
  TableDescription,
} from '@aws-sdk/client-dynamodb';
import { USER_ID } from './session.ts';

/** What `/ready` reports: whether the table serves requests, and how user lookups run. */
export interface TableReadiness {
  ready: boolean;
  table: string;
  /** DynamoDB's TableStatus, or the error that kept DescribeTable from answering. */
  status: string;
  /** The global secondary index `/sessions/user/<uid>` queries; absent = a filtered Scan. */
  userIndex?: string;
}

// A table serves reads and writes while ACTIVE and while UPDATING (e.g. an index being added).
const SERVING = new Set(['ACTIVE', 'UPDATING']);

/**
 * The user index: an ACTIVE global secondary index keyed on userId that projects every
 * attribute (with a narrower projection the query would return partial sessions).
 */
export function userIndexOf(table: TableDescription): string | undefined {
  return table.GlobalSecondaryIndexes?.find(
    index =>
      index.IndexStatus === 'ACTIVE' &&
      index.Projection?.ProjectionType === 'ALL' &&
      index.KeySchema?.some(
        key => key.KeyType === 'HASH' && key.AttributeName === USER_ID,
      ),
  )?.IndexName;
}

/** Asks DynamoDB for the table (DescribeTable); never throws. */
export async function describeReadiness(
  client: DynamoDBClient,
  tableName: string,
  timeoutMs = 2000,
): Promise<TableReadiness> {
  try {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: tableName }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    const status = Table?.TableStatus ?? 'UNKNOWN';
    return {
      ready: SERVING.has(status),
      table: tableName,
      status,
      userIndex: Table ? userIndexOf(Table) : undefined,
    };
  } catch (error) {
    return {
      ready: false,
      table: tableName,
      status: error instanceof Error ? error.name : String(error),
    };
  }
}
