import type { ComparisonRow } from '../engines/comparison';
import type { EngineId } from '../engines/types';
import type { TableStatus } from '../status/types';

/** An engine as shown in a column header of the comparison. */
export interface ComparisonEngine {
  id: EngineId;
  title: string;
  componentType: string;
}

/** The kubevela backend's `/comparison` response: engine columns and fact rows. */
export interface ComparisonTable {
  engines: ComparisonEngine[];
  rows: ComparisonRow[];
}

/** The kubevela backend's `/status` response: the table's status and where it was read. */
export interface TableStatusResponse extends TableStatus {
  /** The cluster the Application was read from. */
  cluster: string;
  /**
   * Why DynamoDB's own view is missing although an AWS endpoint is configured (table not found,
   * endpoint unreachable, refused); the rest of the status is still valid.
   */
  dynamoDbError?: string;
}
