/**
 * Vela Tables frontend plugin: DynamoDB table status and engine comparison on entity pages.
 *
 * @packageDocumentation
 */
export { kubevelaPlugin, EntityEngineComparisonCard } from './plugin';
export { kubevelaApiRef } from './api/KubeVelaApi';
export type { KubeVelaApi } from './api/KubeVelaApi';
export { KubeVelaClient } from './api/KubeVelaClient';
export { EngineComparisonTable } from './components/EngineComparison';
export type { ComparisonTable, ComparisonEngine } from './api/types';
