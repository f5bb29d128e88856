import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableAdoptionOptions,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { migrationOptions } from './migrationOptions';
import { specInputFromApplication } from './specInputFromApplication';

const pk = {
  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' as const }],
  keySchema: [{ attributeName: 'pk', keyType: 'HASH' as const }],
};

function application(
  engine: EngineId,
  extra: Partial<TableSpecInput> = {},
  adoption?: TableAdoptionOptions,
): KubeObject {
  const parsed = parseTableSpec({
    engine,
    applicationName: 'orders',
    componentName: 'orders-table',
    namespace: 'team-a',
    tableName: 'orders',
    ...(engine === 'kro-simple' ? {} : pk),
    ...extra,
  } as TableSpecInput);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return buildApplication(parsed.spec, { adoption }) as unknown as KubeObject;
}

function optionTo(app: KubeObject, to: EngineId) {
  const result = migrationOptions(app);
  const option = result.migrations.find(m => m.to === to);
  if (!option) throw new Error(`no option to ${to}: ${JSON.stringify(result)}`);
  return option;
}

describe('specInputFromApplication', () => {
  it.each<[string, EngineId, Partial<TableSpecInput>]>([
    [
      'crossplane with every trait',
      'crossplane',
      {
        billingMode: 'PROVISIONED',
        readCapacityUnits: 5,
        writeCapacityUnits: 5,
        ttl: { enabled: true, attributeName: 'expiresAt' },
        stream: { enabled: true, viewType: 'NEW_IMAGE' },
        encryption: { enabled: true, sseType: 'KMS' },
        pointInTimeRecovery: true,
        crossplane: { scope: 'namespaced', providerConfigName: 'aws' },
        tags: { team: 'a' },
      },
    ],
    [
      'kro inline',
      'kro',
      {
        featureMode: 'inline',
        ttl: { enabled: false, attributeName: 'expiresAt' },
        stream: { enabled: true, viewType: 'KEYS_ONLY' },
        deletionProtection: true,
      },
    ],
    ['kro traits', 'kro', { featureMode: 'traits', pointInTimeRecovery: true }],
    ['kro-simple', 'kro-simple', {}],
    [
      'kratix with request fields',
      'kratix',
      {
        ttl: { enabled: true, attributeName: 'expiresAt' },
        stream: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
        pointInTimeRecovery: true,
      },
    ],
  ])(
    'reads back the spec the builder made the component from (%s)',
    (_, engine, extra) => {
      const app = application(engine, extra);
      const read = specInputFromApplication(app)!;
      expect(read.engine).toBe(engine);
      expect(read.unknownProperties).toEqual([]);
      expect(read.unknownTraits).toEqual([]);
      const again = parseTableSpec(read.input);
      if (!again.success) throw new Error(JSON.stringify(again.issues));
      expect(buildApplication(again.spec)).toEqual(app);
    },
  );

  it('reads back the ACK adoption settings of a KRO component as the builder’s adoption options', () => {
    const adoption = { mode: 'manage' as const, retainTable: true };
    const app = application('kro-simplified', {}, adoption);
    const read = specInputFromApplication(app)!;
    expect(read.adoption).toEqual(adoption);
    expect(read.unknownProperties).toEqual([]);
    const again = parseTableSpec(read.input);
    if (!again.success) throw new Error(JSON.stringify(again.issues));
    expect(buildApplication(again.spec, { adoption: read.adoption })).toEqual(
      app,
    );
  });
});

