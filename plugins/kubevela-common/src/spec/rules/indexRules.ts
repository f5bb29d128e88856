import type { FieldPath } from '../fieldPath';
import type { KeySchemaElement, ProjectionType } from '../types';
import {
  keySchemaShapeIssues,
  undefinedKeyAttributeIssues,
} from './keySchemaRules';
import type { RuleIssue, TableSpecRule } from './ruleTypes';

/** DynamoDB's limit on projected non-key attributes, summed over all secondary indexes. */
export const MAX_PROJECTED_NON_KEY_ATTRIBUTES = 100;

type IndexList = 'globalSecondaryIndexes' | 'localSecondaryIndexes';

interface IndexDraft {
  indexName: string;
  keySchema: KeySchemaElement[];
  projectionType: ProjectionType;
  nonKeyAttributes?: string[];
}

interface LocatedIndex {
  list: IndexList;
  position: number;
  index: IndexDraft;
}

function allIndexes(draft: Parameters<TableSpecRule>[0]): LocatedIndex[] {
  return [
    ...draft.globalSecondaryIndexes.map((index, position) => ({
      list: 'globalSecondaryIndexes' as const,
      position,
      index,
    })),
    ...draft.localSecondaryIndexes.map((index, position) => ({
      list: 'localSecondaryIndexes' as const,
      position,
      index,
    })),
  ];
}

function projectionIssues({
  list,
  position,
  index,
}: LocatedIndex): RuleIssue[] {
  const path: FieldPath = [list, position, 'nonKeyAttributes'];
  const attributes = index.nonKeyAttributes ?? [];
  if (index.projectionType === 'INCLUDE' && attributes.length === 0) {
    return [
      {
        path,
        message: 'nonKeyAttributes is required when projectionType is INCLUDE',
      },
    ];
  }
  if (index.projectionType !== 'INCLUDE' && attributes.length > 0) {
    return [
      {
        path,
        message: `nonKeyAttributes is only allowed when projectionType is INCLUDE, not ${index.projectionType}`,
      },
    ];
  }
  return [];
}

/** Index names are unique across global and local indexes of the table. */
function duplicateNameIssues(indexes: readonly LocatedIndex[]): RuleIssue[] {
  const firstUse = new Map<string, string>();
  const issues: RuleIssue[] = [];
  for (const { list, position, index } of indexes) {
    const earlier = firstUse.get(index.indexName);
    if (earlier) {
      issues.push({
        path: [list, position, 'indexName'],
        message: `index name '${index.indexName}' is already used by ${earlier}; index names must be unique across global and local indexes`,
      });
    } else {
      firstUse.set(index.indexName, `${list}[${position}]`);
    }
  }
  return issues;
}

function projectedAttributeLimitIssues(
  indexes: readonly LocatedIndex[],
): RuleIssue[] {
  let total = 0;
  for (const { list, position, index } of indexes) {
    // The same attribute projected into two indexes counts twice, as in DynamoDB.
    total += index.nonKeyAttributes?.length ?? 0;
    if (total > MAX_PROJECTED_NON_KEY_ATTRIBUTES) {
      return [
        {
          path: [list, position, 'nonKeyAttributes'],
          message: `secondary indexes project more than ${MAX_PROJECTED_NON_KEY_ATTRIBUTES} non-key attributes in total; DynamoDB allows at most ${MAX_PROJECTED_NON_KEY_ATTRIBUTES} across all indexes`,
        },
      ];
    }
  }
  return [];
}

function localIndexIssues(
  { position, index }: LocatedIndex,
  tableKeySchema: readonly KeySchemaElement[],
): RuleIssue[] {
  const path: FieldPath = ['localSecondaryIndexes', position, 'keySchema'];
  const tableHash = tableKeySchema.find(element => element.keyType === 'HASH');
  const issues: RuleIssue[] = [];
  const hashPosition = index.keySchema.findIndex(
    element => element.keyType === 'HASH',
  );
  if (
    tableHash &&
    hashPosition >= 0 &&
    index.keySchema[hashPosition].attributeName !== tableHash.attributeName
  ) {
    issues.push({
      path: [...path, hashPosition, 'attributeName'],
      message: `a local secondary index must use the table's HASH key '${tableHash.attributeName}' as its HASH key`,
    });
  }
  if (!index.keySchema.some(element => element.keyType === 'RANGE')) {
    issues.push({
      path,
      message: 'a local secondary index needs a RANGE (sort) key',
    });
  }
  return issues;
}

/** Secondary index rules: key schemas, LSI constraints, unique names and projections. */
export const indexRules: TableSpecRule = draft => {
  const indexes = allIndexes(draft);
  const defined = new Set(
    (draft.attributeDefinitions ?? []).map(d => d.attributeName),
  );
  const tableKeySchema = draft.keySchema ?? [];
  const issues: RuleIssue[] = [];
  if (
    draft.localSecondaryIndexes.length > 0 &&
    draft.keySchema &&
    !tableKeySchema.some(element => element.keyType === 'RANGE')
  ) {
    issues.push({
      path: ['localSecondaryIndexes'],
      message: 'local secondary indexes need a table with a RANGE (sort) key',
    });
  }
  for (const located of indexes) {
    const path: FieldPath = [located.list, located.position, 'keySchema'];
    issues.push(...keySchemaShapeIssues(located.index.keySchema, path));
    if (draft.attributeDefinitions) {
      issues.push(
        ...undefinedKeyAttributeIssues(located.index.keySchema, path, defined),
      );
    }
    if (located.list === 'localSecondaryIndexes') {
      issues.push(...localIndexIssues(located, tableKeySchema));
    }
    issues.push(...projectionIssues(located));
  }
  issues.push(...duplicateNameIssues(indexes));
  issues.push(...projectedAttributeLimitIssues(indexes));
  return issues;
};
