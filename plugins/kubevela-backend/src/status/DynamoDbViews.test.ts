import type { DynamoDbTableDescription } from '@vela-tables/plugin-kubevela-node';
import { DynamoDbViews } from './DynamoDbViews';

// Which client (region) each DescribeTable went to; the SDK clients are real but never called.
function views(ttlMs = 5000) {
  const calls: string[] = [];
  const v = new DynamoDbViews({
    aws: { region: 'us-west-2', endpoint: 'http://127.0.0.1:1' },
    ttlMs,
    describe: async (client, name) => {
      calls.push(`${await client.config.region()} ${name}`);
      return { tableName: name } as DynamoDbTableDescription;
    },
  });
  return { v, calls };
}

describe('DynamoDbViews', () => {
  it('makes one client per region and uses the configured region when none is named', async () => {
    const { v, calls } = views();
    await v.describe('a', 'eu-west-1');
    await v.describe('b', 'eu-west-1');
    await v.describe('c');
    expect(calls).toEqual(['eu-west-1 a', 'eu-west-1 b', 'us-west-2 c']);
    expect(v.regions().sort()).toEqual(['eu-west-1', 'us-west-2']);
  });

  it('reuses a description within its TTL, per region and table', async () => {
    const { v, calls } = views();
    await v.describe('a', 'eu-west-1');
    await v.describe('a', 'eu-west-1');
    await v.describe('a', 'us-east-1');
    expect(calls).toEqual(['eu-west-1 a', 'us-east-1 a']);
  });
});
