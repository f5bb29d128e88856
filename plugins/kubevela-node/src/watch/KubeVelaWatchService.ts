import type { ClusterRegistry } from '../cluster/ClusterRegistry';
import type { KubeObject } from '../client/types';
import { ClusterWatch } from './ClusterWatch';
import type { ClusterWatchOptions, KindHealth } from './ClusterWatch';
import type { InformerChange } from './KindInformer';
import { watchedKinds } from './watchedKinds';
import type { WatchedKind } from './watchedKinds';

/** A change seen by a watch, with where it happened. */
export interface ObjectChange extends InformerChange {
  cluster: string;
  kind: WatchedKind;
}

/** A listener of {@link KubeVelaWatchService.subscribe}. */
export type ObjectChangeListener = (change: ObjectChange) => void;

/** Options of {@link KubeVelaWatchService}. */
export interface KubeVelaWatchServiceOptions {
  clusters: ClusterRegistry;
  /** Kinds to watch (default: Applications and every engine's resource kinds). */
  kinds?: readonly WatchedKind[];
  /** Passed to every {@link ClusterWatch}. */
  cluster?: Omit<ClusterWatchOptions, 'cluster' | 'kinds' | 'onChange'>;
}

/**
 * The one set of watches of the backend: for every configured cluster, one informer per watched
 * kind. Everything that needs to know what the clusters hold (table status, the catalog entity
 * provider, the phase history) reads it here and subscribes to its changes, so the clusters see
 * one list+watch per kind however many pages, polls and consumers there are.
 */
export class KubeVelaWatchService {
  private readonly watches = new Map<string, ClusterWatch>();
  private readonly listeners = new Set<ObjectChangeListener>();
  private readonly registry: ClusterRegistry;
  private started = false;

  constructor(options: KubeVelaWatchServiceOptions) {
    this.registry = options.clusters;
    const kinds = options.kinds ?? watchedKinds();
    for (const name of options.clusters.names()) {
      this.watches.set(
        name,
        new ClusterWatch({
          ...options.cluster,
          cluster: options.clusters.get(name),
          kinds,
          onChange: (kind, change) => {
            for (const l of this.listeners)
              l({ ...change, cluster: name, kind });
          },
        }),
      );
    }
  }

  /** Starts every watch (idempotent); the first caller starts them, later ones share them. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const w of this.watches.values()) w.start();
  }

  /** Stops every watch. */
  async stop(): Promise<void> {
    await Promise.all([...this.watches.values()].map(w => w.stop()));
  }

  /** Names of the clusters, in config order. */
  clusterNames(): string[] {
    return this.registry.names();
  }

  /** The watches of a cluster; the first configured one when no name is given (NotFoundError naming the known clusters otherwise). */
  cluster(name?: string): ClusterWatch {
    const resolved = this.registry.get(name).config.name;
    return this.watches.get(resolved)!;
  }

  /**
   * Calls `listener` for every change (ADDED, MODIFIED, DELETED) of every watched kind on every
   * cluster, including the ADDED of each object when a kind is first listed. Returns an
   * unsubscribe function.
   */
  subscribe(listener: ObjectChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every object of a kind held for a cluster (memory only). */
  objects(
    cluster: string,
    kind: { apiVersion: string; kind: string },
  ): KubeObject[] {
    return this.cluster(cluster).informer(kind)?.list() ?? [];
  }

  /** Waits until every cluster's kinds are synced, at most `timeoutMs`; returns whether all are. */
  async waitForSync(timeoutMs: number): Promise<boolean> {
    const results = await Promise.all(
      [...this.watches.values()].map(w => w.waitForSync(timeoutMs)),
    );
    return results.every(Boolean);
  }

  /** Per cluster and kind: state, objects held and counters. */
  health(): Record<string, KindHealth[]> {
    return Object.fromEntries(
      [...this.watches].map(([name, w]) => [name, w.health()]),
    );
  }
}
