export type { ComparisonEngine, ComparisonTable, TableStatusResponse } from './responses';
