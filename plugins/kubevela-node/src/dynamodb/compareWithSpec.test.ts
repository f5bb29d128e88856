import { compareWithSpec } from './compareWithSpec';
import type { DesiredTableSettings } from './compareWithSpec';
import type { DynamoDbTableDescription } from './describeDynamoDbTable';

const desired: DesiredTableSettings = {
  keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
  billingMode: 'PAY_PER_REQUEST',
  deletionProtection: false,
  pointInTimeRecovery: false,
  globalSecondaryIndexes: [],
  localSecondaryIndexes: [],
};

const view: DynamoDbTableDescription = {
  tableName: 't',
  tableStatus: 'ACTIVE',
  keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
  billingMode: 'PAY_PER_REQUEST',
  streamEnabled: false,
  globalSecondaryIndexNames: [],
  localSecondaryIndexNames: [],
  globalSecondaryIndexes: [],
  localSecondaryIndexes: [],
  deletionProtectionEnabled: false,
  ttlEnabled: false,
  pointInTimeRecoveryEnabled: false,
  observedAt: '2026-11-20T12:00:00Z',
};

describe('compareWithSpec', () => {
  it('reports no drift when DynamoDB matches the spec', () => {
    expect(compareWithSpec(view, desired)).toEqual([]);
  });

  it('ignores the capacity moto keeps after a switch to on-demand', () => {
    expect(
      compareWithSpec(
        {
          ...view,
          provisionedThroughput: {
            readCapacityUnits: 5,
            writeCapacityUnits: 5,
          },
        },
        desired,
      ),
    ).toEqual([]);
  });

  it('names the field, the cluster value and the DynamoDB value', () => {
    expect(
      compareWithSpec({ ...view, deletionProtectionEnabled: true }, desired),
    ).toEqual([
      { field: 'deletionProtection', desired: 'false', actual: 'true' },
    ]);
  });
});
