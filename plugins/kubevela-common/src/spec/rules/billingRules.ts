import type { FieldPath } from '../fieldPath';
import type { RuleIssue, TableSpecRule } from './ruleTypes';

interface Capacity {
  readCapacityUnits?: number;
  writeCapacityUnits?: number;
}

const CAPACITY_FIELDS = ['readCapacityUnits', 'writeCapacityUnits'] as const;

function capacityIssues(
  capacity: Capacity,
  path: FieldPath,
  provisioned: boolean,
  owner: string,
): RuleIssue[] {
  return CAPACITY_FIELDS.flatMap(field => {
    const present = capacity[field] !== undefined;
    if (provisioned && !present) {
      return [
        {
          path: [...path, field],
          message: `${field} is required for ${owner} when billingMode is PROVISIONED`,
        },
      ];
    }
    if (!provisioned && present) {
      return [
        {
          path: [...path, field],
          message: `${field} is not allowed for ${owner} when billingMode is PAY_PER_REQUEST (on-demand tables have no provisioned capacity)`,
        },
      ];
    }
    return [];
  });
}

/** Capacity values must match the billing mode, on the table and on every global index. */
export const billingRules: TableSpecRule = draft => {
  const provisioned = draft.billingMode === 'PROVISIONED';
  return [
    ...capacityIssues(draft, [], provisioned, 'the table'),
    ...draft.globalSecondaryIndexes.flatMap((index, position) =>
      capacityIssues(
        index,
        ['globalSecondaryIndexes', position],
        provisioned,
        `global secondary index '${index.indexName}'`,
      ),
    ),
  ];
};
