import { MigrationRefusedError } from './MigrationRefusedError';
import { migrationPlanOrRefusal, planMigration } from './planMigration';
import { retainingComponent } from './retainingComponent';

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

const observed = {
  ...xpComponent,
  properties: { ...xpComponent.properties, managementPolicies: ['Observe'] },
};

describe('planMigration', () => {
  it('moves crossplane to kro-simplified: type, trait names, xp-only properties, ACK adoption', () => {
    const plan = planMigration(xpComponent, 'kro-simplified');
    expect(plan.from).toBe('crossplane');
    expect(plan.to).toBe('kro-simplified');
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

  it('leaves the component it was given as it was', () => {
    const before = JSON.stringify(xpComponent);
    planMigration(xpComponent, 'kro-simplified');
    expect(JSON.stringify(xpComponent)).toBe(before);
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
    expect(back.changes).toContain(
      'nothing added for adoption: Crossplane takes the existing table over by its external name (the table name)',
    );
  });

  it('refuses engines whose interfaces differ, a trait without counterpart, and no-ops, with its own error type', () => {
    expect(() =>
      planMigration(
        { ...xpComponent, type: 'aws-dynamodb-kratix', traits: [] },
        'crossplane',
      ),
    ).toThrow(
      "no like-for-like migration from 'kratix' to 'crossplane': their components take different parameters; supported: crossplane → kro-simplified, kro-simplified → crossplane",
    );
    expect(() => planMigration(xpComponent, 'kro')).toThrow(
      MigrationRefusedError,
    );
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
    expect(() => planMigration(observed, 'kro-simplified')).toThrow(
      /only observe its table \(managementPolicies \["Observe"\]\)/,
    );
    expect(() =>
      planMigration(
        {
          ...xpComponent,
          properties: { managementPolicies: ['Observe', 'Create', 'Delete'] },
        },
        'kro-simplified',
      ),
    ).toThrow(MigrationRefusedError);
  });

  it('goes on with policies that only lack Delete (a rerun after its own first step)', () => {
    const kept = retainingComponent(xpComponent, 'crossplane');
    const plan = planMigration(kept, 'kro-simplified');
    expect(plan.component.properties?.managementPolicies).toBeUndefined();
    expect(plan.changes).toContain(
      'property managementPolicies removed (crossplane only): ["Observe","Create","Update","LateInitialize"]',
    );
  });
});

describe('migrationPlanOrRefusal', () => {
  it('gives the plan when there is one', () => {
    expect(migrationPlanOrRefusal(xpComponent, 'kro-simplified')).toEqual({
      plan: planMigration(xpComponent, 'kro-simplified'),
    });
  });

  it('gives the very message planMigration throws when it refuses', () => {
    let thrown = '';
    try {
      planMigration(observed, 'kro-simplified');
    } catch (e) {
      thrown = (e as Error).message;
    }
    expect(thrown).not.toBe('');
    expect(migrationPlanOrRefusal(observed, 'kro-simplified')).toEqual({
      refused: thrown,
    });
  });
});
