/**
 * The local platform for tests and the portal: etcd + kube-apiserver (+ kube-controller-manager)
 * built from Go modules with the real CRDs installed, and moto's DynamoDB server, on loopback.
 *
 * @packageDocumentation
 */
export { startLocalPlatform, platformJsonOf } from './platform';
export type {
  LocalPlatform,
  LocalPlatformOptions,
  PlatformExtras,
} from './platform';
export { startKro, startVelaCore } from './controllers';
export type { RunningController } from './controllers';
export {
  PORTAL_SERVICE_ACCOUNT,
  applyPlatformManifests,
  createServiceAccountToken,
  exampleFiles,
  waitForRgdsActive,
} from './manifests';
export type { AppliedManifests } from './manifests';
export {
  ADMIN_USER,
  PORTAL_USER,
  RESTRICTED_USER,
  CONTROLLER_MANAGER_USER,
} from './apiserver';
export {
  locateBinaries,
  binaryPaths,
  readVersions,
  readControllerVersions,
  findRepoRoot,
  cacheDir,
} from './binaries';
export type {
  ControllerVersions,
  PlatformBinaries,
  PlatformVersions,
} from './binaries';
export {
  applyManifests,
  installCrds,
  kubectl,
  kubectlOrThrow,
  crdsDir,
  sharedDir,
} from './crds';
export type { KubectlContext } from './crds';
export { kubeRequest } from './kubeApi';
export type { KubeConnection, KubeResponse } from './kubeApi';
export { dynamodbRequest, DEFAULT_REGION } from './moto';
export { clearDynamoDbFaults, injectDynamoDbFault } from './dynamodbFaults';
export type { DynamoDbFault } from './dynamodbFaults';
export type { DynamoDbResponse } from './moto';
export { getFreePort, getFreePorts } from './ports';
export { listRuns, readPlatformInfo, stateRoot } from './state';
export type {
  PlatformInfo,
  RecordedAdmissionWebhook,
  RecordedController,
  RecordedStandIns,
  StandInPart,
} from './state';
export { platformParts } from './parts';
export type { PlatformPart } from './parts';
export type { RunningStandIns } from './standIns';
export {
  createTestNamespace,
  getTestPlatform,
  getControllerTestPlatform,
  kubeConnection,
  kubectlFor,
  ENV_DYNAMODB_ENDPOINT,
  ENV_KUBECONFIG,
  ENV_PLATFORM_JSON,
} from './testing';
export type { TestNamespace } from './testing';
