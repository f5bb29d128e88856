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
  PlatformGitOps,
  PlatformOffer,
  TableStatusResponse,
} from './responses';
