export { PhaseHistoryStore, HISTORY_LIMIT } from './PhaseHistoryStore';
export type { ApplicationKey } from './PhaseHistoryStore';
export { PhaseHistoryRecorder } from './PhaseHistoryRecorder';
export type { PhaseHistoryRecorderOptions } from './PhaseHistoryRecorder';
export { transitionReason } from './transitionReason';
