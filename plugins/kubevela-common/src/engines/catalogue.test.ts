import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildApplication } from '../application/buildApplication';
import { inputWith } from '../spec/__fixtures__/inputs';
import { parseTableSpec } from '../spec/parseTableSpec';
import { observedDelivery } from './__testUtils__/observedDelivery';
import {
  ENGINE_IDS,
  ENGINES,
  featureDelivery,
  getEngine,
  TABLE_FEATURES,
} from './catalogue';
import type {
  EngineId,
  KroFeatureMode,
  TableFeature,
  TraitFamily,
} from './types';

// The catalogue is what the comparison, the engine picker and `kubevela:engine:describe` tell
// users. These tests hold it to what the parser and the builder do with a request, and to the
// definitions a platform team applies from manifests/.

const MANIFESTS = resolve(__dirname, '../../../../manifests');

function manifestsIn(folder: string): Array<Record<string, any>> {
  const dir = join(MANIFESTS, folder);
  return readdirSync(dir)
    .filter(file => file.endsWith('.yaml'))
    .map(file => parse(readFileSync(join(dir, file), 'utf8')));
}

const modesOf = (engine: EngineId): Array<KroFeatureMode | undefined> =>
  ENGINES[engine].featureModes.length > 0
    ? [...ENGINES[engine].featureModes]
    : [undefined];

const REQUESTS = ENGINE_IDS.flatMap(engine =>
  modesOf(engine).flatMap(mode =>
    TABLE_FEATURES.map(
      feature =>
        [
          `${engine}${mode ? ` (${mode})` : ''}: ${feature}`,
          engine,
          mode,
          feature,
        ] as [string, EngineId, KroFeatureMode | undefined, TableFeature],
    ),
  ),
);

describe('engine catalogue', () => {
  describe('says how each feature reaches the Application, and the builder agrees', () => {
    it.each(REQUESTS)('%s', (_, engine, mode, feature) => {
      const definition = ENGINES[engine];
      const claimed = featureDelivery(definition, feature, mode);
      const observed = observedDelivery(engine, feature, {
        mode,
        customKeys: definition.customKeys,
      });
      const expected = {
        trait: {
          kind: 'trait',
          traitTypes: [definition.traits?.[feature as TraitFamily]],
        },
        inline: { kind: 'property' },
        'request-field': { kind: 'property' },
        unsupported: {
          kind: 'refused',
          message: expect.stringContaining(
            `engine '${engine}' does not support`,
          ),
        },
      }[claimed];
      expect(observed).toMatchObject(expected);
    });
  });

  it('names only component types and traits that manifests/ defines, each trait for its engine', () => {
    const components = manifestsIn('rendered/components').map(
      d => d.metadata.name,
    );
    const traits = new Map(
      manifestsIn('rendered/traits').map(d => [
        d.metadata.name as string,
        d.spec.appliesToWorkloads as string[],
      ]),
    );
    for (const engine of ENGINE_IDS) {
      const { componentType, traits: traitNames } = ENGINES[engine];
      expect(components).toContain(componentType);
      for (const trait of Object.values(traitNames ?? {})) {
        expect({ trait, appliesTo: traits.get(trait) }).toEqual({
          trait,
          appliesTo: expect.arrayContaining([componentType]),
        });
      }
    }
  });

  it('names the resources the KRO graphs and the Kratix request API declare', () => {
    const kind = (apiVersion: string, k: string) => `${apiVersion}/${k}`;
    const kinds = (engine: EngineId) =>
      ENGINES[engine].resources.map(r => kind(r.apiVersion, r.kind));
    const graphs = new Map(
      manifestsIn('kro').map(rgd => [
        rgd.spec.schema.kind as string,
        [
          kind(`kro.run/${rgd.spec.schema.apiVersion}`, rgd.spec.schema.kind),
          ...rgd.spec.resources.map((r: any) =>
            kind(r.template.apiVersion, r.template.kind),
          ),
        ],
      ]),
    );
    expect(kinds('kro')).toEqual(graphs.get('DynamoDBTable'));
    expect(kinds('kro-simplified')).toEqual(graphs.get('DynamoDBTable'));
    expect(kinds('kro-simple')).toEqual(graphs.get('SimpleDynamoDB'));

    const [request] = manifestsIn('kratix').filter(
      d => d.kind === 'CustomResourceDefinition',
    );
    expect(ENGINES.kratix.resources).toEqual([
      expect.objectContaining({
        apiVersion: `${request.spec.group}/${request.spec.versions[0].name}`,
        kind: request.spec.names.kind,
        plural: request.spec.names.plural,
        scope: request.spec.scope,
      }),
    ]);
  });

  it('gives kro-simple the key its graph creates, and refuses any other', () => {
    const { fixedKey } = ENGINES['kro-simple'];
    const graph = manifestsIn('kro').find(
      rgd => rgd.spec.schema.kind === 'SimpleDynamoDB',
    )!;
    const table = graph.spec.resources[0].template.spec;
    expect(table.attributeDefinitions).toEqual([fixedKey]);
    expect(table.keySchema).toEqual([
      { attributeName: fixedKey?.attributeName, keyType: 'HASH' },
    ]);

    const custom = parseTableSpec(inputWith({ engine: 'kro-simple' }));
    expect(custom.success ? [] : custom.issues.map(i => i.field)).toEqual([
      'attributeDefinitions',
      'keySchema',
    ]);
    const fixed = parseTableSpec({
      engine: 'kro-simple',
      applicationName: 'cache',
      componentName: 'cache-table',
    });
    if (!fixed.success) throw new Error(JSON.stringify(fixed.issues));
    expect(fixed.spec.attributeDefinitions).toEqual([fixedKey]);
  });

  it('lets only an engine with feature modes choose one', () => {
    for (const engine of ENGINE_IDS) {
      const input = ENGINES[engine].customKeys
        ? inputWith({ engine, featureMode: 'inline' })
        : {
            engine,
            applicationName: 'cache',
            componentName: 'cache-table',
            featureMode: 'inline',
          };
      const result = parseTableSpec(input);
      expect({
        engine,
        issues: result.success ? [] : result.issues.map(i => i.field),
      }).toEqual({
        engine,
        issues: ENGINES[engine].featureModes.includes('inline')
          ? []
          : ['featureMode'],
      });
    }
  });

  it('builds each engine with the component type it names', () => {
    for (const engine of ENGINE_IDS) {
      const input = ENGINES[engine].customKeys
        ? inputWith({ engine })
        : { engine, applicationName: 'cache', componentName: 'cache-table' };
      const parsed = parseTableSpec(input);
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      expect(buildApplication(parsed.spec).spec.components[0].type).toBe(
        ENGINES[engine].componentType,
      );
    }
  });

  it('looks engines up by id and names the known ones for an unknown id', () => {
    expect(getEngine('kratix')).toBe(ENGINES.kratix);
    expect(() => getEngine('terraform')).toThrow(
      `Unknown engine 'terraform'; expected one of ${ENGINE_IDS.join(', ')}`,
    );
  });
});