describe('migrationOptions', () => {
  it('crossplane to kro-simplified is the component type (and the engine label) only for a table without features', () => {
    expect(optionTo(application('crossplane'), 'kro-simplified')).toEqual({
      to: 'kro-simplified',
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
        'label vela-tables.io/engine crossplane → kro-simplified',
      ],
    });
  });

  it('renames each -xp trait to its -kro trait', () => {
    const option = optionTo(
      application('crossplane', {
        ttl: { enabled: true, attributeName: 'expiresAt' },
        pointInTimeRecovery: true,
      }),
      'kro',
    );
    expect(option.sameSpec).toBe(true);
    expect(option.changes).toEqual([
      'component type aws-dynamodb-xp → aws-dynamodb-kro',
      'rename trait dynamodb-ttl-xp → dynamodb-ttl-kro',
      'rename trait dynamodb-protection-xp → dynamodb-protection-kro',
      'label vela-tables.io/engine crossplane → kro',
    ]);
  });

  it('moves inline kro features into traits when the target only takes traits', () => {
    const option = optionTo(
      application('kro', {
        featureMode: 'inline',
        ttl: { enabled: true, attributeName: 'expiresAt' },
      }),
      'crossplane',
    );
    expect(option.sameSpec).toBe(true);
    expect(option.changes).toEqual([
      'component type aws-dynamodb-kro → aws-dynamodb-xp',
      'remove property ttlEnabled',
      'remove property ttlAttributeName',
      'add trait dynamodb-ttl-xp: {"attributeName":"expiresAt","enabled":true}',
      'label vela-tables.io/engine kro → crossplane',
    ]);
  });

  it('blocks a move to an engine that lacks a feature the table uses, in the rules’ words', () => {
    const option = optionTo(
      application('kro-simplified', {
        globalSecondaryIndexes: [
          {
            indexName: 'by-pk',
            keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
          },
        ],
      }),
      'kratix',
    );
    expect(option.sameSpec).toBe(false);
    expect(option.changes).toEqual([
      'component type aws-dynamodb-kro-simplified → aws-dynamodb-kratix',
    ]);
    expect(option.blockedBy).toEqual([
      expect.stringContaining(
        "engine 'kratix' does not support global secondary indexes",
      ),
    ]);
  });

  it('blocks a move to kro-simple of a table whose key is not its fixed id key', () => {
    const option = optionTo(application('kratix'), 'kro-simple');
    expect(option.sameSpec).toBe(false);
    expect(option.blockedBy?.join(' ')).toContain(
      "it always creates the HASH key 'id' (S)",
    );
  });

  it('blocks moving an Observe-only Crossplane table, in the builder’s words: ACK always manages what it adopts', () => {
    const option = optionTo(
      application('crossplane', {
        crossplane: { managementPolicies: ['Observe'] },
      }),
      'kro-simplified',
    );
    expect(option.sameSpec).toBe(false);
    expect(option.blockedBy).toEqual([
      expect.stringContaining(
        "engine 'kro-simplified' cannot adopt a table read-only",
      ),
    ]);
  });

  it('carries a Crossplane table kept on delete (no Delete policy) over as ACK’s deletionPolicy retain', () => {
    const option = optionTo(
      application('crossplane', {}, { retainTable: true }),
      'kro-simplified',
    );
    expect(option).toEqual({
      to: 'kro-simplified',
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
        'remove property managementPolicies',
        'add property deletionPolicy: "retain"',
        'label vela-tables.io/engine crossplane → kro-simplified',
      ],
    });
  });

  it('keeps ACK adoption settings between KRO engines and blocks engines whose component cannot express them', () => {
    const app = application('kro', {}, { mode: 'manage', retainTable: true });
    expect(optionTo(app, 'kro-simplified').changes).toEqual([
      'component type aws-dynamodb-kro → aws-dynamodb-kro-simplified',
      'label vela-tables.io/engine kro → kro-simplified',
    ]);
    const kratix = optionTo(app, 'kratix');
    expect(kratix.sameSpec).toBe(false);
    expect(kratix.blockedBy).toEqual([
      expect.stringContaining(
        "engine 'kratix' cannot adopt an existing table or keep it on delete",
      ),
    ]);
  });

  it('blocks Crossplane management policies that no other engine can express', () => {
    const option = optionTo(
      application('crossplane', {
        crossplane: { managementPolicies: ['Observe', 'Create', 'Delete'] },
      }),
      'kro',
    );
    expect(option.blockedBy).toEqual([
      `managementPolicies ["Observe","Create","Delete"] (Crossplane only) have no counterpart on engine 'kro'`,
    ]);
  });

  it('names a Crossplane-only setting the move drops, and does not call the spec the same', () => {
    const option = optionTo(
      application('crossplane', { crossplane: { scope: 'namespaced' } }),
      'kro-simplified',
    );
    expect(option.sameSpec).toBe(false);
    expect(option.blockedBy).toBeUndefined();
    expect(option.changes).toContain('remove property crossplaneScope');
    expect(option.changes).toContain(
      "Crossplane scope 'namespaced' is dropped: engine 'kro-simplified' has no such setting",
    );
  });

  it('offers every other engine, never the current one', () => {
    expect(
      migrationOptions(application('kro')).migrations.map(m => m.to),
    ).toEqual(['crossplane', 'kro-simplified', 'kro-simple', 'kratix']);
  });

  it('says why no move is worked out for an Application whose table spec is not valid', () => {
    const app = application('crossplane');
    const component = (
      app.spec as { components: Array<{ properties: Record<string, unknown> }> }
    ).components[0];
    component.properties.keySchema = [];
    const result = migrationOptions(app);
    expect(result.migrations).toEqual([]);
    expect('unavailable' in result && result.unavailable).toContain(
      'is not valid',
    );
  });
});
