import { ENGINES, ENGINE_IDS } from '../engines/catalogue';
import { engineOfComponentType, traitFamilyOf } from './engineOfComponent';

describe('engineOfComponentType', () => {
  it.each(ENGINE_IDS)('finds engine %s by its component type', engine => {
    expect(engineOfComponentType(ENGINES[engine].componentType)).toBe(engine);
  });

  it('finds no engine for a type that is not a table component', () => {
    expect(engineOfComponentType('webservice')).toBeUndefined();
    expect(engineOfComponentType(undefined)).toBeUndefined();
  });
});

describe('traitFamilyOf', () => {
  it("names the family of an engine's own trait", () => {
    expect(traitFamilyOf('crossplane', 'dynamodb-ttl-xp')).toBe('ttl');
    expect(traitFamilyOf('kro-simplified', 'dynamodb-global-index-kro')).toBe(
      'global-index',
    );
  });

  it("does not match another engine's trait names", () => {
    expect(traitFamilyOf('crossplane', 'dynamodb-ttl-kro')).toBeUndefined();
  });

  it('finds nothing on an engine without traits, or for a foreign trait', () => {
    const withoutTraits = ENGINE_IDS.find(id => ENGINES[id].traits === null);
    expect(withoutTraits).toBeDefined();
    expect(traitFamilyOf(withoutTraits!, 'dynamodb-ttl-xp')).toBeUndefined();
    expect(traitFamilyOf('crossplane', 'scaler')).toBeUndefined();
  });
});
