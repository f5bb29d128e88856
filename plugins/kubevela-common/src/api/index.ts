export type {
  ComparisonEngine,
  ComparisonTable,
  EngineAvailability,
  EngineKindEvidence,
  EngineLiveFigures,
  EntityComparison,
  MigrationOption,
  PhaseTransition,
  PlatformCluster,
  PlatformOffer,
  TableStatusResponse,
} from './responses';
