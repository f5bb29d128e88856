/**
 * Catalog entity provider for Vela Tables: KubeVela Applications of DynamoDB tables, in every
 * configured cluster, as `Resource` entities of type `dynamodb-table`.
 *
 * @packageDocumentation
 */
export { catalogModuleKubeVelaApplications as default } from './module';
export { KubeVelaApplicationProvider } from './provider/KubeVelaApplicationProvider';
export type { KubeVelaApplicationProviderOptions } from './provider/KubeVelaApplicationProvider';
export {
  applicationToEntity,
  isTableApplication,
  OWNER_KEY,
  SYSTEM_KEY,
  TABLE_ENTITY_TYPE,
} from './provider/applicationToEntity';
export type { ApplicationPlacement } from './provider/applicationToEntity';
