import { randomBytes } from 'node:crypto';
import { dynamodbRequest } from './moto';
import { getTestPlatform } from './testing';

jest.setTimeout(60_000);

function endpoint(): string {
  const dynamodb = getTestPlatform().dynamodb;
  if (!dynamodb) throw new Error('the local platform runs without DynamoDB');
  return dynamodb.endpoint;
}

/** Deletes a test's tables after it, passed or failed (one it deleted itself is not found). */
const created: string[] = [];
afterEach(async () => {
  for (const TableName of created.splice(0)) {
    const res = await dynamodbRequest(endpoint(), 'DeleteTable', { TableName });
    if (res.status !== 200 && res.errorType !== 'ResourceNotFoundException') {
      throw new Error(`DeleteTable ${TableName}: HTTP ${res.status}`);
    }
  }
});

/** A unique table name, deleted after the test. */
function tableNamed(prefix: string): string {
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  created.push(name);
  return name;
}

describe('the DynamoDB server (moto) of the local platform', () => {
  it('exports its endpoint to tests', () => {
    expect(process.env.VELA_TABLES_DYNAMODB_ENDPOINT).toBe(endpoint());
  });

  it('creates, describes and deletes a table', async () => {
    const tableName = tableNamed('orders');
    const createdTable = await dynamodbRequest(endpoint(), 'CreateTable', {
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
    });
    expect(createdTable.status).toBe(200);

    const described = await dynamodbRequest(endpoint(), 'DescribeTable', {
      TableName: tableName,
    });
    expect(described.status).toBe(200);
    expect(described.body.Table).toMatchObject({
      TableName: tableName,
      TableStatus: 'ACTIVE',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TableArn: `arn:aws:dynamodb:us-west-2:123456789012:table/${tableName}`,
    });

    const deleted = await dynamodbRequest(endpoint(), 'DeleteTable', {
      TableName: tableName,
    });
    expect(deleted.status).toBe(200);

    const gone = await dynamodbRequest(endpoint(), 'DescribeTable', {
      TableName: tableName,
    });
    expect(gone.status).toBe(400);
    expect(gone.errorType).toBe('ResourceNotFoundException');
  });

  it('keeps tables per region', async () => {
    const name = tableNamed('regional');
    await dynamodbRequest(endpoint(), 'CreateTable', {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    });
    const elsewhere = await dynamodbRequest(
      endpoint(),
      'DescribeTable',
      { TableName: name },
      { region: 'eu-west-1' },
    );

    expect(elsewhere.errorType).toBe('ResourceNotFoundException');
  });

  it('answers ContributorInsights calls through the shim (plain moto returns HTTP 500)', async () => {
    const name = tableNamed('insights');
    await dynamodbRequest(endpoint(), 'CreateTable', {
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    });

    const before = await dynamodbRequest(
      endpoint(),
      'DescribeContributorInsights',
      { TableName: name },
    );
    const update = await dynamodbRequest(
      endpoint(),
      'UpdateContributorInsights',
      {
        TableName: name,
        ContributorInsightsAction: 'ENABLE',
      },
    );
    const after = await dynamodbRequest(
      endpoint(),
      'DescribeContributorInsights',
      { TableName: name },
    );
    const missing = await dynamodbRequest(
      endpoint(),
      'DescribeContributorInsights',
      {
        TableName: `${name}-missing`,
      },
    );

    expect(before.body).toMatchObject({
      TableName: name,
      ContributorInsightsStatus: 'DISABLED',
    });
    expect(update.body).toMatchObject({
      TableName: name,
      ContributorInsightsStatus: 'ENABLED',
    });
    expect(after.body).toMatchObject({
      TableName: name,
      ContributorInsightsStatus: 'ENABLED',
    });
    expect(missing.errorType).toBe('ResourceNotFoundException');
  });
});
