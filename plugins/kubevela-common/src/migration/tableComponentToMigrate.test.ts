import { MigrationRefusedError } from './MigrationRefusedError';
import { tableComponentToMigrate } from './tableComponentToMigrate';

const table = (name: string) => ({ name, type: 'aws-dynamodb-xp' });
const api = { name: 'api', type: 'webservice' };

function application(components: unknown[]) {
  return {
    metadata: { name: 'orders', namespace: 'team-a' },
    spec: { components },
  };
}

describe('tableComponentToMigrate', () => {
  it('takes the only table component when none is named', () => {
    expect(
      tableComponentToMigrate(application([api, table('orders-table')])),
    ).toEqual(table('orders-table'));
  });

  it('takes the named component', () => {
    expect(
      tableComponentToMigrate(application([table('a'), table('b')]), 'b'),
    ).toEqual(table('b'));
  });

  it('refuses to guess between two table components, and a name it does not have', () => {
    expect(() =>
      tableComponentToMigrate(application([table('a'), table('b')])),
    ).toThrow(
      new MigrationRefusedError(
        'component: Application team-a/orders has 2 table components; name the one to migrate',
      ),
    );
    expect(() => tableComponentToMigrate(application([api]), 'c')).toThrow(
      "component: Application team-a/orders has no component 'c'",
    );
    expect(() =>
      tableComponentToMigrate({ metadata: { name: 'x', namespace: 'y' } }),
    ).toThrow('has 0 table components');
  });
});
