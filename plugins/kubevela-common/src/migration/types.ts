import type { EngineId } from '../engines/types';

/** A table component as it stands in an Application's spec. */
export interface TableComponent {
  name: string;
  type: string;
  properties?: Record<string, unknown>;
  traits?: Array<{ type: string; properties?: Record<string, unknown> }>;
  [field: string]: unknown;
}

/** The component on the target engine, and every change in words. */
export interface MigrationPlan {
  from: EngineId;
  to: EngineId;
  component: TableComponent;
  changes: string[];
}
