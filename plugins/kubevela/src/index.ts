/**
 * Vela Tables frontend plugin: DynamoDB table status and engine comparison on entity pages.
 *
 * @packageDocumentation
 */
export {
  kubevelaPlugin,
  EntityEngineComparisonCard,
  EntityTableStatusCard,
  EntityKubeVelaTableContent,
  KubeVelaEnginesPage,
} from './plugin';
export { isKubeVelaTableAvailable } from './conditions';
export { kubevelaApiRef } from './api/KubeVelaApi';
export type { KubeVelaApi } from './api/KubeVelaApi';
export { KubeVelaClient } from './api/KubeVelaClient';
export { EngineComparisonTable } from './components/EngineComparison';
export type { LiveComparison } from './components/EngineComparison/EngineComparisonTable';
export { TableStatusView } from './components/TableStatus';
export type {
  ComparisonTable,
  ComparisonEngine,
  EntityComparison,
  TableStatusResponse,
} from './api/types';
export {
  KubeVelaEnginePickerFieldExtension,
  KubeVelaClusterPickerFieldExtension,
  KubeVelaNamespacePickerFieldExtension,
  KubeVelaRegionPickerFieldExtension,
  KubeVelaDeliveryPickerFieldExtension,
  KubeVelaEngineFeatureFieldExtension,
  KubeVelaTableSpecCheckFieldExtension,
} from './plugin';
export * from './scaffolder';
