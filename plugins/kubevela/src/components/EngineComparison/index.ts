export { EngineComparisonCard } from './EngineComparisonCard';
export { EngineComparisonTable } from './EngineComparisonTable';
