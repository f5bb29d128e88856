import { getTestPlatform } from '@internal/local-platform';
import { createDynamoDbClient } from '../describeDynamoDbTable';

/** A DynamoDB client for the moto server of the test run's local platform (tests only). */
export function testDynamoDbClient() {
  const dynamodb = getTestPlatform().dynamodb;
  if (!dynamodb) throw new Error('the local platform has no DynamoDB server');
  return createDynamoDbClient({
    endpoint: dynamodb.endpoint,
    region: dynamodb.region,
    credentials: {
      accessKeyId: dynamodb.accessKeyId,
      secretAccessKey: dynamodb.secretAccessKey,
    },
  });
}
