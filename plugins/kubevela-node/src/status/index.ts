export {
  readTableStatus,
  summariseApplication,
  engineOfApplication,
  ENGINE_STATUS_READERS,
} from './readTableStatus';
export type { ReadTableStatusInput } from './readTableStatus';
export { readCrossplaneTableStatus } from './readCrossplaneTableStatus';
export { readKroTableStatus } from './readKroTableStatus';
export { readKroSimpleTableStatus } from './readKroSimpleTableStatus';
export { readKratixTableStatus } from './readKratixTableStatus';
export {
  findEngineResources,
  appliedEngineResourceRefs,
} from './findEngineResources';
export type { ObjectReader } from './findEngineResources';
export type { EngineTableReading, EngineStatusReader } from './types';
