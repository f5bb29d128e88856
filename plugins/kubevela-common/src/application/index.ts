export * from './types';
export { buildApplication } from './buildApplication';
export type { BuildApplicationOptions } from './buildMetadata';
export type { TableAdoptionOptions } from './tableAdoption';
export {
  buildSessionApiApplication,
  SESSION_API_COMPONENT,
  sessionApiComponentName,
  SESSION_TTL_ATTRIBUTE,
} from './buildSessionApiApplication';
export type { SessionApiOptions } from './buildSessionApiApplication';
export { applicationToYaml } from './applicationToYaml';
export { BuildOptionsError } from './BuildOptionsError';
export { engineOfComponentType, traitFamilyOf } from './engineOfComponent';
export { typesNotOffered } from './offeredTypes';
export type { OfferedTypes } from './offeredTypes';
