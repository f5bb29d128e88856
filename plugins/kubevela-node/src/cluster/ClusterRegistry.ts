import { NotFoundError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import type {
  KubeVelaClusterConfig,
  KubeVelaConfig,
} from '../config/readKubeVelaConfig';
import { buildKubeConfig } from './buildKubeConfig';

/** A configured cluster with its ready-to-use KubeConfig. */
export interface KubeVelaCluster {
  /** The cluster's configuration. */
  config: KubeVelaClusterConfig;
  /** KubeConfig for `@kubernetes/client-node`. */
  kubeConfig: KubeConfig;
  /** API server URL. */
  server: string;
}

/** The clusters KubeVela runs on, picked by name (entity annotation `kubevela.io/cluster`). */
export class ClusterRegistry {
  private readonly clusters: KubeVelaClusterConfig[];
  private readonly built = new Map<string, KubeVelaCluster>();

  /** A registry of the clusters of a read `kubevela` config. */
  static fromConfig(config: Pick<KubeVelaConfig, 'clusters'>): ClusterRegistry {
    return new ClusterRegistry(config.clusters);
  }

  constructor(clusters: KubeVelaClusterConfig[]) {
    const seen = new Set<string>();
    for (const c of clusters) {
      if (seen.has(c.name)) {
        throw new Error(
          `cluster '${c.name}' is configured twice; cluster names must be unique`,
        );
      }
      seen.add(c.name);
    }
    this.clusters = clusters;
  }

  /** Names of the configured clusters, in config order. */
  names(): string[] {
    return this.clusters.map(c => c.name);
  }

  /**
   * The named cluster, or the first configured one when no name is given; NotFoundError
   * naming the known clusters otherwise.
   */
  get(name?: string): KubeVelaCluster {
    const config =
      name === undefined
        ? this.clusters[0]
        : this.clusters.find(c => c.name === name);
    if (!config) {
      const known = this.names();
      throw new NotFoundError(
        name === undefined
          ? 'no KubeVela cluster is configured: set kubevela.clusters or kubernetes.clusterLocatorMethods (type config)'
          : `no KubeVela cluster named '${name}' is configured (known clusters: ${
              known.length ? known.map(n => `'${n}'`).join(', ') : 'none'
            })`,
      );
    }
    let cluster = this.built.get(config.name);
    if (!cluster) {
      const kubeConfig = buildKubeConfig(config);
      cluster = {
        config,
        kubeConfig,
        server:
          kubeConfig.getCurrentCluster()?.server ??
          config.url ??
          '<unknown server>',
      };
      this.built.set(config.name, cluster);
    }
    return cluster;
  }
}
