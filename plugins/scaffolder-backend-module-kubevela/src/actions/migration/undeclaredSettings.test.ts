import { undeclaredSettings } from './undeclaredSettings';

const xpComponent = {
  name: 'orders-table',
  type: 'aws-dynamodb-xp',
  properties: {
    tableName: 'orders',
    region: 'us-west-2',
    attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
    keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    crossplaneScope: 'namespaced',
  },
  traits: [
    {
      type: 'dynamodb-ttl-xp',
      properties: { attributeName: 'exp', enabled: true },
    },
    {
      type: 'dynamodb-protection-xp',
      properties: { deletionProtection: false, pointInTimeRecovery: true },
    },
  ],
};

describe('undeclaredSettings', () => {
  const table = {
    engine: 'crossplane' as const,
    applicationName: 'orders',
    componentName: 'orders-table',
    tableName: 'orders',
    ttl: { enabled: true, attributeName: 'exp' },
    pointInTimeRecovery: true,
    deletionProtection: true,
    billingMode: 'PROVISIONED' as const,
    readCapacityUnits: 2,
    writeCapacityUnits: 1,
    globalSecondaryIndexes: [
      {
        indexName: 'by-owner',
        keySchema: [{ attributeName: 'owner', keyType: 'HASH' as const }],
      },
    ],
    tags: { team: 'orders', cost: 'a' },
  };

  it('names what the table has and the component does not declare', () => {
    expect(
      undeclaredSettings(
        table,
        { ...xpComponent, properties: { tags: { team: 'orders' } } },
        'crossplane',
      ),
    ).toEqual([
      'provisioned capacity 2/1',
      'global secondary indexes by-owner',
      'tag cost=a',
    ]);
  });

  it('is empty when the component declares every setting', () => {
    expect(
      undeclaredSettings(
        {
          ...table,
          billingMode: 'PAY_PER_REQUEST',
          globalSecondaryIndexes: [],
          tags: {},
        },
        xpComponent,
        'crossplane',
      ),
    ).toEqual([]);
    expect(
      undeclaredSettings(table, { ...xpComponent, traits: [] }, 'crossplane'),
    ).toContain('point-in-time recovery');
  });
});
