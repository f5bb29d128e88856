export { PhaseHistoryStore, HISTORY_LIMIT } from './PhaseHistoryStore';
export type { ApplicationKey, HistoryRow } from './PhaseHistoryStore';
export { PhaseHistoryRecorder } from './PhaseHistoryRecorder';
export type { PhaseHistoryRecorderOptions } from './PhaseHistoryRecorder';
export { transitionReason } from './transitionReason';
export { PhaseHistoryMirror } from './PhaseHistoryMirror';
export type { PhaseHistoryMirrorOptions } from './PhaseHistoryMirror';
