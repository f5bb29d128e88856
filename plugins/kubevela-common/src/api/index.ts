export type {
  ComparisonEngine,
  ComparisonTable,
  PhaseTransition,
  TableStatusResponse,
} from './responses';
