import type { KubeVelaCluster } from '../cluster/ClusterRegistry';
import { KubeVelaClient } from '../client/KubeVelaClient';
import { toBackstageError } from '../client/kubernetesErrors';
import type { KubeObject, ListQuery, ObjectRef } from '../client/types';
import type { ObjectReader } from '../status/findEngineResources';
import { KindInformer } from './KindInformer';
import type {
  InformerChange,
  InformerState,
  InformerStats,
} from './KindInformer';
import { equalityTerms, matchesLabelSelector } from './labelSelector';
import { createCollectionLister } from './listCollection';
import { Semaphore } from './Semaphore';
import { createCollectionWatcher } from './watchCollection';
import { kindKey } from './watchedKinds';
import type { WatchedKind } from './watchedKinds';

/** How fresh what the cache says about some kinds is. */
export interface Freshness {
  /** True when some kind is not followed live right now (its watch failing or not synced yet). */
  stale: boolean;
  /** When the stale data was last known current (RFC 3339); absent when never synced. */
  staleSince?: string;
  /** Seconds since `staleSince`. */
  ageSeconds?: number;
  /** Why: the failing kind's error (names the cluster). */
  error?: Error;
}

/** One kind's state on one cluster, for health reports. */
export interface KindHealth {
  apiVersion: string;
  kind: string;
  state: InformerState;
  objects: number;
  error?: string;
  stats: InformerStats;
}

/** Options of {@link ClusterWatch}. */
export interface ClusterWatchOptions {
  cluster: Pick<KubeVelaCluster, 'kubeConfig' | 'server'> & {
    config: { name: string };
  };
  kinds: readonly WatchedKind[];
  onChange?: (kind: WatchedKind, change: InformerChange) => void;
  /** Direct reads allowed at once while a kind is not synced (default 4). */
  directReadConcurrency?: number;
  /** Timeout of one list or direct read (default 10 s). */
  requestTimeoutMs?: number;
  /** Informer backoff and timings (tests). */
  informer?: {
    initialDelayMs?: number;
    maxDelayMs?: number;
    watchTimeoutSeconds?: number;
    unservedRecheckMs?: number;
  };
  now?: () => number;
}

/**
 * The informers of one cluster (one per watched kind) and an {@link ObjectReader} over them:
 * kinds that are synced are read from memory (no API call); a kind not synced yet, or whose
 * watch the cluster refuses, is read directly, at most `directReadConcurrency` requests at once.
 */
export class ClusterWatch {
  readonly name: string;
  readonly server: string;
  private readonly informers = new Map<string, KindInformer>();
  private readonly direct: KubeVelaClient;
  private readonly gate: Semaphore;
  private readonly now: () => number;

  constructor(options: ClusterWatchOptions) {
    const { cluster } = options;
    this.name = cluster.config.name;
    this.server = cluster.server;
    this.now = options.now ?? Date.now;
    const timeout = options.requestTimeoutMs ?? 10_000;
    this.direct = new KubeVelaClient({
      cluster,
      // A page polls again in 10 s: fail within about a second rather than wait out a long backoff.
      retry: { retries: 2, initialDelayMs: 100, maxDelayMs: 500 },
      requestTimeoutMs: timeout,
    });
    this.gate = new Semaphore(options.directReadConcurrency ?? 4);
    const list = createCollectionLister(
      cluster.kubeConfig,
      cluster.server,
      timeout,
    );
    const watch = createCollectionWatcher(cluster.kubeConfig);
    for (const kind of options.kinds) {
      this.informers.set(
        kindKey(kind),
        new KindInformer({
          kind,
          list,
          watch,
          describeError: (error, verb) =>
            toBackstageError(error, {
              verb,
              apiVersion: kind.apiVersion,
              kind: kind.kind,
              cluster: this.name,
              server: this.server,
            }),
          onChange: change => options.onChange?.(kind, change),
          backoff: {
            initialDelayMs: options.informer?.initialDelayMs ?? 250,
            factor: 2,
            maxDelayMs: options.informer?.maxDelayMs ?? 30_000,
          },
          watchTimeoutSeconds: options.informer?.watchTimeoutSeconds,
          unservedRecheckMs: options.informer?.unservedRecheckMs,
          now: this.now,
        }),
      );
    }
  }

