export { EntityComparisonService } from './EntityComparisonService';
export type {
  ClusterPhases,
  EntityComparisonServiceOptions,
} from './EntityComparisonService';
export { DefinitionCache } from './DefinitionCache';
export type { DefinitionCacheOptions } from './DefinitionCache';
