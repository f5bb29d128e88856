import { explainEngineMessage, isMachineText } from './engineMessage';

// What KRO wrote on the instance while the ACK Table was not ACTIVE (captured on the local platform).
const KRO_MESSAGE =
  'resource reconciliation failed: apply results contain errors: waiting for node "table": readyWhen condition evaluated to false: "table.?status.?tableStatus.orValue(\\"\\") == \\"ACTIVE\\"" (waiting for readiness)';

describe('explainEngineMessage', () => {
  it("says KRO's readyWhen expression in words and keeps the raw text", () => {
    expect(explainEngineMessage(KRO_MESSAGE)).toEqual({
      words:
        'KRO is waiting for its table resource: it counts as ready once tableStatus is ACTIVE, and it is not yet.',
      raw: KRO_MESSAGE,
    });
  });

  it('says an AWS error from the SDK text plainly', () => {
    const text =
      'api error ValidationException: ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST';
    expect(explainEngineMessage(text)).toEqual({
      words:
        'DynamoDB refused the request (ValidationException): ProvisionedThroughput cannot be specified when BillingMode is PAY_PER_REQUEST',
      raw: text,
    });
  });

  it('finds the AWS error inside Crossplane’s wrapped message', () => {
    const text =
      'create failed: async create failed: failed to create the resource: [{0 creating AWS DynamoDB Table (orders): operation error DynamoDB: CreateTable, https response error StatusCode: 400, RequestID: 1, api error ValidationException: bad key}]';
    expect(explainEngineMessage(text).words).toBe(
      'DynamoDB refused the request (ValidationException): bad key',
    );
    expect(explainEngineMessage(text).raw).toBe(text);
  });

  it('flags any other expression as machine text and keeps it', () => {
    const text = '${schema.spec.tableName} != ""';
    expect(isMachineText(text)).toBe(true);
    expect(explainEngineMessage(text)).toEqual({
      words:
        'The engine is waiting for a condition written as an expression; it does not hold yet.',
      raw: text,
    });
  });

  it('leaves a sentence as it is, without a raw copy', () => {
    expect(explainEngineMessage('Resource synced successfully')).toEqual({
      words: 'Resource synced successfully',
    });
    expect(isMachineText('Ready: True (Available)')).toBe(false);
  });
});
