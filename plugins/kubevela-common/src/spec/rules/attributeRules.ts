import type { RuleIssue, TableSpecRule } from './ruleTypes';

/** Attribute definitions must be unique and each must be used by the table's or an index's key. */
export const attributeRules: TableSpecRule = draft => {
  const definitions = draft.attributeDefinitions ?? [];
  const used = new Set<string>();
  for (const keySchema of [
    draft.keySchema ?? [],
    ...draft.globalSecondaryIndexes.map(index => index.keySchema),
    ...draft.localSecondaryIndexes.map(index => index.keySchema),
  ]) {
    keySchema.forEach(element => used.add(element.attributeName));
  }
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  definitions.forEach((definition, index) => {
    const name = definition.attributeName;
    const path = ['attributeDefinitions', index, 'attributeName'];
    if (seen.has(name)) {
      issues.push({
        path,
        message: `attribute '${name}' is defined more than once`,
      });
    } else if (!used.has(name)) {
      issues.push({
        path,
        message: `attribute '${name}' is not used by the table's or an index's key; DynamoDB rejects unused attribute definitions`,
      });
    }
    seen.add(name);
  });
  return issues;
};
