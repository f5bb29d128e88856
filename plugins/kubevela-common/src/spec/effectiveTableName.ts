import type { TableSpec } from './types';

/** The table's name in DynamoDB: the platform's prefix followed by the requested name. */
export function effectiveTableName(
  spec: Pick<TableSpec, 'tableName' | 'tableNamePrefix'>,
): string {
  return `${spec.tableNamePrefix}${spec.tableName}`;
}
