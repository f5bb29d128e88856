import {
  createDynamoDbClient,
  describeDynamoDbTable,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaAwsConfig } from '@vela-tables/plugin-kubevela-node';

/** What DynamoDB says about one table. */
export type DynamoDbTableState =
  | { state: 'present'; deletionProtection: boolean; tableStatus: string }
  | { state: 'absent' }
  | { state: 'unknown'; reason: string };

/** Asks DynamoDB about tables, when `kubevela.aws` names an endpoint or credentials. */
export class DynamoDbProbe {
  constructor(private readonly aws: KubeVelaAwsConfig) {}

  /** Whether `kubevela.aws` configures a DynamoDB to ask at all. */
  get configured(): boolean {
    return !!this.aws.endpoint || !!this.aws.credentials;
  }

  /** DescribeTable in the table's region (else the configured one). */
  async describe(
    tableName: string,
    region?: string,
  ): Promise<DynamoDbTableState> {
    if (!this.configured) {
      return {
        state: 'unknown',
        reason: 'kubevela.aws names no DynamoDB endpoint or credentials',
      };
    }
    const client = createDynamoDbClient({
      ...this.aws,
      region: region ?? this.aws.region,
    });
    try {
      const table = await describeDynamoDbTable(client, tableName);
      return {
        state: 'present',
        deletionProtection: table.deletionProtectionEnabled === true,
        tableStatus: table.tableStatus,
      };
    } catch (e) {
      if ((e as Error).name === 'NotFoundError') return { state: 'absent' };
      return { state: 'unknown', reason: (e as Error).message };
    } finally {
      client.destroy();
    }
  }
}
