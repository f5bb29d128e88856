export {
  KubeVelaClient,
  WaitForTimeoutError,
  FIELD_MANAGER,
  DEFAULT_RETRY,
} from './KubeVelaClient';
export type {
  KubeVelaClientOptions,
  ApplyOptions,
  DeleteOptions,
  MergePatchOptions,
  WaitForOptions,
  WatchEvent,
  WatchHandle,
} from './KubeVelaClient';
export {
  toBackstageError,
  isTransientError,
  conflictingManagers,
} from './kubernetesErrors';
export type {
  RequestContext,
  KubernetesStatus,
  StatusCause,
} from './kubernetesErrors';
export { backoffDelay } from './backoff';
export type {
  KubeObject,
  KubeObjectMeta,
  ObjectRef,
  ListQuery,
  BackoffOptions,
  RetryOptions,
} from './types';
