import { createAckStandIn } from './ack';
import { createCrossplaneStandIn } from './crossplane';
import { createKratixStandIn } from './kratix';
import type { Reconciler } from './runtime/types';

/** The engines the stand-ins cover, by the id used on the command line. */
export const STAND_IN_IDS = ['ack', 'crossplane', 'kratix'] as const;

/** One of {@link STAND_IN_IDS}. */
export type StandInId = (typeof STAND_IN_IDS)[number];

/** Creates the reconciler of each stand-in. */
export const STAND_INS: Readonly<Record<StandInId, () => Reconciler>> = {
  ack: createAckStandIn,
  crossplane: createCrossplaneStandIn,
  kratix: createKratixStandIn,
};
