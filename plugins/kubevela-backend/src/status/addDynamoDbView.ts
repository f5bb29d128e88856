import type { TableDrift } from '@vela-tables/plugin-kubevela-common';
import {
  compareWithSpec,
  desiredTableFromEngineResource,
} from '@vela-tables/plugin-kubevela-node';
import type {
  DynamoDbTableDescription,
  KubeObject,
} from '@vela-tables/plugin-kubevela-node';
import { regionOfEngineResources } from './regionOfEngineResource';
import type { TableStatusResponse } from './types';

/** What {@link addDynamoDbView} needs to call DescribeTable; `region` undefined: the configured one. */
export type DescribeTable = (
  tableName: string,
  region?: string,
) => Promise<DynamoDbTableDescription>;

/**
 * Adds what DynamoDB itself says (`dynamoDb`) and the differences from what the engine resource
 * asks for (`drift`) to a status. The table is the one named by the engine resource that talks to
 * AWS (ACK or Crossplane `Table`), else the status's table name; in the region that resource
 * names, else the region another resource of the chain names (KRO instance, Kratix request),
 * else the configured one (`kubevela.aws.region`, defaulting to `kubevela.defaultRegion`). A DynamoDB failure never fails the status: it is reported as
 * `dynamoDbError`.
 */
export async function addDynamoDbView(
  status: TableStatusResponse,
  resources: readonly KubeObject[],
  describe: DescribeTable,
): Promise<TableStatusResponse> {
  const awsResource = resources.find(
    r => desiredTableFromEngineResource(r) !== undefined,
  );
  const desired = awsResource && desiredTableFromEngineResource(awsResource);
  const tableName = desired?.tableName ?? status.tableName;
  if (!tableName) {
    // Nothing names the table yet (e.g. a Kratix request before its pipeline ran): nothing to ask.
    return status;
  }
  const region = regionOfEngineResources(resources, awsResource);
  try {
    const view = await describe(tableName, region);
    const result: TableStatusResponse = { ...status, dynamoDb: view };
    if (desired) {
      const drift: TableDrift[] = compareWithSpec(view, desired.settings);
      result.drift = drift;
    }
    return result;
  } catch (e) {
    // The describer's message names the table, the endpoint and the region.
    const missing = (e as Error).name === 'NotFoundError';
    return {
      ...status,
      dynamoDbError: (e as Error).message || String(e),
      ...(missing ? { dynamoDbTableMissing: true } : {}),
    };
  }
}
