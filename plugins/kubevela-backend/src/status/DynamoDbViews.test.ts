import { ConfigReader } from '@backstage/config';
import { readKubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import type { DynamoDbTableDescription } from '@vela-tables/plugin-kubevela-node';
import { DynamoDbViews } from './DynamoDbViews';
import { addDynamoDbView } from './addDynamoDbView';
import type { TableStatusResponse } from './types';

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

  describe('the region of a table whose engine resources name none', () => {
    const kratixRequest = (spec: Record<string, unknown>) => ({
      apiVersion: 'dynamodb.kratix.io/v1alpha1',
      kind: 'DynamoDBRequest',
      metadata: { name: 'orders', namespace: 'team-a' },
      spec,
    });
    type ConfigData = NonNullable<
      ConstructorParameters<typeof ConfigReader>[0]
    >;
    async function regionAsked(
      kubevela: ConfigData,
      resourceSpec: Record<string, unknown>,
    ) {
      const calls: string[] = [];
      const settings = readKubeVelaConfig(new ConfigReader({ kubevela }));
      const v = new DynamoDbViews({
        aws: settings.aws,
        ttlMs: 0,
        describe: async client => {
          calls.push(await client.config.region());
          return { tableName: 'orders' } as DynamoDbTableDescription;
        },
      });
      await addDynamoDbView(
        { tableName: 'orders' } as TableStatusResponse,
        [kratixRequest(resourceSpec)],
        (name, region) => v.describe(name, region),
      );
      return calls;
    }

    it('is kubevela.defaultRegion when kubevela.aws names no region', async () => {
      expect(
        await regionAsked(
          {
            defaultRegion: 'eu-central-1',
            regions: ['eu-central-1', 'us-west-2'],
            aws: { endpoint: 'http://127.0.0.1:1' },
          },
          {},
        ),
      ).toEqual(['eu-central-1']);
    });

    it('is kubevela.aws.region when the platform sets it for DynamoDB calls', async () => {
      expect(
        await regionAsked(
          {
            defaultRegion: 'eu-central-1',
            regions: ['eu-central-1'],
            aws: { endpoint: 'http://127.0.0.1:1', region: 'ap-south-1' },
          },
          {},
        ),
      ).toEqual(['ap-south-1']);
    });

    it('is the region a Kratix request names, whatever the defaults', async () => {
      expect(
        await regionAsked(
          { defaultRegion: 'eu-central-1', regions: ['eu-central-1'] },
          { region: 'us-east-2' },
        ),
      ).toEqual(['us-east-2']);
    });
  });
});
