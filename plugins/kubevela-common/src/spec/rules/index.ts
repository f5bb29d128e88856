import { attributeRules } from './attributeRules';
import { billingRules } from './billingRules';
import { engineSupportIssues } from './engineSupportRules';
import { crossplaneRules, featureSettingRules } from './featureSettingRules';
import { indexRules } from './indexRules';
import { namespaceRule, tableNameRule } from './platformRules';
import type { TableSpecRule } from './ruleTypes';
import { tableKeyRules } from './tableKeyRules';

/** Every cross-field rule, in the order their issues are reported. */
export const TABLE_SPEC_RULES: readonly TableSpecRule[] = [
  namespaceRule,
  tableNameRule,
  tableKeyRules,
  attributeRules,
  billingRules,
  featureSettingRules,
  indexRules,
  crossplaneRules,
  draft => engineSupportIssues(draft),
];

export { engineSupportIssues } from './engineSupportRules';
export type { EngineSupportSubject } from './engineSupportRules';
export type { RuleIssue, TableSpecRule } from './ruleTypes';
