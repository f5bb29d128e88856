/**
 * Scaffolder actions that build, validate and apply KubeVela Applications for DynamoDB tables.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKubeVela as default } from './module';
export { createKubeVelaActions } from './actions';
