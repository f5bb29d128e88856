import type { TableDrift } from '@vela-tables/plugin-kubevela-common';
import {
  compareWithSpec,
  desiredTableFromEngineResource,
  describeDynamoDbTable,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { TableStatusResponse } from './types';

/** What {@link addDynamoDbView} needs to call DescribeTable. */
export type DescribeTable = (tableName: string) => ReturnType<typeof describeDynamoDbTable>;

/**
 * Adds what DynamoDB itself says (`dynamoDb`) and the differences from what the engine resource
 * asks for (`drift`) to a status. The table is the one named by the engine resource that talks to
 * AWS (ACK or Crossplane `Table`), else the status's table name. A DynamoDB failure never fails
 * the status: it is reported as `dynamoDbError`.
 */
export async function addDynamoDbView(
  status: TableStatusResponse,
  resources: readonly KubeObject[],
  describe: DescribeTable,
): Promise<TableStatusResponse> {
  const desired = resources.map(desiredTableFromEngineResource).find(d => d !== undefined);
  const tableName = desired?.tableName ?? status.tableName;
  if (!tableName) {
    // Nothing names the table yet (e.g. a Kratix request before its pipeline ran): nothing to ask.
    return status;
  }
  try {
    const view = await describe(tableName);
    const result: TableStatusResponse = { ...status, dynamoDb: view };
    if (desired) {
      const drift: TableDrift[] = compareWithSpec(view, desired.settings);
      result.drift = drift;
    }
    return result;
  } catch (e) {
    // The describer's message names the table, the endpoint and the region.
    return { ...status, dynamoDbError: (e as Error).message || String(e) };
  }
}
