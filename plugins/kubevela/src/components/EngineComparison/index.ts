export { EngineComparisonCard } from './EngineComparisonCard';
export { EngineComparisonTable } from './EngineComparisonTable';
export {
  EngineComparisonForEntity,
  EntityEngineComparison,
} from './EntityEngineComparison';
export { EntityComparisonView } from './EntityComparisonView';
export { EnginesPage, EnginesPageContent } from './EnginesPage';
