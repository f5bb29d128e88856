import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Where the stand-ins send their AWS calls. */
export interface AwsTarget {
  /** The DynamoDB endpoint (the local platform's DynamoDB server). */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * One DynamoDB client per region, all pointed at the local endpoint, as the real controllers
 * are with `--aws-endpoint-url` / a ProviderConfig's endpoint. The SDK's own retries are kept low:
 * the controller loop retries with its own backoff, as the real controllers requeue.
 */
export function dynamoDbClients(
  target: AwsTarget,
): (region: string) => DynamoDBClient {
  const clients = new Map<string, DynamoDBClient>();
  return region => {
    let client = clients.get(region);
    if (!client) {
      client = new DynamoDBClient({
        region,
        endpoint: target.endpoint,
        credentials: {
          accessKeyId: target.accessKeyId,
          secretAccessKey: target.secretAccessKey,
        },
        maxAttempts: 2,
      });
      clients.set(region, client);
    }
    return client;
  };
}
