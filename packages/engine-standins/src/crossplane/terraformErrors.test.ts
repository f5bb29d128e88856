import {
  PlainReason,
  TerraformError,
  reconcilerMessage,
  sdkErrorText,
  upjetMessage,
} from './terraformErrors';

function awsError(name: string, message: string) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: 400, requestId: 'REQ1' },
  });
}

describe('provider error texts', () => {
  it('carries DynamoDB’s error code and message inside every layer of the provider', () => {
    const error = new TerraformError(
      'creating AWS DynamoDB Table (orders)',
      'CreateTable',
      awsError('LimitExceededException', 'Subscriber limit exceeded'),
    );
    expect(error.awsCode).toBe('LimitExceededException');
    expect(upjetMessage('create', error)).toBe(
      'async create failed: failed to create the resource: [{0 creating AWS DynamoDB Table (orders): operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: REQ1, LimitExceededException: Subscriber limit exceeded  []}]',
    );
    expect(reconcilerMessage('create', error)).toBe(
      `create failed: ${upjetMessage('create', error)}`,
    );
  });

  it('says the request was not sent when the server is down', () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:9'),
      { code: 'ECONNREFUSED' },
    );
    expect(sdkErrorText('DescribeTable', refused)).toBe(
      'operation error DynamoDB: DescribeTable, https response error StatusCode: 0, RequestID: , request send failed, connect ECONNREFUSED 127.0.0.1:9',
    );
    expect(
      reconcilerMessage(
        'observe',
        new TerraformError(
          'reading AWS DynamoDB Table (orders)',
          'DescribeTable',
          refused,
        ),
      ),
    ).toMatch(
      /^observe failed: failed to observe the resource: \[\{0 reading AWS DynamoDB Table \(orders\): operation error DynamoDB: DescribeTable, .*ECONNREFUSED/,
    );
  });

  it('reports upjet’s own refusals in its words', () => {
    expect(
      reconcilerMessage('update', new PlainReason('refuse to update')),
    ).toBe('update failed: async update failed: refuse to update');
  });
});
