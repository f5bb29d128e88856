import type { TableFeature } from '@vela-tables/plugin-kubevela-common';
import {
  ENGINES,
  TABLE_FEATURES,
  isEngineId,
} from '@vela-tables/plugin-kubevela-common';

/**
 * What a `KubeVelaEngineFeature` field stands for (its `ui:options.feature`): a table feature of
 * the engine catalogue, the table's own keys, KRO's feature mode or Crossplane's options.
 */
export type EngineFeatureKey =
  | TableFeature
  | 'customKeys'
  | 'featureMode'
  | 'crossplane';

/** Whether a field is shown for an engine, and why not when it is hidden. */
export interface EngineFeatureSupport {
  shown: boolean;
  /** Why the field is hidden, in words; absent when the field simply does not apply. */
  note?: string;
}

/** Whether `value` names a feature a `KubeVelaEngineFeature` field can stand for. */
export function isEngineFeatureKey(value: unknown): value is EngineFeatureKey {
  return (
    value === 'customKeys' ||
    value === 'featureMode' ||
    value === 'crossplane' ||
    (TABLE_FEATURES as readonly unknown[]).includes(value)
  );
}

/** Decides from the engine catalogue whether the chosen engine offers a field's feature. */
export function engineFeatureSupport(
  engineId: unknown,
  feature: EngineFeatureKey,
): EngineFeatureSupport {
  // Until an engine is chosen nothing is hidden.
  if (typeof engineId !== 'string' || !isEngineId(engineId)) {
    return { shown: true };
  }
  const engine = ENGINES[engineId];
  switch (feature) {
    case 'customKeys':
      return engine.customKeys || !engine.fixedKey
        ? { shown: true }
        : {
            shown: false,
            note: `${engine.title} always creates the partition key '${engine.fixedKey.attributeName}' (${engine.fixedKey.attributeType}).`,
          };
    case 'featureMode':
      return { shown: engine.featureModes.length > 1 };
    case 'crossplane':
      return { shown: engineId === 'crossplane' };
    default:
      return engine.features[feature] === 'unsupported'
        ? { shown: false, note: `${engine.title} does not offer this.` }
        : { shown: true };
  }
}
