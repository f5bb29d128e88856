import { ENGINE_IDS, ENGINES } from '../../engines/catalogue';
import type { EngineId, TableFeature } from '../../engines/types';
import type { FeatureSettings } from '../requestedFeatures';
import { requestedFeatures } from '../requestedFeatures';
import type { AttributeDefinition, KeySchemaElement } from '../types';
import type { RuleIssue } from './ruleTypes';

/** The parts of a spec or draft the engine support rules read. */
export interface EngineSupportSubject extends FeatureSettings {
  /** The chosen engine. */
  engine: EngineId;
  /** Attribute definitions, if any. */
  attributeDefinitions?: readonly AttributeDefinition[];
  /** Table key schema, if any. */
  keySchema?: readonly KeySchemaElement[];
  /** Crossplane options, if any. */
  crossplane?: unknown;
  /** KRO feature mode, if any. */
  featureMode?: string;
}

const FEATURE_NAMES: Readonly<Record<TableFeature, string>> = {
  ttl: 'time to live',
  streams: 'streams',
  encryption: 'server-side encryption',
  protection: 'deletion protection and point-in-time recovery',
  'provisioned-capacity': 'provisioned capacity',
  'global-index': 'global secondary indexes',
  'local-index': 'local secondary indexes',
  tags: 'tags',
};

function enginesSupporting(feature: TableFeature): string {
  return ENGINE_IDS.filter(
    id => ENGINES[id].features[feature] !== 'unsupported',
  ).join(', ');
}

function unsupportedFeatureIssues(subject: EngineSupportSubject): RuleIssue[] {
  const engine = ENGINES[subject.engine];
  return requestedFeatures(subject).flatMap(({ feature, fields }) =>
    engine.features[feature] === 'unsupported'
      ? fields.map(field => ({
          path: [field],
          message: `engine '${engine.id}' does not support ${
            FEATURE_NAMES[feature]
          }; remove '${field}' or choose an engine that does (${enginesSupporting(
            feature,
          )})`,
        }))
      : [],
  );
}

function sameKeyAs(
  subject: EngineSupportSubject,
  key: { attributeName: string; attributeType: string },
): boolean {
  const definitions = subject.attributeDefinitions ?? [];
  const keySchema = subject.keySchema ?? [];
  const definitionsMatch =
    definitions.length === 0 ||
    (definitions.length === 1 &&
      definitions[0].attributeName === key.attributeName &&
      definitions[0].attributeType === key.attributeType);
  const keySchemaMatches =
    keySchema.length === 0 ||
    (keySchema.length === 1 &&
      keySchema[0].attributeName === key.attributeName &&
      keySchema[0].keyType === 'HASH');
  return definitionsMatch && keySchemaMatches;
}

// Engines without custom keys accept keys only when they describe the fixed key exactly.
function fixedKeyIssues(subject: EngineSupportSubject): RuleIssue[] {
  const engine = ENGINES[subject.engine];
  if (
    engine.customKeys ||
    !engine.fixedKey ||
    sameKeyAs(subject, engine.fixedKey)
  ) {
    return [];
  }
  const { attributeName, attributeType } = engine.fixedKey;
  const message = (field: string) =>
    `engine '${engine.id}' does not accept custom keys in '${field}': it always creates the HASH key '${attributeName}' (${attributeType}); remove it or choose another engine`;
  return (['attributeDefinitions', 'keySchema'] as const)
    .filter(field => (subject[field]?.length ?? 0) > 0)
    .map(field => ({ path: [field], message: message(field) }));
}

function engineOptionIssues(subject: EngineSupportSubject): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (subject.crossplane !== undefined && subject.engine !== 'crossplane') {
    issues.push({
      path: ['crossplane'],
      message: `crossplane options apply only to engine 'crossplane', not '${subject.engine}'`,
    });
  }
  if (
    subject.featureMode !== undefined &&
    ENGINES[subject.engine].featureModes.length === 0
  ) {
    issues.push({
      path: ['featureMode'],
      message: `featureMode applies only to engine 'kro', not '${subject.engine}'`,
    });
  }
  return issues;
}

/**
 * Everything the spec asks for must be something the chosen engine can do: a feature it does
 * not offer is an error naming the field and the engine, never silently dropped.
 */
export function engineSupportIssues(
  subject: EngineSupportSubject,
): RuleIssue[] {
  return [
    ...unsupportedFeatureIssues(subject),
    ...fixedKeyIssues(subject),
    ...engineOptionIssues(subject),
  ];
}
