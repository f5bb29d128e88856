import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
import { afterFailure, ensureConditions } from './conditions';
import { resultOf } from './finish';
import {
  AckFailureError,
  conditionMessage,
  failureText,
  isTerminal,
} from './failures';
import { TableApi } from './tableApi';

/** A loopback port nothing listens on (a DynamoDB server that is down). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise(r => server.close(r));
  return port;
}

describe('failures: how an error reaches the conditions', () => {
  it('a DynamoDB server that is down: ACK.Recoverable and Unknown with the SDK error, retried with backoff', async () => {
    const api = new TableApi(
      new DynamoDBClient({
        region: 'us-west-2',
        endpoint: `http://127.0.0.1:${await closedPort()}`,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        maxAttempts: 1,
      }),
    );
    const error = await api.describeTable('t').catch(e => e);
    expect(error).toBeInstanceOf(AckFailureError);
    const failure = (error as AckFailureError).failure;
    expect(failure.kind).toBe('transport');
    expect(isTerminal(failure)).toBe(false);
    expect(failureText(failure)).toMatch(
      /^operation error DynamoDB: DescribeTable, request send failed: .*ECONNREFUSED/,
    );
    const conditions = ensureConditions(afterFailure([], failure), {
      failure,
      now: new Date(),
    });
    expect(conditions.map(c => [c.type, c.status, c.reason])).toEqual([
      ['ACK.Recoverable', 'True', undefined],
      ['ACK.ResourceSynced', 'Unknown', failureText(failure)],
      ['Ready', 'False', 'ACK.Recoverable'],
    ]);
    // not a terminal state: the reconcile throws, and the loop retries with backoff
    expect(() => resultOf(conditions, failure)).toThrow(AckFailureError);
  });

  it('DynamoDB errors: "api error <Code>: <message>" in the conditions; ValidationException and InvalidParameter are terminal', () => {
    const aws = (code: string) => ({
      kind: 'aws' as const,
      operation: 'CreateTable',
      code,
      message: 'why',
      httpStatus: 400,
      requestId: 'r1',
    });
    expect(conditionMessage(aws('LimitExceededException'))).toBe(
      'api error LimitExceededException: why',
    );
    expect(failureText(aws('LimitExceededException'))).toBe(
      'operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: r1, api error LimitExceededException: why',
    );
    expect(isTerminal(aws('ValidationException'))).toBe(true);
    expect(isTerminal(aws('InvalidParameter'))).toBe(true);
    expect(isTerminal(aws('ResourceInUseException'))).toBe(false);
    expect(resultOf([], aws('ValidationException'))).toEqual({});
    // wrapped by the update hooks ("cannot update table %v"): no longer recognised, not terminal
    const wrapped = {
      kind: 'wrapped' as const,
      prefix: 'cannot update table',
      inner: aws('ValidationException'),
    };
    expect(isTerminal(wrapped)).toBe(false);
    expect(conditionMessage(wrapped)).toMatch(
      /^cannot update table operation error DynamoDB: CreateTable/,
    );
  });
});
