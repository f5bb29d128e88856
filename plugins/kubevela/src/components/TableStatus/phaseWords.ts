import type { TablePhase } from '@vela-tables/plugin-kubevela-common';

/** Each phase said in a sentence, for people who do not know the engines' vocabulary. */
export const PHASE_WORDS: Readonly<Record<TablePhase, string>> = {
  Ready:
    'The table exists in DynamoDB and the engine has applied everything asked of it.',
  Provisioning:
    'The engine is creating or changing the table; this usually takes under a minute.',
  Degraded:
    'The table exists, but something around it is wrong: see why below.',
  Failed:
    'The engine or DynamoDB refused the table; it will not be fixed by waiting.',
  Deleting: 'The table is being deleted.',
  Unknown: 'The portal cannot tell what state the table is in.',
};
