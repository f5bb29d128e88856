import { MigrationRefusedError } from './MigrationRefusedError';
import { retainingComponent } from './retainingComponent';

const component = {
  name: 'orders-table',
  type: 'aws-dynamodb-xp',
  properties: { tableName: 'orders' },
};

describe('retainingComponent', () => {
  it('drops Delete from Crossplane policies, spelling out "*"', () => {
    expect(
      retainingComponent(component, 'crossplane').properties
        ?.managementPolicies,
    ).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(
      retainingComponent(
        {
          ...component,
          properties: { managementPolicies: ['Observe', 'Create', 'Delete'] },
        },
        'crossplane',
      ).properties?.managementPolicies,
    ).toEqual(['Observe', 'Create']);
    expect(
      retainingComponent(
        { ...component, properties: { managementPolicies: ['Observe'] } },
        'crossplane',
      ).properties?.managementPolicies,
    ).toEqual(['Observe']);
  });

  it('sets ACK deletion-policy retain on the KRO engines, keeping the rest', () => {
    const kro = {
      ...component,
      type: 'aws-dynamodb-kro-simplified',
      properties: { tableName: 'orders', adoptionPolicy: 'adopt-or-create' },
    };
    expect(retainingComponent(kro, 'kro-simplified').properties).toEqual({
      tableName: 'orders',
      adoptionPolicy: 'adopt-or-create',
      deletionPolicy: 'retain',
    });
  });

  it('refuses an engine that cannot keep a table on delete', () => {
    expect(() => retainingComponent(component, 'kratix')).toThrow(
      new MigrationRefusedError(
        "engine 'kratix' cannot keep a table on delete",
      ),
    );
  });
});
