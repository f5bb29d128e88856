import { BAD_INPUT_CORPUS } from './badInputCorpus';
import {
  attributesWith,
  gsi,
  inputWith,
  lsi,
  VALID_INPUT,
} from './__fixtures__/inputs';
import { effectiveTableName } from './effectiveTableName';
import {
  assertTableSpec,
  parseTableSpec,
  TableSpecError,
} from './parseTableSpec';
import type { ParseTableSpecOptions, TableSpec } from './types';

function parsed(input: unknown, options?: ParseTableSpecOptions): TableSpec {
  const result = parseTableSpec(input, options);
  if (!result.success) {
    throw new Error(
      `expected a valid spec, got ${JSON.stringify(result.issues, null, 2)}`,
    );
  }
  return result.spec;
}

describe('parseTableSpec', () => {
  it('has a corpus of at least 45 bad inputs with unique names', () => {
    expect(BAD_INPUT_CORPUS.length).toBeGreaterThanOrEqual(45);
    const names = BAD_INPUT_CORPUS.map(c => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(BAD_INPUT_CORPUS)(
    '$name',
    ({ input, options, field, messageIncludes }) => {
      it(`reports '${field}'`, () => {
        const result = parseTableSpec(input, options);
        expect(result.success).toBe(false);
        const issues = result.success ? [] : result.issues;
        expect(issues).toContainEqual({
          field,
          message: expect.stringContaining(messageIncludes),
        });
      });
    },
  );

  describe('accepts valid requests', () => {
    it('fills the defaults of a minimal crossplane request', () => {
      const spec = parsed({
        engine: 'crossplane',
        applicationName: 'orders',
        componentName: 'orders-table',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      });
      expect(spec).toEqual({
        engine: 'crossplane',
        applicationName: 'orders',
        componentName: 'orders-table',
        namespace: 'default',
        tableName: 'orders-table',
        tableNamePrefix: '',
        region: 'us-west-2',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
        deletionProtection: false,
        pointInTimeRecovery: false,
        globalSecondaryIndexes: [],
        localSecondaryIndexes: [],
        tags: {},
        crossplane: { scope: 'cluster', providerConfigName: 'default' },
      });
    });

    it("puts the platform's prefix in front of the table name", () => {
      const spec = parsed(inputWith({ tableName: 'orders' }), {
        tableNamePrefix: 'tenant-atlantis-',
      });
      expect(spec.tableName).toBe('orders');
      expect(effectiveTableName(spec)).toBe('tenant-atlantis-orders');
    });

    it('accepts a prefixed table name of exactly 255 characters', () => {
      const prefix = 'tenant-atlantis-';
      const spec = parsed(
        inputWith({ tableName: 'a'.repeat(255 - prefix.length) }),
        {
          tableNamePrefix: prefix,
        },
      );
      expect(effectiveTableName(spec)).toHaveLength(255);
    });

    it('accepts a three-character table name', () => {
      expect(parsed(inputWith({ tableName: 'a.b' })).tableName).toBe('a.b');
    });

    it('accepts a namespace on the allow-list', () => {
      const spec = parsed(inputWith({ namespace: 'team-a' }), {
        allowedNamespaces: ['team-a'],
      });
      expect(spec.namespace).toBe('team-a');
    });

    it.each([
      'us-east-1',
      'eu-central-1',
      'ap-southeast-2',
      'us-gov-west-1',
      'cn-northwest-1',
      'eusc-de-east-1',
    ])('accepts the region %s', region => {
      expect(parsed(inputWith({ region })).region).toBe(region);
    });

    it('records the fixed id key for kro-simple', () => {
      const spec = parsed({
        engine: 'kro-simple',
        applicationName: 'cache',
        componentName: 'cache-table',
      });
      expect(spec.attributeDefinitions).toEqual([
        { attributeName: 'id', attributeType: 'S' },
      ]);
      expect(spec.keySchema).toEqual([
        { attributeName: 'id', keyType: 'HASH' },
      ]);
      expect(spec.featureMode).toBeUndefined();
      expect(spec.crossplane).toBeUndefined();
    });

    it('accepts kro-simple keys that spell out the fixed key', () => {
      const spec = parsed({
        engine: 'kro-simple',
        applicationName: 'cache',
        componentName: 'cache-table',
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        billingMode: 'PAY_PER_REQUEST',
      });
      expect(spec.keySchema).toEqual([
        { attributeName: 'id', keyType: 'HASH' },
      ]);
    });

    it("defaults kro's feature mode to traits", () => {
      expect(parsed(inputWith({ engine: 'kro' })).featureMode).toBe('traits');
    });

    it('accepts a disabled feature the engine does not offer', () => {
      const spec = parsed(
        inputWith({
          engine: 'kratix',
          encryption: { enabled: false, sseType: 'KMS' },
        }),
      );
      expect(spec.encryption).toEqual({ enabled: false, sseType: 'KMS' });
    });

    it('defaults an enabled encryption to KMS', () => {
      expect(parsed(inputWith({ encryption: {} })).encryption).toEqual({
        enabled: true,
        sseType: 'KMS',
      });
    });

    it('accepts attribute names with YAML-significant characters', () => {
      const spec = parsed(
        inputWith({
          attributeDefinitions: [
            { attributeName: '#pk: key', attributeType: 'S' },
            { attributeName: 'sk', attributeType: 'S' },
          ],
          keySchema: [
            { attributeName: '#pk: key', keyType: 'HASH' },
            { attributeName: 'sk', keyType: 'RANGE' },
          ],
        }),
      );
      expect(spec.keySchema[0].attributeName).toBe('#pk: key');
    });

    it('accepts tags with the characters AWS allows, an empty value and 50 tags', () => {
      const tags: Record<string, string> = {
        'cost-center': 'cc:42/eu=1+x@y',
        Équipe: 'Paiements 支付',
        empty: '',
      };
      for (let i = 0; Object.keys(tags).length < 50; i++) {
        tags[`extra${i}`] = 'x';
      }
      expect(parsed(inputWith({ tags })).tags).toEqual(tags);
    });

    it('accepts exactly 100 projected non-key attributes, 20 global and 5 local indexes', () => {
      const spec = parsed(
        inputWith({
          attributeDefinitions: attributesWith(
            { attributeName: 'owner', attributeType: 'S' },
            { attributeName: 'createdAt', attributeType: 'N' },
          ),
          globalSecondaryIndexes: Array.from({ length: 20 }, (_, i) =>
            gsi(`by-owner-${i}`, {
              projectionType: 'INCLUDE',
              nonKeyAttributes: [`a${i}`, `b${i}`, `c${i}`, `d${i}`],
            }),
          ),
          localSecondaryIndexes: Array.from({ length: 5 }, (_, i) =>
            lsi(`by-created-${i}`, {
              projectionType: 'INCLUDE',
              nonKeyAttributes: Array.from(
                { length: 4 },
                (__, j) => `l${i}-${j}`,
              ),
            }),
          ),
        }),
      );
      expect(spec.globalSecondaryIndexes).toHaveLength(20);
      expect(spec.localSecondaryIndexes).toHaveLength(5);
    });

    it('defaults an index projection to ALL', () => {
      const spec = parsed(
        inputWith({
          attributeDefinitions: attributesWith({
            attributeName: 'owner',
            attributeType: 'S',
          }),
          globalSecondaryIndexes: [gsi('by-owner')],
        }),
      );
      expect(spec.globalSecondaryIndexes[0].projectionType).toBe('ALL');
    });

    it('accepts a provisioned table whose global indexes have capacity', () => {
      const spec = parsed(
        inputWith({
          billingMode: 'PROVISIONED',
          readCapacityUnits: 5,
          writeCapacityUnits: 2,
          attributeDefinitions: attributesWith({
            attributeName: 'owner',
            attributeType: 'S',
          }),
          globalSecondaryIndexes: [
            gsi('by-owner', { readCapacityUnits: 1, writeCapacityUnits: 1 }),
          ],
        }),
      );
      expect(spec.readCapacityUnits).toBe(5);
      expect(spec.globalSecondaryIndexes[0].writeCapacityUnits).toBe(1);
    });

    it('accepts Observe-only management policies for adoption', () => {
      const spec = parsed(
        inputWith({
          crossplane: { scope: 'namespaced', managementPolicies: ['Observe'] },
        }),
      );
      expect(spec.crossplane).toEqual({
        scope: 'namespaced',
        providerConfigName: 'default',
        managementPolicies: ['Observe'],
      });
    });
  });

  it('reports every issue of a request at once', () => {
    const result = parseTableSpec(
      inputWith({ region: 'mars', tableName: 'ab' }),
    );
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues.map(i => i.field)).toEqual(
      expect.arrayContaining(['region', 'tableName']),
    );
  });

  it('throws a TableSpecError listing the issues from assertTableSpec', () => {
    expect(() =>
      assertTableSpec(inputWith({ engine: 'kratix', encryption: {} })),
    ).toThrow(TableSpecError);
    expect(() =>
      assertTableSpec(inputWith({ engine: 'kratix', encryption: {} })),
    ).toThrow(
      /encryption: engine 'kratix' does not support server-side encryption/,
    );
  });

  it('does not change its input', () => {
    const input = JSON.parse(JSON.stringify(VALID_INPUT));
    parseTableSpec(input, { tableNamePrefix: 'tenant-atlantis-' });
    expect(input).toEqual(VALID_INPUT);
  });
});
