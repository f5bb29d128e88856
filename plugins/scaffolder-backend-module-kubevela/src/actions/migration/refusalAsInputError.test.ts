import { InputError } from '@backstage/errors';
import { planMigration } from '@vela-tables/plugin-kubevela-common';
import { refusalAsInputError } from './refusalAsInputError';

const observed = {
  name: 'orders-table',
  type: 'aws-dynamodb-xp',
  properties: { tableName: 'orders', managementPolicies: ['Observe'] },
};

describe('refusalAsInputError', () => {
  it('reports a refusal of the migration plan as an InputError with its message', () => {
    let refusal: unknown;
    try {
      planMigration(observed, 'kro-simplified');
    } catch (e) {
      refusal = e;
    }
    const step = () =>
      refusalAsInputError(() => planMigration(observed, 'kro-simplified'));
    expect(step).toThrow(InputError);
    expect(step).toThrow((refusal as Error).message);
  });

  it('returns what the step returns and lets other errors through unchanged', () => {
    expect(refusalAsInputError(() => 42)).toBe(42);
    const other = new TypeError('bug');
    expect(() =>
      refusalAsInputError(() => {
        throw other;
      }),
    ).toThrow(other);
  });
});
