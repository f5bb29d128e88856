import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describeDynamoDbTable } from './describeDynamoDbTable';

function awsError(name: string, message: string): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

// A client whose DescribeTimeToLive fails first with moto's `ResourceNotFound`, and DescribeTable
// later with `ResourceNotFoundException`: the order that made the integration test flaky.
function missingTableClient(sent: string[]): DynamoDBClient {
  return {
    config: {
      endpoint: async () => ({ hostname: '127.0.0.1' }),
      region: async () => 'us-west-2',
    },
    send: async (command: unknown) => {
      const name = (command as { constructor: { name: string } }).constructor
        .name;
      sent.push(name);
      if (command instanceof DescribeTimeToLiveCommand)
        throw awsError('ResourceNotFound', 'Table not found');
      await new Promise(resolve => setTimeout(resolve, 20));
      if (command instanceof DescribeTableCommand)
        throw awsError(
          'ResourceNotFoundException',
          'Requested resource not found',
        );
      throw awsError(
        'TableNotFoundException',
        'Table not found: no-such-table',
      );
    },
  } as unknown as DynamoDBClient;
}

describe('describeDynamoDbTable', () => {
  it('decides a missing table from DescribeTable alone, whatever the other calls answer first', async () => {
    const sent: string[] = [];
    const error = await describeDynamoDbTable(
      missingTableClient(sent),
      'no-such-table',
    ).catch((e: Error) => e);
    expect((error as Error).name).toBe('NotFoundError');
    expect((error as Error).message).toMatch(
      /^DynamoDB table 'no-such-table' does not exist at 127\.0\.0\.1 region us-west-2/,
    );
    expect(sent).toEqual(['DescribeTableCommand']);
  });
});
