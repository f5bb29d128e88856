import { CROSSPLANE_ENGINE } from './crossplane';
import { KRATIX_ENGINE } from './kratix';
import { KRO_ENGINE } from './kro';
import { KRO_SIMPLE_ENGINE } from './kroSimple';
import { KRO_SIMPLIFIED_ENGINE } from './kroSimplified';
import type {
  EngineDefinition,
  EngineId,
  FeatureSupport,
  KroFeatureMode,
  TableFeature,
} from './types';

/** Every engine, keyed by id. */
export const ENGINES: Readonly<Record<EngineId, EngineDefinition>> = {
  crossplane: CROSSPLANE_ENGINE,
  kro: KRO_ENGINE,
  'kro-simplified': KRO_SIMPLIFIED_ENGINE,
  'kro-simple': KRO_SIMPLE_ENGINE,
  kratix: KRATIX_ENGINE,
};

/** Engine ids in display order. */
export const ENGINE_IDS = [
  'crossplane',
  'kro',
  'kro-simplified',
  'kro-simple',
  'kratix',
] as const satisfies readonly EngineId[];

/** All table features in display order. */
export const TABLE_FEATURES = [
  'ttl',
  'streams',
  'encryption',
  'protection',
  'provisioned-capacity',
  'global-index',
  'local-index',
  'tags',
] as const satisfies readonly TableFeature[];

/** Whether a string names a known engine. */
export function isEngineId(value: string): value is EngineId {
  return (ENGINE_IDS as readonly string[]).includes(value);
}

/** The engine with this id; throws an error naming the id when it is unknown. */
export function getEngine(id: string): EngineDefinition {
  if (!isEngineId(id)) {
    throw new Error(
      `Unknown engine '${id}'; expected one of ${ENGINE_IDS.join(', ')}`,
    );
  }
  return ENGINES[id];
}

/** The way a feature actually reaches the engine, resolving `inline-or-trait` by the feature mode. */
export function featureDelivery(
  engine: EngineDefinition,
  feature: TableFeature,
  featureMode: KroFeatureMode = 'traits',
): Exclude<FeatureSupport, 'inline-or-trait'> {
  const support = engine.features[feature];
  if (support !== 'inline-or-trait') {
    return support;
  }
  return featureMode === 'inline' ? 'inline' : 'trait';
}
