import { assertTableSpec } from '../spec/parseTableSpec';
import type { TableSpecInput } from '../spec/inputSchema';
import { buildApplication } from './buildApplication';
import { BuildOptionsError } from './BuildOptionsError';
import type { TableAdoptionOptions } from './tableAdoption';

function spec(engine: TableSpecInput['engine'], extra: object = {}) {
  return assertTableSpec({
    engine,
    applicationName: 'legacy',
    componentName: 'legacy-table',
    tableName: 'legacy-orders',
    ...(engine === 'kro-simple'
      ? {}
      : {
          attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
          keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        }),
    ...extra,
  });
}

function properties(
  engine: TableSpecInput['engine'],
  adoption: TableAdoptionOptions,
  extra: object = {},
) {
  return buildApplication(spec(engine, extra), { adoption }).spec.components[0]
    .properties as unknown as Record<string, unknown>;
}

describe('buildApplication with adoption', () => {
  it('leaves the component alone without adoption options', () => {
    const plain = buildApplication(spec('kro-simplified'));
    expect(buildApplication(spec('kro-simplified'), { adoption: {} })).toEqual(
      plain,
    );
    expect(plain.spec.components[0].properties).not.toHaveProperty(
      'adoptionPolicy',
    );
  });

  it('adopts read-only on crossplane with managementPolicies ["Observe"]', () => {
    expect(properties('crossplane', { mode: 'observe' })).toMatchObject({
      tableName: 'legacy-orders',
      managementPolicies: ['Observe'],
    });
  });

  it('adopts for management on crossplane by external name alone (default policies)', () => {
    expect(
      properties('crossplane', { mode: 'manage' }).managementPolicies,
    ).toBeUndefined();
  });

  it('keeps the table on crossplane by dropping Delete from the policies', () => {
    expect(
      properties('crossplane', { mode: 'manage', retainTable: true })
        .managementPolicies,
    ).toEqual(['Observe', 'Create', 'Update', 'LateInitialize']);
    expect(
      properties(
        'crossplane',
        { retainTable: true },
        {
          crossplane: { managementPolicies: ['Observe', 'Create', 'Delete'] },
        },
      ).managementPolicies,
    ).toEqual(['Observe', 'Create']);
  });

  it('refuses observe when the spec asks for other Crossplane policies', () => {
    expect(() =>
      properties(
        'crossplane',
        { mode: 'observe' },
        { crossplane: { managementPolicies: ['*'] } },
      ),
    ).toThrow(/contradicts crossplane.managementPolicies \[\*\]/);
  });

  it.each(['kro', 'kro-simplified'] as const)(
    'puts ACK adopt-or-create and retain on %s',
    engine => {
      expect(
        properties(engine, { mode: 'manage', retainTable: true }),
      ).toMatchObject({
        tableName: 'legacy-orders',
        adoptionPolicy: 'adopt-or-create',
        deletionPolicy: 'retain',
      });
      expect(properties(engine, { retainTable: true })).not.toHaveProperty(
        'adoptionPolicy',
      );
    },
  );

  it('refuses a read-only adoption on ACK', () => {
    expect(() => properties('kro-simplified', { mode: 'observe' })).toThrow(
      /cannot adopt a table read-only/,
    );
  });

  it.each(['kro-simple', 'kratix'] as const)(
    'refuses adoption on %s, naming the engine',
    engine => {
      let error: unknown;
      try {
        properties(engine, { mode: 'manage' });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BuildOptionsError);
      expect((error as BuildOptionsError).option).toBe('adoption');
      expect((error as Error).message).toContain(`engine '${engine}'`);
    },
  );
});
