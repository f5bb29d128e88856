import { ENGINES } from '../../engines/catalogue';
import {
  keySchemaShapeIssues,
  undefinedKeyAttributeIssues,
} from './keySchemaRules';
import type { RuleIssue, TableSpecRule } from './ruleTypes';

/** Engines with custom keys need attribute definitions and a valid key schema that uses them. */
export const tableKeyRules: TableSpecRule = draft => {
  if (!ENGINES[draft.engine].customKeys) {
    return []; // fixed-key engines are checked by the engine support rules
  }
  const { attributeDefinitions, keySchema } = draft;
  const issues: RuleIssue[] = [];
  if (!attributeDefinitions || attributeDefinitions.length === 0) {
    issues.push({
      path: ['attributeDefinitions'],
      message:
        'attributeDefinitions is required: define the type of every key attribute',
    });
  }
  if (!keySchema) {
    issues.push({
      path: ['keySchema'],
      message: 'keySchema is required: name the HASH (partition) key',
    });
    return issues;
  }
  issues.push(...keySchemaShapeIssues(keySchema, ['keySchema']));
  const defined = new Set(
    (attributeDefinitions ?? []).map(d => d.attributeName),
  );
  issues.push(
    ...undefinedKeyAttributeIssues(keySchema, ['keySchema'], defined),
  );
  return issues;
};
