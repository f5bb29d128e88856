import {
  ENGINE_IDS,
  ENGINES,
  featureDelivery,
  getEngine,
  isEngineId,
  TABLE_FEATURES,
} from './catalogue';
import { TRAIT_FAMILIES } from './traitNames';

describe('engine catalogue', () => {
  it('lists the five engines of the contract with their component types', () => {
    expect(ENGINE_IDS.map(id => [id, ENGINES[id].componentType])).toEqual([
      ['crossplane', 'aws-dynamodb-xp'],
      ['kro', 'aws-dynamodb-kro'],
      ['kro-simplified', 'aws-dynamodb-kro-simplified'],
      ['kro-simple', 'aws-dynamodb-simple-kro'],
      ['kratix', 'aws-dynamodb-kratix'],
    ]);
  });

  it('names the fourteen traits of the contract', () => {
    expect(Object.values(ENGINES.crossplane.traits ?? {})).toEqual([
      'dynamodb-ttl-xp',
      'dynamodb-streams-xp',
      'dynamodb-encryption-xp',
      'dynamodb-protection-xp',
      'dynamodb-provisioned-capacity-xp',
      'dynamodb-global-index-xp',
      'dynamodb-local-index-xp',
    ]);
    expect(Object.values(ENGINES.kro.traits ?? {})).toEqual([
      'dynamodb-ttl-kro',
      'dynamodb-streams-kro',
      'dynamodb-encryption-kro',
      'dynamodb-protection-kro',
      'dynamodb-provisioned-capacity-kro',
      'dynamodb-global-index-kro',
      'dynamodb-local-index-kro',
    ]);
    expect(ENGINES['kro-simplified'].traits).toEqual(ENGINES.kro.traits);
    expect(ENGINES['kro-simple'].traits).toBeNull();
    expect(ENGINES.kratix.traits).toBeNull();
  });

  it('gives every engine with traits a trait for every feature it delivers as one', () => {
    const missing = ENGINE_IDS.flatMap(id =>
      TRAIT_FAMILIES.filter(family => {
        const support = ENGINES[id].features[family];
        const needsTrait = support === 'trait' || support === 'inline-or-trait';
        return needsTrait && !ENGINES[id].traits?.[family];
      }).map(family => `${id}:${family}`),
    );
    expect(missing).toEqual([]);
  });

  it('offers kro a choice between inline properties and traits', () => {
    expect(ENGINES.kro.featureModes).toEqual(['traits', 'inline']);
    expect(featureDelivery(ENGINES.kro, 'ttl', 'inline')).toBe('inline');
    expect(featureDelivery(ENGINES.kro, 'ttl', 'traits')).toBe('trait');
    expect(featureDelivery(ENGINES.kro, 'ttl')).toBe('trait');
  });

  it('knows kratix has no encryption or secondary indexes', () => {
    expect(ENGINES.kratix.features).toMatchObject({
      encryption: 'unsupported',
      'global-index': 'unsupported',
      'local-index': 'unsupported',
      ttl: 'request-field',
    });
  });

  it('knows kro-simple fixes the key to id (S) and offers no features', () => {
    expect(ENGINES['kro-simple'].customKeys).toBe(false);
    expect(ENGINES['kro-simple'].fixedKey).toEqual({
      attributeName: 'id',
      attributeType: 'S',
    });
    expect(TABLE_FEATURES.map(f => ENGINES['kro-simple'].features[f])).toEqual(
      TABLE_FEATURES.map(() => 'unsupported'),
    );
  });

  it('names the engine resources each engine creates', () => {
    const kinds = (id: (typeof ENGINE_IDS)[number]) =>
      ENGINES[id].resources.map(
        r => `${r.apiVersion}/${r.kind}:${r.plural}:${r.scope}`,
      );
    expect(kinds('crossplane')).toEqual([
      'dynamodb.aws.upbound.io/v1beta1/Table:tables:Cluster',
      'dynamodb.aws.m.upbound.io/v1beta1/Table:tables:Namespaced',
    ]);
    expect(kinds('kro')).toEqual([
      'kro.run/v1alpha1/DynamoDBTable:dynamodbtables:Namespaced',
      'dynamodb.services.k8s.aws/v1alpha1/Table:tables:Namespaced',
    ]);
    expect(kinds('kro-simple')[0]).toBe(
      'kro.run/v1alpha1/SimpleDynamoDB:simpledynamodbs:Namespaced',
    );
    expect(kinds('kratix')).toEqual([
      'dynamodb.kratix.io/v1alpha1/DynamoDBRequest:dynamodbrequests:Namespaced',
    ]);
  });

  it("states ACK's current adoption mechanism, not the removed AdoptedResource CRD", () => {
    for (const id of ['kro', 'kro-simplified', 'kro-simple'] as const) {
      const fact = ENGINES[id].comparison.resourceAdoption;
      expect(fact.value).toContain('services.k8s.aws/adoption-policy');
      expect(fact.value).toContain('services.k8s.aws/adoption-fields');
      expect(fact.value).not.toContain('AdoptedResource');
      expect(fact.note).toContain('November 2025');
    }
    expect(ENGINES.crossplane.comparison.resourceAdoption.value).toContain(
      'managementPolicies',
    );
  });

  it('says which part runs as a stand-in locally', () => {
    expect(ENGINES.crossplane.localStandIn?.replaces).toBe(
      'Crossplane AWS provider',
    );
    expect(ENGINES.kro.localStandIn?.replaces).toBe('ACK DynamoDB controller');
    expect(ENGINES.kratix.localStandIn?.replaces).toContain('Kratix');
  });

  it('looks engines up by id and names an unknown id', () => {
    expect(getEngine('kratix').title).toBe('Kratix');
    expect(isEngineId('kro')).toBe(true);
    expect(isEngineId('terraform')).toBe(false);
    expect(() => getEngine('terraform')).toThrow("Unknown engine 'terraform'");
  });
});
