export type {
  ComparisonEngine,
  ComparisonTable,
  EngineAvailability,
  EngineLiveFigures,
  EntityComparison,
  MigrationOption,
  PhaseTransition,
  PlatformCluster,
  PlatformOffer,
  TableStatusResponse,
} from './responses';
