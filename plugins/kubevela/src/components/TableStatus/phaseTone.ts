import type { TablePhase } from '@vela-tables/plugin-kubevela-common';

/** How a phase is coloured: green when ready, amber while changing, red when broken, grey when unknown. */
export type PhaseTone = 'success' | 'warning' | 'error' | 'neutral';

/** The tone of each phase. */
export const PHASE_TONES: Readonly<Record<TablePhase, PhaseTone>> = {
  Ready: 'success',
  Provisioning: 'warning',
  Deleting: 'warning',
  Degraded: 'error',
  Failed: 'error',
  Unknown: 'neutral',
};

/** The phases in the order a table usually goes through them, for the timeline. */
export const PHASE_ORDER: readonly TablePhase[] = [
  'Provisioning',
  'Ready',
  'Degraded',
  'Failed',
  'Deleting',
  'Unknown',
];
