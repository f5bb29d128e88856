export { buildKubeConfig } from './buildKubeConfig';
export { ClusterRegistry } from './ClusterRegistry';
export type { KubeVelaCluster } from './ClusterRegistry';
