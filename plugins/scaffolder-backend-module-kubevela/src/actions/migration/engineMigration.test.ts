import { planMigration, retainingComponent } from './engineMigration';
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

describe('planMigration', () => {
  it('moves crossplane to kro-simplified: type, trait names, xp-only properties, ACK adoption', () => {
    const plan = planMigration(xpComponent, 'kro-simplified');
    expect(plan.component).toEqual({
      name: 'orders-table',
      type: 'aws-dynamodb-kro-simplified',
      properties: {
        tableName: 'orders',
        region: 'us-west-2',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        adoptionPolicy: 'adopt-or-create',
      },
      traits: [
        {
          type: 'dynamodb-ttl-kro',
          properties: { attributeName: 'exp', enabled: true },
        },
        {
          type: 'dynamodb-protection-kro',
          properties: { deletionProtection: false, pointInTimeRecovery: true },
        },
      ],
    });
    expect(plan.changes).toEqual([
      'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
      'trait dynamodb-ttl-xp → dynamodb-ttl-kro (same parameters)',
      'trait dynamodb-protection-xp → dynamodb-protection-kro (same parameters)',
      'property crossplaneScope removed (crossplane only): "namespaced"',
      'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
    ]);
  });

  it('moves kro-simplified back to crossplane, dropping the ACK-only properties', () => {
    const kro = planMigration(xpComponent, 'kro-simplified').component;
    const back = planMigration(
      { ...kro, properties: { ...kro.properties, deletionPolicy: 'retain' } },
      'crossplane',
    );
    expect(back.component.type).toBe('aws-dynamodb-xp');
    expect(back.component.properties).not.toHaveProperty('adoptionPolicy');
    expect(back.component.properties).not.toHaveProperty('deletionPolicy');
    expect(back.component.traits?.map(t => t.type)).toEqual([
      'dynamodb-ttl-xp',
      'dynamodb-protection-xp',
    ]);
  });

  it('refuses engines whose interfaces differ, a trait without counterpart, and no-ops', () => {
    expect(() =>
      planMigration(
        { ...xpComponent, type: 'aws-dynamodb-kratix', traits: [] },
        'crossplane',
      ),
    ).toThrow("no like-for-like migration from 'kratix' to 'crossplane'");
    expect(() =>
      planMigration(
        { ...xpComponent, traits: [{ type: 'scaler' }] },
        'kro-simplified',
      ),
    ).toThrow(
      "trait 'scaler' of component 'orders-table' has no counterpart on engine 'kro-simplified'",
    );
    expect(() => planMigration(xpComponent, 'crossplane')).toThrow(
      "already uses engine 'crossplane'",
    );
    expect(() =>
      planMigration({ ...xpComponent, type: 'webservice' }, 'crossplane'),
    ).toThrow("type 'webservice', which is not a table component");
  });
  it('refuses a table Crossplane only observes, which the new engine would fully manage', () => {
    const observed = {
      ...xpComponent,
      properties: {
        ...xpComponent.properties,
        managementPolicies: ['Observe'],
      },
    };
    expect(() => planMigration(observed, 'kro-simplified')).toThrow(
      /only observe its table \(managementPolicies \["Observe"\]\)/,
    );
  });

  it('goes on with policies that only lack Delete (a rerun after its own first step)', () => {
    const kept = retainingComponent(xpComponent, 'crossplane');
    const plan = planMigration(kept, 'kro-simplified');
    expect(plan.component.properties?.managementPolicies).toBeUndefined();
    expect(plan.changes.join('\n')).toContain(
      'property managementPolicies removed',
    );
  });
});

describe('retainingComponent', () => {
  it('drops Delete from Crossplane policies, spelling out "*"', () => {
    expect(
      retainingComponent(xpComponent, 'crossplane').properties
        ?.managementPolicies,
    ).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(
      retainingComponent(
        {
          ...xpComponent,
          properties: { managementPolicies: ['Observe'] },
        },
        'crossplane',
      ).properties?.managementPolicies,
    ).toEqual(['Observe']);
  });

  it('sets ACK deletion-policy retain on kro-simplified', () => {
    expect(
      retainingComponent(
        planMigration(xpComponent, 'kro-simplified').component,
        'kro-simplified',
      ).properties?.deletionPolicy,
    ).toBe('retain');
  });
});

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
