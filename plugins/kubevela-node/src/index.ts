/**
 * Node-side library of the Vela Tables plugins: cluster config, cluster client,
 * status readers and the DynamoDB describer.
 *
 * @packageDocumentation
 */
export {
  allowedNamespacesOn,
  readKubeVelaConfig,
} from './config/readKubeVelaConfig';
export type {
  KubeVelaAwsConfig,
  KubeVelaClusterConfig,
  KubeVelaConfig,
  KubeVelaOffer,
} from './config/readKubeVelaConfig';
export {
  DEFAULT_GITOPS_PATH,
  DEFAULT_GITOPS_TARGET_BRANCH,
  gitOpsFilePath,
} from './config/readGitOpsConfig';
export type { KubeVelaGitOpsConfig } from './config/readGitOpsConfig';
export * from './cluster';
export * from './client';
export * from './status';
export * from './dynamodb';
export * from './engineResources';
export * from './watch';
