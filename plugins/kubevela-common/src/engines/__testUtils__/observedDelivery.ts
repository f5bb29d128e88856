import { buildApplication } from '../../application/buildApplication';
import type { ApplicationComponent } from '../../application/types';
import {
  attributesWith,
  FEATURE_FIELD,
  FEATURE_INPUTS,
  featureInput,
} from '../../spec/__fixtures__/inputs';
import { parseTableSpec } from '../../spec/parseTableSpec';
import type { EngineId, KroFeatureMode, TableFeature } from '../types';

/**
 * How a feature reached the Application when it was requested, found by building the table
 * with and without it: as traits, as component properties, refused by `parseTableSpec` on the
 * feature's field, or not at all (silently dropped).
 */
export type ObservedDelivery =
  | { kind: 'trait'; traitTypes: string[] }
  | { kind: 'property'; properties: string[] }
  | { kind: 'refused'; field: string; message: string }
  | { kind: 'dropped' };

// Fields that differ between the two requests for a reason other than the feature: an index
// feature also defines its key attribute.
const NOT_THE_FEATURE = new Set(['attributeDefinitions']);

function component(input: Record<string, unknown>): ApplicationComponent {
  const parsed = parseTableSpec(input);
  if (!parsed.success) {
    throw new Error(`invalid test input: ${JSON.stringify(parsed.issues)}`);
  }
  return buildApplication(parsed.spec).spec.components[0];
}

/** The same request without the feature (and without the key attributes only it needed). */
function withoutFeature(
  input: Record<string, unknown>,
  feature: TableFeature,
): Record<string, unknown> {
  const rest = { ...input };
  for (const field of Object.keys(FEATURE_INPUTS[feature])) delete rest[field];
  if (rest.attributeDefinitions) rest.attributeDefinitions = attributesWith();
  return rest;
}

/** The request for `engine` with the feature on, valid in every other respect. */
function requestWith(
  engine: EngineId,
  feature: TableFeature,
  mode?: KroFeatureMode,
  customKeys = true,
): Record<string, unknown> {
  const input = featureInput(engine, feature, mode);
  if (customKeys) return input;
  // An engine with a fixed key refuses custom keys; leave them out so that only the feature
  // can be refused.
  const { attributeDefinitions, keySchema, ...rest } = input;
  return rest;
}

/** Requests the feature from the engine and reports how it arrived. */
export function observedDelivery(
  engine: EngineId,
  feature: TableFeature,
  options: { mode?: KroFeatureMode; customKeys: boolean },
): ObservedDelivery {
  const input = requestWith(engine, feature, options.mode, options.customKeys);
  const parsed = parseTableSpec(input);
  if (!parsed.success) {
    const field = FEATURE_FIELD[feature];
    const issue = parsed.issues.find(i => i.field === field);
    if (!issue) {
      throw new Error(
        `refused for another reason: ${JSON.stringify(parsed.issues)}`,
      );
    }
    return { kind: 'refused', field, message: issue.message };
  }
  const withIt = component(input);
  const without = component(withoutFeature(input, feature));
  const baseTraits = new Set((without.traits ?? []).map(t => t.type));
  const traitTypes = (withIt.traits ?? [])
    .map(t => t.type)
    .filter(type => !baseTraits.has(type));
  const before = without.properties as unknown as Record<string, unknown>;
  const after = withIt.properties as unknown as Record<string, unknown>;
  const properties = Object.keys(after).filter(
    key =>
      !NOT_THE_FEATURE.has(key) &&
      JSON.stringify(after[key]) !== JSON.stringify(before[key]),
  );
  if (traitTypes.length > 0 && properties.length > 0) {
    throw new Error(
      `${feature} arrived both as traits ${traitTypes} and as properties ${properties}`,
    );
  }
  if (traitTypes.length > 0) return { kind: 'trait', traitTypes };
  if (properties.length > 0) return { kind: 'property', properties };
  return { kind: 'dropped' };
}
