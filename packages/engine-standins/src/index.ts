/**
 * Local stand-ins for the engines whose controllers the package registries do not serve (the
 * ACK DynamoDB controller, Crossplane's AWS provider, Kratix). For the local platform only.
 *
 * @packageDocumentation
 */
export { runStandIns } from './runStandIns';
export type {
  RunStandInsOptions,
  RunningStandIns,
  StandInPart,
} from './runStandIns';
export { STAND_IN_IDS } from './registry';
export type { StandInId } from './registry';
