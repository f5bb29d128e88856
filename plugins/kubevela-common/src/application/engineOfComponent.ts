import { ENGINES, ENGINE_IDS } from '../engines/catalogue';
import type { EngineId, TraitFamily } from '../engines/types';

/**
 * The engine whose table component type this is, if any. Every engine has its own component
 * type, so the type alone tells which engine a table component is on.
 */
export function engineOfComponentType(type: unknown): EngineId | undefined {
  return ENGINE_IDS.find(id => ENGINES[id].componentType === type);
}

/**
 * The feature family of one of an engine's table traits (e.g. `dynamodb-ttl-xp` is `ttl` on
 * crossplane), so that a trait can be matched with its counterpart on another engine.
 * Undefined for a trait that is not one of the engine's table traits.
 */
export function traitFamilyOf(
  engine: EngineId,
  traitType: string,
): TraitFamily | undefined {
  const names = ENGINES[engine].traits;
  if (!names) return undefined;
  return (Object.keys(names) as TraitFamily[]).find(
    family => names[family] === traitType,
  );
}
