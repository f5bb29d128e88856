// The REST response types live in kubevela-common, shared with the backend that produces them.
export type {
  ComparisonEngine,
  ComparisonTable,
  EngineAvailability,
  EngineLiveFigures,
  EntityComparison,
  MigrationOption,
  PhaseTransition,
  TableStatusResponse,
} from '@vela-tables/plugin-kubevela-common';
