export * from './types';
export {
  ENGINES,
  ENGINE_IDS,
  TABLE_FEATURES,
  featureDelivery,
  getEngine,
  isEngineId,
} from './catalogue';
export { comparisonRows } from './comparison';
export type { ComparisonRow } from './comparison';
export { TRAIT_FAMILIES } from './traitNames';
export * from './resourceKinds';
export { MEASURED_TIME_TO_READY } from './measuredTimeToReady';
export type { MeasuredTimeToReady } from './measuredTimeToReadyTypes';
