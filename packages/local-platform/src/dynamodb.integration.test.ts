import { randomBytes } from 'node:crypto';
import { dynamodbRequest } from './moto';
import { getTestPlatform } from './testing';

jest.setTimeout(60_000);

function endpoint(): string {
  const dynamodb = getTestPlatform().dynamodb;
  if (!dynamodb) throw new Error('the local platform runs without DynamoDB');
  return dynamodb.endpoint;
}

describe('the DynamoDB server (moto) of the local platform', () => {
  const tableName = `orders-${randomBytes(4).toString('hex')}`;

  it('exports its endpoint to tests', () => {
    expect(process.env.VELA_TABLES_DYNAMODB_ENDPOINT).toBe(endpoint());
  });

  it('creates, describes and deletes a table', async () => {
    const created = await dynamodbRequest(endpoint(), 'CreateTable', {
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
    expect(created.status).toBe(200);

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
    const name = `regional-${randomBytes(4).toString('hex')}`;
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
    await dynamodbRequest(endpoint(), 'DeleteTable', { TableName: name });
  });

  it('answers ContributorInsights calls through the shim (plain moto returns HTTP 500)', async () => {
    const name = `insights-${randomBytes(4).toString('hex')}`;
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
    await dynamodbRequest(endpoint(), 'DeleteTable', { TableName: name });
  });
});
