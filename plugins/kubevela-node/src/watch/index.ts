export { KubeVelaWatchService } from './KubeVelaWatchService';
export type {
  KubeVelaWatchServiceOptions,
  ObjectChange,
  ObjectChangeListener,
} from './KubeVelaWatchService';
export { ClusterWatch } from './ClusterWatch';
export type {
  ClusterWatchOptions,
  Freshness,
  KindHealth,
} from './ClusterWatch';
export { KindInformer } from './KindInformer';
export type {
  InformerChange,
  InformerState,
  InformerStats,
  KindInformerOptions,
} from './KindInformer';
export { kubevelaWatchServiceRef } from './watchServiceRef';
export {
  APPLICATION_KIND,
  collectionPath,
  kindKey,
  watchedKinds,
} from './watchedKinds';
export type { WatchedKind } from './watchedKinds';
export { matchesLabelSelector } from './labelSelector';
