import type { ComparisonRow, EngineId } from '@vela-tables/plugin-kubevela-common';

/** An engine as shown in a column header of the comparison. */
export interface ComparisonEngine {
  id: EngineId;
  title: string;
  componentType: string;
}

/** The backend's `/comparison` response: engine columns and fact rows. */
export interface ComparisonTable {
  engines: ComparisonEngine[];
  rows: ComparisonRow[];
}