  /** Starts every informer. */
  start(): void {
    for (const i of this.informers.values()) i.start();
  }

  /** Stops every informer. */
  async stop(): Promise<void> {
    await Promise.all([...this.informers.values()].map(i => i.stop()));
  }

  /** The informer of a kind; undefined for a kind that is not watched. */
  informer(kind: {
    apiVersion: string;
    kind: string;
  }): KindInformer | undefined {
    return this.informers.get(kindKey(kind));
  }

  /** Waits until every kind is synced (or unserved), at most `timeoutMs`; returns whether all are. */
  async waitForSync(timeoutMs: number): Promise<boolean> {
    const results = await Promise.all(
      [...this.informers.values()].map(i => i.waitForSync(timeoutMs)),
    );
    return results.every(Boolean);
  }

  /** Whether the given kinds (default all) are followed live. */
  isSynced(
    kinds?: ReadonlyArray<{ apiVersion: string; kind: string }>,
  ): boolean {
    return this.selected(kinds).every(
      i => i.state === 'synced' || i.state === 'unserved',
    );
  }

  /**
   * How fresh what the reader serves for the given kinds (default all) is: stale, with the time
   * it was last current and the error, when a kind is served from memory while its watch fails.
   * (A kind never synced is read directly, so it is not stale.)
   */
  freshness(
    kinds?: ReadonlyArray<{ apiVersion: string; kind: string }>,
  ): Freshness {
    const notLive = this.selected(kinds).filter(
      i => i.state === 'failing' && i.hasSynced,
    );
    if (notLive.length === 0) return { stale: false };
    const times = notLive
      .map(i => i.lastCurrentTime())
      .filter((t): t is number => t !== undefined);
    const since =
      times.length === notLive.length ? Math.min(...times) : undefined;
    const error = notLive.map(i => i.error).find(e => e !== undefined);
    return {
      stale: true,
      ...(since !== undefined
        ? {
            staleSince: new Date(since).toISOString(),
            ageSeconds: Math.round((this.now() - since) / 1000),
          }
        : {}),
      ...(error ? { error } : {}),
    };
  }

  /** Per-kind state, object counts and counters. */
  health(): KindHealth[] {
    return [...this.informers.values()].map(i => ({
      apiVersion: i.kind.apiVersion,
      kind: i.kind.kind,
      state: i.state,
      objects: i.size,
      ...(i.error ? { error: i.error.message } : {}),
      stats: { ...i.stats },
    }));
  }

  /**
   * An ObjectReader for the status readers: memory for kinds that were synced at least once
   * (stale data included: the caller reports freshness), direct reads otherwise. A kind the
   * cluster does not serve reads as empty, as `findEngineResources` expects.
   */
  reader(): ObjectReader & {
    get(ref: ObjectRef): Promise<KubeObject | undefined>;
  } {
    const tryGet = async (ref: ObjectRef): Promise<KubeObject | undefined> => {
      const informer = this.informer(ref);
      if (informer && (informer.hasSynced || informer.state === 'unserved')) {
        return informer.get(ref.namespace, ref.name);
      }
      return this.gate.run(() => this.direct.tryGet(ref));
    };
    const list = async (query: ListQuery): Promise<KubeObject[]> => {
      const informer = this.informer(query);
      if (informer && (informer.hasSynced || informer.state === 'unserved')) {
        // An indexed label narrows the candidates; the whole selector still decides.
        let candidates: KubeObject[] | undefined;
        for (const t of equalityTerms(query.labelSelector)) {
          candidates = informer.listByLabel(t.key, t.value, query.namespace);
          if (candidates) break;
        }
        return (candidates ?? informer.list(query.namespace)).filter(o =>
          matchesLabelSelector(o.metadata.labels, query.labelSelector),
        );
      }
      return this.gate.run(() => this.direct.list(query));
    };
    return { tryGet, get: tryGet, list };
  }

  private selected(
    kinds?: ReadonlyArray<{ apiVersion: string; kind: string }>,
  ): KindInformer[] {
    if (!kinds) return [...this.informers.values()];
    return kinds
      .map(k => this.informer(k))
      .filter((i): i is KindInformer => i !== undefined);
  }
}
