export { EntityTableStatusCard } from './TableStatusCard';
export { TableStatusView } from './TableStatusView';
export { PhaseChip } from './PhaseChip';
export { PHASE_TONES } from './phaseTone';
export type { PhaseTone } from './phaseTone';
