import {
  kubevelaPermissions,
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
  kubevelaTableReadPermission,
} from './permissions';

// The expected objects are what createPermission of @backstage/plugin-permission-common
// returns for the same input; the backend type-checks them against its types when it calls
// permissions.authorize.
describe('kubevela permissions', () => {
  it('makes read a resource permission on catalog entities', () => {
    expect(kubevelaTableReadPermission).toEqual({
      type: 'resource',
      name: 'kubevela.table.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
  });

  it('makes create and delete basic permissions with their actions', () => {
    expect(kubevelaTableCreatePermission).toEqual({
      type: 'basic',
      name: 'kubevela.table.create',
      attributes: { action: 'create' },
    });
    expect(kubevelaTableDeletePermission).toEqual({
      type: 'basic',
      name: 'kubevela.table.delete',
      attributes: { action: 'delete' },
    });
  });

  it('lists the three permissions once each', () => {
    expect(kubevelaPermissions.map(p => p.name)).toEqual([
      'kubevela.table.read',
      'kubevela.table.create',
      'kubevela.table.delete',
    ]);
  });
});
