import {
  ENGINE_IDS,
  ENGINES,
  TABLE_FEATURES,
  featureDelivery,
} from '../engines/catalogue';
import type {
  EngineId,
  KroFeatureMode,
  TableFeature,
  TraitFamily,
} from '../engines/types';
import {
  attributesWith,
  CREATED_INDEX,
  FEATURE_ATTRIBUTES,
  FEATURE_FIELD,
  FEATURE_INPUTS,
  featureInput,
  inputWith,
  OWNER_INDEX,
  TAGS,
} from '../spec/__fixtures__/inputs';
import { parseTableSpec, TableSpecError } from '../spec/parseTableSpec';
import type { TableSpec } from '../spec/types';
import { applicationToYaml } from './applicationToYaml';
import { buildApplication } from './buildApplication';

// Expectations are written out from the parameter contract (the `parameter` blocks of the
// definitions in manifests/definitions), not derived from the builder, so a drift between the
// two fails here.

const BASE_ATTRIBUTES = [
  { attributeName: 'pk', attributeType: 'S' },
  { attributeName: 'sk', attributeType: 'S' },
];
const BASE_KEYS = [
  { attributeName: 'pk', keyType: 'HASH' },
  { attributeName: 'sk', keyType: 'RANGE' },
];
/** Contract: trait parameters (identical for -xp and -kro). */
const TRAIT_PROPERTIES: Record<TraitFamily, unknown> = {
  ttl: { attributeName: 'expiresAt', enabled: true },
  streams: { enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
  encryption: { enabled: true, sseType: 'KMS', kmsKeyId: 'alias/orders' },
  protection: { deletionProtection: true, pointInTimeRecovery: false },
  'provisioned-capacity': { readCapacityUnits: 5, writeCapacityUnits: 3 },
  'global-index': { indexes: [OWNER_INDEX] },
  'local-index': { indexes: [CREATED_INDEX] },
};

/** Contract: aws-dynamodb-kro inline parameters. */
const KRO_INLINE_PROPERTIES: Record<TableFeature, Record<string, unknown>> = {
  ttl: { ttlEnabled: true, ttlAttributeName: 'expiresAt' },
  streams: { streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES' },
  encryption: {
    sseEnabled: true,
    sseType: 'KMS',
    kmsMasterKeyId: 'alias/orders',
  },
  protection: { deletionProtectionEnabled: true },
  'provisioned-capacity': {
    billingMode: 'PROVISIONED',
    readCapacityUnits: 5,
    writeCapacityUnits: 3,
  },
  'global-index': { globalSecondaryIndexes: [OWNER_INDEX] },
  'local-index': { localSecondaryIndexes: [CREATED_INDEX] },
  tags: { tags: TAGS },
};

/** Contract: aws-dynamodb-kratix request fields. */
const KRATIX_REQUEST_FIELDS: Partial<
  Record<TableFeature, Record<string, unknown>>
> = {
  ttl: { ttlAttributeName: 'expiresAt' },
  streams: { streamViewType: 'NEW_AND_OLD_IMAGES' },
  protection: { deletionProtectionEnabled: true },
  'provisioned-capacity': {
    billingMode: 'PROVISIONED',
    readCapacityUnits: 5,
    writeCapacityUnits: 3,
  },
  tags: { tags: TAGS },
};

/** Contract: component types. */
const COMPONENT_TYPES: Record<EngineId, string> = {
  crossplane: 'aws-dynamodb-xp',
  kro: 'aws-dynamodb-kro',
  'kro-simplified': 'aws-dynamodb-kro-simplified',
  'kro-simple': 'aws-dynamodb-simple-kro',
  kratix: 'aws-dynamodb-kratix',
};

/** Contract: trait suffix per engine (`dynamodb-<family>-<suffix>`). */
const TRAIT_SUFFIX: Partial<Record<EngineId, string>> = {
  crossplane: 'xp',
  kro: 'kro',
  'kro-simplified': 'kro',
};

function specFor(input: unknown): TableSpec {
  const result = parseTableSpec(input);
  if (!result.success) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.spec;
}

function sharedProperties(feature: TableFeature) {
  return {
    tableName: 'orders-table',
    region: 'us-west-2',
    attributeDefinitions: [
      ...BASE_ATTRIBUTES,
      ...(FEATURE_ATTRIBUTES[feature] ?? []),
    ],
    keySchema: BASE_KEYS,
  };
}

interface Combination {
  engine: EngineId;
  mode?: KroFeatureMode;
  feature: TableFeature;
  delivery: ReturnType<typeof featureDelivery>;
}

// Every engine x feature (x feature mode for kro), generated from the catalogue.
const COMBINATIONS: Combination[] = ENGINE_IDS.flatMap(engine => {
  const modes: Array<KroFeatureMode | undefined> =
    ENGINES[engine].featureModes.length > 0
      ? [...ENGINES[engine].featureModes]
      : [undefined];
  return modes.flatMap(mode =>
    TABLE_FEATURES.map(feature => ({
      engine,
      mode,
      feature,
      delivery: featureDelivery(ENGINES[engine], feature, mode),
    })),
  );
});

const label = (c: Combination) =>
  `${c.engine}${c.mode ? ` (${c.mode})` : ''} + ${c.feature}`;

describe('buildApplication', () => {
  it('covers every engine and feature of the catalogue', () => {
    expect(COMBINATIONS).toHaveLength(
      ENGINE_IDS.length * TABLE_FEATURES.length + TABLE_FEATURES.length,
    );
    expect(
      COMBINATIONS.filter(c => c.delivery === 'unsupported').length,
    ).toBeGreaterThan(0);
  });

  describe.each(
    COMBINATIONS.filter(c => c.delivery === 'trait').map(
      c => [label(c), c] as const,
    ),
  )('%s as a trait', (_, { engine, mode, feature }) => {
    it('emits the contract trait and leaves the component properties shared', () => {
      const family = feature as TraitFamily;
      const app = buildApplication(
        specFor(featureInput(engine, feature, mode)),
      );
      const [component] = app.spec.components;
      expect(component.type).toBe(COMPONENT_TYPES[engine]);
      expect(component.traits).toEqual([
        {
          type: `dynamodb-${family}-${TRAIT_SUFFIX[engine]}`,
          properties: TRAIT_PROPERTIES[family],
        },
      ]);
      expect(component.properties).toEqual(sharedProperties(feature));
    });
  });

  describe.each(
    COMBINATIONS.filter(
      c => c.delivery === 'inline' || c.delivery === 'request-field',
    ).map(c => [label(c), c] as const),
  )('%s as component properties', (_, { engine, mode, feature }) => {
    it('emits the contract properties and no traits', () => {
      const app = buildApplication(
        specFor(featureInput(engine, feature, mode)),
      );
      const [component] = app.spec.components;
      expect(component.type).toBe(COMPONENT_TYPES[engine]);
      expect(component.traits).toBeUndefined();
      const featureProperties =
        engine === 'kratix'
          ? KRATIX_REQUEST_FIELDS[feature]
          : KRO_INLINE_PROPERTIES[feature];
      expect(featureProperties).toBeDefined();
      expect(component.properties).toEqual({
        ...sharedProperties(feature),
        ...featureProperties,
      });
    });
  });

  describe.each(
    COMBINATIONS.filter(c => c.delivery === 'unsupported').map(
      c => [label(c), c] as const,
    ),
  )('%s', (_, { engine, feature }) => {
    const field = FEATURE_FIELD[feature];

    it(`is refused by parseTableSpec on '${field}', naming the engine`, () => {
      const result = parseTableSpec(featureInput(engine, feature));
      expect(result.success).toBe(false);
      expect(result.success ? [] : result.issues).toContainEqual({
        field,
        message: expect.stringContaining(`engine '${engine}' does not support`),
      });
    });

    it('is refused by buildApplication even for a hand-made spec', () => {
      const supported = specFor(featureInput('kro', feature));
      const handMade: TableSpec = {
        ...supported,
        engine,
        featureMode: undefined,
      };
      expect(() => buildApplication(handMade)).toThrow(TableSpecError);
      expect(() => buildApplication(handMade)).toThrow(
        new RegExp(`${field}: engine '${engine}' does not support`),
      );
    });
  });

  describe.each(
    ENGINE_IDS.flatMap(engine =>
      (ENGINES[engine].featureModes.length > 0
        ? ENGINES[engine].featureModes
        : [undefined]
      ).map(
        mode => [`${engine}${mode ? ` (${mode})` : ''}`, engine, mode] as const,
      ),
    ),
  )('%s with every supported feature at once', (_, engine, mode) => {
    it('emits the traits in the fixed family order', () => {
      const supported = TABLE_FEATURES.filter(
        feature => ENGINES[engine].features[feature] !== 'unsupported',
      );
      const input = ENGINES[engine].customKeys
        ? inputWith({
            engine,
            ...(mode ? { featureMode: mode } : {}),
            attributeDefinitions: attributesWith(
              ...supported.flatMap(
                feature => FEATURE_ATTRIBUTES[feature] ?? [],
              ),
            ),
            ...Object.assign(
              {},
              ...supported.map(feature => FEATURE_INPUTS[feature]),
            ),
            // On a PROVISIONED table every global index needs its own capacity.
            ...(supported.includes('global-index') &&
            supported.includes('provisioned-capacity')
              ? {
                  globalSecondaryIndexes: [
                    {
                      ...OWNER_INDEX,
                      readCapacityUnits: 1,
                      writeCapacityUnits: 1,
                    },
                  ],
                }
              : {}),
          })
        : { engine, applicationName: 'orders', componentName: 'orders-table' };
      const [component] = buildApplication(specFor(input)).spec.components;
      const expectedTraits = supported
        .filter(
          feature =>
            featureDelivery(ENGINES[engine], feature, mode) === 'trait',
        )
        .map(feature => `dynamodb-${feature}-${TRAIT_SUFFIX[engine]}`);
      expect((component.traits ?? []).map(trait => trait.type)).toEqual(
        expectedTraits,
      );
    });
  });

  it('emits only name and region for kro-simple', () => {
    const app = buildApplication(
      specFor({
        engine: 'kro-simple',
        applicationName: 'cache',
        componentName: 'cache-table',
      }),
    );
    expect(app.spec.components).toEqual([
      {
        name: 'cache-table',
        type: 'aws-dynamodb-simple-kro',
        properties: { tableName: 'cache-table', region: 'us-west-2' },
      },
    ]);
  });

  it('puts the linking labels and annotations on the Application', () => {
    const app = buildApplication(specFor(inputWith({ namespace: 'team-a' })), {
      entityName: 'orders-service',
      sourceTemplate: 'template:default/dynamodb-table',
    });
    expect(app.apiVersion).toBe('core.oam.dev/v1beta1');
    expect(app.kind).toBe('Application');
    expect(app.metadata).toEqual({
      name: 'orders',
      namespace: 'team-a',
      labels: {
        'app.kubernetes.io/managed-by': 'backstage-kubevela',
        'backstage.io/kubernetes-id': 'orders-service',
        'vela-tables.io/engine': 'crossplane',
      },
      annotations: {
        'backstage.io/kubernetes-id': 'orders-service',
        'backstage.io/source-template': 'template:default/dynamodb-table',
      },
    });
  });

  it('names the entity owner in an annotation the catalog ingestion reads', () => {
    const app = buildApplication(specFor(inputWith({})), {
      owner: 'group:default/team-a',
    });
    expect(app.metadata.annotations?.['vela-tables.io/owner']).toBe(
      'group:default/team-a',
    );
    expect(() =>
      buildApplication(specFor(inputWith({})), {
        owner: 'group:default/team-a\nkind: Secret',
      }),
    ).toThrow(/owner .* must be an entity reference/s);
  });

  it('links to the Application name when no entity name is given', () => {
    const app = buildApplication(specFor(inputWith({})));
    expect(app.metadata.annotations).toEqual({
      'backstage.io/kubernetes-id': 'orders',
    });
  });

  it('refuses an entity name that is not a label value', () => {
    expect(() =>
      buildApplication(specFor(inputWith({})), { entityName: 'a b' }),
    ).toThrow(/entityName 'a b' must be a valid Kubernetes label value/);
  });

  it("writes the platform's prefix into the table name", () => {
    const result = parseTableSpec(inputWith({ tableName: 'orders' }), {
      tableNamePrefix: 'tenant-atlantis-',
    });
    if (!result.success) throw new Error('invalid');
    const [component] = buildApplication(result.spec).spec.components;
    expect(component.properties).toMatchObject({
      tableName: 'tenant-atlantis-orders',
    });
  });

  it('migrates from crossplane to kro-simplified by changing the component type only', () => {
    const input = { ...featureInput('crossplane', 'ttl'), tags: TAGS };
    const crossplane = buildApplication(specFor(input)).spec.components[0];
    const kro = buildApplication(
      specFor({ ...input, engine: 'kro-simplified' }),
    ).spec.components[0];
    expect(kro.type).toBe('aws-dynamodb-kro-simplified');
    expect(kro.properties).toEqual(crossplane.properties);
    expect(kro.traits).toEqual([
      { ...crossplane.traits?.[0], type: 'dynamodb-ttl-kro' },
    ]);
  });

  it('emits crossplane extras only when they differ from the defaults', () => {
    const component = buildApplication(
      specFor(
        inputWith({
          crossplane: {
            scope: 'namespaced',
            providerConfigName: 'localstack',
            managementPolicies: ['Observe'],
          },
        }),
      ),
    ).spec.components[0];
    expect(component.properties).toEqual({
      ...sharedProperties('tags'),
      crossplaneScope: 'namespaced',
      providerConfigName: 'localstack',
      managementPolicies: ['Observe'],
    });
  });

  it('tells the protection trait explicitly that a flag is off', () => {
    const [component] = buildApplication(
      specFor(inputWith({ pointInTimeRecovery: true })),
    ).spec.components;
    expect(component.traits).toEqual([
      {
        type: 'dynamodb-protection-xp',
        properties: { deletionProtection: false, pointInTimeRecovery: true },
      },
    ]);
  });

  it('gives global indexes their capacity on a provisioned table', () => {
    const [component] = buildApplication(
      specFor(
        inputWith({
          engine: 'kro',
          featureMode: 'inline',
          billingMode: 'PROVISIONED',
          readCapacityUnits: 5,
          writeCapacityUnits: 3,
          attributeDefinitions: attributesWith({
            attributeName: 'owner',
            attributeType: 'S',
          }),
          globalSecondaryIndexes: [
            { ...OWNER_INDEX, readCapacityUnits: 2, writeCapacityUnits: 1 },
          ],
        }),
      ),
    ).spec.components;
    expect(component.properties).toMatchObject({
      globalSecondaryIndexes: [
        { ...OWNER_INDEX, readCapacityUnits: 2, writeCapacityUnits: 1 },
      ],
    });
  });

  const DISABLED_FEATURES = {
    ttl: { enabled: false, attributeName: 'expiresAt' },
    stream: { enabled: false },
    encryption: { enabled: false, kmsKeyId: 'alias/orders' },
  };

  it('sends features given as disabled as explicitly off traits', () => {
    const [component] = buildApplication(specFor(inputWith(DISABLED_FEATURES)))
      .spec.components;
    expect(component.traits).toEqual([
      {
        type: 'dynamodb-ttl-xp',
        properties: { attributeName: 'expiresAt', enabled: false },
      },
      { type: 'dynamodb-streams-xp', properties: { enabled: false } },
      {
        type: 'dynamodb-encryption-xp',
        properties: { enabled: false, sseType: 'KMS' },
      },
    ]);
  });

  it('sends features given as disabled as explicitly off kro properties', () => {
    const [component] = buildApplication(
      specFor(
        inputWith({
          ...DISABLED_FEATURES,
          engine: 'kro',
          featureMode: 'inline',
        }),
      ),
    ).spec.components;
    expect(component.properties).toEqual({
      ...sharedProperties('tags'),
      ttlEnabled: false,
      ttlAttributeName: 'expiresAt',
      streamEnabled: false,
      sseEnabled: false,
      sseType: 'KMS',
    });
  });

  it('leaves disabled features out of a kratix request, which has no off switch', () => {
    const [component] = buildApplication(
      specFor(inputWith({ ...DISABLED_FEATURES, engine: 'kratix' })),
    ).spec.components;
    expect(component.properties).toEqual(sharedProperties('tags'));
  });

  it('produces the same YAML whatever order the tags were given in', () => {
    const a = buildApplication(
      specFor(inputWith({ tags: { a: '1', b: '2' } })),
    );
    const b = buildApplication(
      specFor(inputWith({ tags: { b: '2', a: '1' } })),
    );
    expect(applicationToYaml(a)).toBe(applicationToYaml(b));
  });

  it('produces the same key order on every call', () => {
    const spec = specFor(featureInput('kro', 'encryption', 'inline'));
    expect(applicationToYaml(buildApplication(spec))).toBe(
      applicationToYaml(buildApplication(spec)),
    );
    expect(
      Object.keys(buildApplication(spec).spec.components[0].properties),
    ).toEqual([
      'tableName',
      'region',
      'attributeDefinitions',
      'keySchema',
      'sseEnabled',
      'sseType',
      'kmsMasterKeyId',
    ]);
  });

  it('does not share objects with the spec', () => {
    const spec = specFor(featureInput('crossplane', 'global-index'));
    const app = buildApplication(spec);
    const [component] = app.spec.components;
    (component.properties as { keySchema: unknown[] }).keySchema.push({});
    expect(spec.keySchema).toHaveLength(2);
  });
});
