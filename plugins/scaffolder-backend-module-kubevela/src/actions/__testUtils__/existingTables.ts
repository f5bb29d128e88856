import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { getTestPlatform } from '@internal/local-platform';
import {
  ClusterRegistry,
  KubeVelaClient,
  createDynamoDbClient,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { readExistingTable } from '../existingTable/readExistingTable';
import { tableSpecFromExisting } from '../existingTable/tableSpecFromExisting';

/** A client for the test platform's DynamoDB server. */
export function testDynamoDb(): DynamoDBClient {
  const info = getTestPlatform();
  return createDynamoDbClient({
    endpoint: info.dynamodb!.endpoint,
    region: info.dynamodb!.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** A cluster client with the settings' first cluster. */
export function testKubeVelaClient(settings: KubeVelaConfig): KubeVelaClient {
  return new KubeVelaClient({
    cluster: ClusterRegistry.fromConfig(settings).get(undefined),
  });
}

/**
 * Creates a table directly in DynamoDB, outside any engine, with most features on: PROVISIONED
 * 3/3, pk+sk, a KEYS_ONLY GSI 1/1, an INCLUDE LSI, a NEW_IMAGE stream, TTL, PITR and a tag (the
 * shape of the real ACK controller's adoption capture, plus an LSI).
 */
export async function createLegacyTable(
  dynamodb: DynamoDBClient,
  tableName: string,
): Promise<void> {
  await dynamodb.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 3 },
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'created', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-status',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
          ProvisionedThroughput: {
            ReadCapacityUnits: 1,
            WriteCapacityUnits: 1,
          },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-created',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'created', KeyType: 'RANGE' },
          ],
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: ['total'],
          },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      Tags: [{ Key: 'owner', Value: 'legacy-team' }],
    }),
  );
  await dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
    }),
  );
  await dynamodb.send(
    new UpdateContinuousBackupsCommand({
      TableName: tableName,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
}

/**
 * What a table is, as far as a user can tell: ARN, creation time and every setting a table
 * request expresses (user tags only: engines add their own).
 */
export async function tableFacts(dynamodb: DynamoDBClient, tableName: string) {
  const existing = await readExistingTable(dynamodb, tableName);
  const { table } = tableSpecFromExisting(existing, {
    engine: 'kro-simplified',
    applicationName: 'facts',
    componentName: 'facts',
    namespace: 'facts',
    region: 'us-west-2',
    tableNamePrefix: '',
  });
  return {
    arn: existing.table.TableArn,
    created: existing.table.CreationDateTime?.toISOString(),
    settings: table,
  };
}
