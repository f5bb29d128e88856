import type { FieldPath } from '../fieldPath';
import type { KeySchemaElement } from '../types';
import type { RuleIssue } from './ruleTypes';

/**
 * DynamoDB's key schema rules, shared by the table and its indexes: exactly one HASH key, first;
 * at most one RANGE key; HASH and RANGE on different attributes.
 */
export function keySchemaShapeIssues(
  keySchema: readonly KeySchemaElement[],
  path: FieldPath,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const hashes = indexesOf(keySchema, 'HASH');
  const ranges = indexesOf(keySchema, 'RANGE');
  if (hashes.length === 0) {
    issues.push({
      path,
      message: 'the key schema needs exactly one HASH (partition) key',
    });
  } else if (hashes.length > 1) {
    issues.push({
      path: [...path, hashes[1], 'keyType'],
      message:
        'the key schema has more than one HASH key; the second key must be RANGE',
    });
  } else if (hashes[0] !== 0) {
    issues.push({
      path: [...path, 0, 'keyType'],
      message:
        'the HASH (partition) key must come first, the RANGE (sort) key second',
    });
  }
  if (ranges.length > 1) {
    issues.push({
      path: [...path, ranges[1], 'keyType'],
      message: 'the key schema has more than one RANGE key',
    });
  }
  if (
    keySchema.length === 2 &&
    keySchema[0].attributeName === keySchema[1].attributeName
  ) {
    issues.push({
      path: [...path, 1, 'attributeName'],
      message: `the HASH and RANGE keys must be different attributes, both are '${keySchema[0].attributeName}'`,
    });
  }
  return issues;
}

/** Every key attribute must be declared in `attributeDefinitions`. */
export function undefinedKeyAttributeIssues(
  keySchema: readonly KeySchemaElement[],
  path: FieldPath,
  definedNames: ReadonlySet<string>,
): RuleIssue[] {
  return keySchema.flatMap((element, index) =>
    definedNames.has(element.attributeName)
      ? []
      : [
          {
            path: [...path, index, 'attributeName'],
            message: `key attribute '${element.attributeName}' is not defined in attributeDefinitions`,
          },
        ],
  );
}

function indexesOf(
  keySchema: readonly KeySchemaElement[],
  keyType: string,
): number[] {
  return keySchema.flatMap((element, index) =>
    element.keyType === keyType ? [index] : [],
  );
}
