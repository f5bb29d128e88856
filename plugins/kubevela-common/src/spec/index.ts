export * from './types';
export {
  tableSpecInputSchema,
  MAX_GLOBAL_SECONDARY_INDEXES,
  MAX_LOCAL_SECONDARY_INDEXES,
  MAX_TAGS,
} from './inputSchema';
export type { TableSpecInput, TableSpecDraft } from './inputSchema';
export {
  assertTableSpec,
  createTableSpecSchema,
  parseTableSpec,
  TableSpecError,
} from './parseTableSpec';
export { effectiveTableName } from './effectiveTableName';
export { requestedFeatures } from './requestedFeatures';
export type { FeatureSettings, RequestedFeature } from './requestedFeatures';
export { engineSupportIssues } from './rules';
export type { EngineSupportSubject } from './rules';
export { MAX_PROJECTED_NON_KEY_ATTRIBUTES } from './rules/indexRules';
export { formatFieldPath } from './fieldPath';
export type { FieldPath } from './fieldPath';
export { CONTROL_CHARACTER_MESSAGE, isPlainText } from './primitives';
