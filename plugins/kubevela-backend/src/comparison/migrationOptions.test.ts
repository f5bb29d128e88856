import {
  buildApplication,
  parseTableSpec,
  planMigration,
  tableComponentToMigrate,
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
  it('crossplane to kro-simplified is automated, listing what the migrate action writes and the engine label', () => {
    expect(optionTo(application('crossplane'), 'kro-simplified')).toEqual({
      to: 'kro-simplified',
      automated: true,
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
        'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
        'label vela-tables.io/engine crossplane → kro-simplified',
      ],
    });
  });

  it('lists for an automated move exactly the changes of the action’s plan, then the engine label', () => {
    const app = application('crossplane', {
      ttl: { enabled: true, attributeName: 'expiresAt' },
      pointInTimeRecovery: true,
      crossplane: { scope: 'namespaced' },
    });
    const plan = planMigration(tableComponentToMigrate(app), 'kro-simplified');
    const option = optionTo(app, 'kro-simplified');
    expect(option.automated).toBe(true);
    expect(option.changes).toEqual([
      ...plan.changes,
      'label vela-tables.io/engine crossplane → kro-simplified',
    ]);
    expect(plan.changes).toContain(
      'trait dynamodb-ttl-xp → dynamodb-ttl-kro (same parameters)',
    );
  });

  it('moves kro-simplified back to crossplane automatically, dropping the ACK settings as the action does', () => {
    const option = optionTo(
      application('kro-simplified', {}, { mode: 'manage', retainTable: true }),
      'crossplane',
    );
    expect(option).toEqual({
      to: 'crossplane',
      automated: true,
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-kro-simplified → aws-dynamodb-xp',
        'property adoptionPolicy removed (kro-simplified only): "adopt-or-create"',
        'property deletionPolicy removed (kro-simplified only): "retain"',
        'nothing added for adoption: Crossplane takes the existing table over by its external name (the table name)',
        'label vela-tables.io/engine kro-simplified → crossplane',
      ],
    });
  });

  it('says why the migrate action does not make a move the builder can still work out, in the action’s words', () => {
    const app = application('crossplane', {
      ttl: { enabled: true, attributeName: 'expiresAt' },
      pointInTimeRecovery: true,
    });
    const option = optionTo(app, 'kro');
    expect(option.automated).toBe(false);
    expect(() => planMigration(tableComponentToMigrate(app), 'kro')).toThrow(
      option.notAutomatedBecause,
    );
    expect(option.notAutomatedBecause).toBe(
      "no like-for-like migration from 'crossplane' to 'kro': their components take different parameters; supported: crossplane → kro-simplified, kro-simplified → crossplane",
    );
    expect(option.blockedBy).toBeUndefined();
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
    expect(option.automated).toBe(false);
    expect(option.notAutomatedBecause).toContain(
      "no like-for-like migration from 'kro-simplified' to 'kratix'",
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

  it('offers no automated move of an Observe-only Crossplane table to kro-simplified, giving the reason the migrate action throws', () => {
    const app = application('crossplane', {
      crossplane: { managementPolicies: ['Observe'] },
    });
    let thrown: Error | undefined;
    try {
      planMigration(tableComponentToMigrate(app), 'kro-simplified');
    } catch (e) {
      thrown = e as Error;
    }
    expect(thrown?.message).toContain(
      'lets Crossplane only observe its table (managementPolicies ["Observe"])',
    );
    const option = optionTo(app, 'kro-simplified');
    expect(option.automated).toBe(false);
    expect(option.notAutomatedBecause).toBe(thrown!.message);
    // The builder agrees, in its own words: ACK always manages what it adopts.
    expect(option.sameSpec).toBe(false);
    expect(option.blockedBy).toEqual([
      expect.stringContaining(
        "engine 'kro-simplified' cannot adopt a table read-only",
      ),
    ]);
    expect(migrationOptions(app).migrations.filter(m => m.automated)).toEqual(
      [],
    );
  });

  it('lists, for a Crossplane table kept on delete (no Delete policy), what the action writes: the policies go, adopt-or-create comes', () => {
    const option = optionTo(
      application('crossplane', {}, { retainTable: true }),
      'kro-simplified',
    );
    expect(option).toEqual({
      to: 'kro-simplified',
      automated: true,
      sameSpec: true,
      changes: [
        'component type aws-dynamodb-xp → aws-dynamodb-kro-simplified',
        'property managementPolicies removed (crossplane only): ["Observe","Create","Update","LateInitialize"]',
        'property adoptionPolicy: adopt-or-create added (ACK takes the existing table over)',
        'label vela-tables.io/engine crossplane → kro-simplified',
      ],
    });
  });

  it('keeps ACK adoption settings between KRO engines and blocks engines whose component cannot express them', () => {
    const app = application('kro', {}, { mode: 'manage', retainTable: true });
    const simplified = optionTo(app, 'kro-simplified');
    expect(simplified.automated).toBe(false);
    expect(simplified.changes).toEqual([
      'component type aws-dynamodb-kro → aws-dynamodb-kro-simplified',
      'label vela-tables.io/engine kro → kro-simplified',
    ]);
    const kratix = optionTo(app, 'kratix');
    expect(kratix.automated).toBe(false);
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
    expect(option.automated).toBe(true);
    expect(option.sameSpec).toBe(false);
    expect(option.blockedBy).toBeUndefined();
    expect(option.changes).toContain(
      'property crossplaneScope removed (crossplane only): "namespaced"',
    );
  });

  it('offers no automated move of an Application with two table components, which the template does not name', () => {
    const app = application('crossplane');
    const spec = app.spec as { components: Array<Record<string, unknown>> };
    spec.components.push({ ...spec.components[0], name: 'audit-table' });
    const result = migrationOptions(app);
    expect(result.migrations.length).toBeGreaterThan(0);
    for (const option of result.migrations) {
      expect(option.automated).toBe(false);
      expect(option.notAutomatedBecause).toBe(
        'component: Application team-a/orders has 2 table components; name the one to migrate',
      );
    }
  });

  it('offers no automated move to types the platform does not offer, in the words the action refuses with', () => {
    const app = application('crossplane', {
      ttl: { enabled: true, attributeName: 'expiresAt' },
    });
    const offer = {
      componentTypes: ['aws-dynamodb-xp', 'aws-dynamodb-kro-simplified'],
      traitTypes: ['dynamodb-ttl-xp'],
    };
    const option = migrationOptions(app, offer).migrations.find(
      m => m.to === 'kro-simplified',
    )!;
    expect(option.automated).toBe(false);
    expect(option.notAutomatedBecause).toBe(
      "The Application uses types the platform does not offer:\n- spec.components[0].traits[0].type: trait type 'dynamodb-ttl-kro' is not offered by the platform; offered: dynamodb-ttl-xp",
    );
    const offered = migrationOptions(app, {
      ...offer,
      traitTypes: [...offer.traitTypes, 'dynamodb-ttl-kro'],
    }).migrations.find(m => m.to === 'kro-simplified')!;
    expect(offered.automated).toBe(true);
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
