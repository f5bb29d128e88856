import { DYNAMODB_NAME_CHARACTERS, isPlainText } from '../primitives';
import type { RuleIssue, TableSpecRule } from './ruleTypes';

/** The namespace must be one the platform allows, when it restricts them. */
export const namespaceRule: TableSpecRule = (draft, options) => {
  const allowed = options.allowedNamespaces;
  if (!allowed || allowed.includes(draft.namespace)) {
    return [];
  }
  return [
    {
      path: ['namespace'],
      message:
        allowed.length === 0
          ? `namespace '${draft.namespace}' is not allowed: the platform allows no namespaces`
          : `namespace '${
              draft.namespace
            }' is not allowed; allowed namespaces: ${allowed.join(', ')}`,
    },
  ];
};

/**
 * DynamoDB's table name limits (3–255 of `[A-Za-z0-9_.-]`) apply to the name the table really
 * gets: the platform's prefix followed by the requested name (or the component name).
 */
export const tableNameRule: TableSpecRule = (draft, options) => {
  const prefix = options.tableNamePrefix ?? '';
  const name = draft.tableName ?? draft.componentName;
  const source =
    draft.tableName === undefined ? ' (taken from componentName)' : '';
  const issues: RuleIssue[] = [];
  if (
    prefix !== '' &&
    (!isPlainText(prefix) || !DYNAMODB_NAME_CHARACTERS.test(prefix))
  ) {
    issues.push({
      path: ['tableName'],
      message: `the platform's table name prefix '${JSON.stringify(
        prefix,
      ).slice(1, -1)}' may contain only letters, digits, '_', '.' and '-'`,
    });
    return issues;
  }
  if (!DYNAMODB_NAME_CHARACTERS.test(name)) {
    return issues; // already reported by the field's own schema
  }
  const effective = `${prefix}${name}`;
  if (effective.length < 3 || effective.length > 255) {
    const counted = prefix === '' ? '' : `, counting the prefix '${prefix}'`;
    issues.push({
      path: ['tableName'],
      message: `table name '${effective}'${source} must be 3–255 characters long${counted}`,
    });
  }
  return issues;
};
