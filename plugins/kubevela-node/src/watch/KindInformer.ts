import { backoffDelay, sleep } from '../client/backoff';
import type { KubeObject } from '../client/types';
import type { BackoffOptions } from '../client/types';
import { LabelIndex } from './LabelIndex';
import type { ListCollection } from './listCollection';
import type { CollectionEvent, WatchCollection } from './watchCollection';
import type { WatchedKind } from './watchedKinds';

/**
 * Where an informer is: `starting` before its first list; `synced` while its store follows the
 * cluster; `failing` when listing or watching fails (the store keeps what it last knew);
 * `unserved` when the cluster does not serve the kind (no CRD: nothing to hold).
 */
export type InformerState = 'starting' | 'synced' | 'failing' | 'unserved';

/** A change the informer applied to its store. */
export interface InformerChange {
  type: CollectionEvent['type'];
  object: KubeObject;
  /** The object before the change (MODIFIED, DELETED). */
  previous?: KubeObject;
}

/** Counters of an informer, for tests and the health report. */
export interface InformerStats {
  lists: number;
  watches: number;
  /** Relists caused by 410 Gone. */
  relistsOnGone: number;
  failures: number;
  /** How long the last successful list took, in milliseconds. */
  lastListMs?: number;
  /** Objects the last successful list returned. */
  lastListObjects?: number;
}

/** Options of {@link KindInformer}. */
export interface KindInformerOptions {
  kind: WatchedKind;
  list: ListCollection;
  watch: WatchCollection;
  /** Turns a raw failure into an error naming the cluster and the kind. */
  describeError: (error: unknown, verb: 'list' | 'watch') => Error;
  onChange?: (change: InformerChange) => void;
  /** Backoff between failed attempts (default 250 ms doubling up to 30 s). */
  backoff?: BackoffOptions;
  /** How often a kind the cluster does not serve is looked for again (default 60 s). */
  unservedRecheckMs?: number;
  /** Server-side watch timeout (default 300 s). */
  watchTimeoutSeconds?: number;
  now?: () => number;
}

const DEFAULT_BACKOFF: BackoffOptions = {
  initialDelayMs: 250,
  factor: 2,
  maxDelayMs: 30_000,
};

/** Labels the store is indexed by: vela-core's Application name on what it renders. */
export const INDEXED_LABELS: readonly string[] = ['app.oam.dev/name'];

function keyOf(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

// The cache holds thousands of objects; server-side apply bookkeeping is most of their size
// and no reader needs it.
function slim(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _ignored, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/**
 * One list+watch loop for one kind on one cluster, as client-go's reflector does it: list, then
 * watch from the list's resourceVersion; a watch the server closes is resumed from the last
 * resourceVersion seen (bookmarks included); 410 Gone relists; failures are retried with bounded
 * exponential backoff, and a success resets it. The store is a map of the objects by
 * namespace/name.
 */
export class KindInformer {
  readonly kind: WatchedKind;
  private readonly store = new Map<string, KubeObject>();
  private readonly index = new LabelIndex(INDEXED_LABELS);
  private readonly options: KindInformerOptions;
  private readonly now: () => number;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private stateValue: InformerState = 'starting';
  private everSynced = false;
  private lastCurrentAt?: number;
  private lastError?: Error;
  private readonly statsValue: InformerStats = {
    lists: 0,
    watches: 0,
    relistsOnGone: 0,
    failures: 0,
  };
  private readonly syncWaiters: Array<() => void> = [];
  /** Failed attempts in a row, for the backoff. */
  private attempt = 0;

  constructor(options: KindInformerOptions) {
    this.kind = options.kind;
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Starts the loop (idempotent). */
  start(): void {
    this.loop ??= this.run();
  }

  /** Stops the loop and closes the watch. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** Current state. */
  get state(): InformerState {
    return this.stateValue;
  }

  /** Whether the store was filled by a list at least once (it may be stale since). */
  get hasSynced(): boolean {
    return this.everSynced;
  }

  /** The last failure, while `failing`. */
  get error(): Error | undefined {
    return this.stateValue === 'failing' ? this.lastError : undefined;
  }

  /**
   * When the store was last known to match the cluster: now while synced, else the moment the
   * watch was lost (undefined before the first sync).
   */
  lastCurrentTime(): number | undefined {
    if (this.stateValue === 'synced' || this.stateValue === 'unserved')
      return this.now();
    return this.lastCurrentAt;
  }

  /** Counters. */
  get stats(): Readonly<InformerStats> {
    return this.statsValue;
  }

  /** One object by namespace and name. */
  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(`${namespace ?? ''}/${name}`);
  }

  /** Every object held, optionally of one namespace. */
  list(namespace?: string): KubeObject[] {
    const all = [...this.store.values()];
    return namespace === undefined
      ? all
      : all.filter(o => o.metadata.namespace === namespace);
  }

  /**
   * The objects whose label `labelKey` is `value`, optionally of one namespace, from the label
   * index; undefined when the label is not indexed (see {@link INDEXED_LABELS}).
   */
  listByLabel(
    labelKey: string,
    value: string,
    namespace?: string,
  ): KubeObject[] | undefined {
    if (!this.index.covers(labelKey)) return undefined;
    const objects: KubeObject[] = [];
    for (const key of this.index.keys(labelKey, value)) {
      const o = this.store.get(key);
      if (o && (namespace === undefined || o.metadata.namespace === namespace))
        objects.push(o);
    }
    return objects;
  }

  /** Number of objects held. */
  get size(): number {
    return this.store.size;
  }

  /** Resolves once the kind is synced or unserved, or after `timeoutMs`; returns whether it is. */
  waitForSync(timeoutMs: number): Promise<boolean> {
    if (this.stateValue === 'synced' || this.stateValue === 'unserved')
      return Promise.resolve(true);
    return new Promise(resolve => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const done = () => {
        clearTimeout(timer);
        resolve(this.stateValue === 'synced' || this.stateValue === 'unserved');
      };
      timer = setTimeout(done, timeoutMs);
      timer.unref?.();
      this.syncWaiters.push(done);
    });
  }

  private setState(state: InformerState, error?: Error): void {
    if (state === 'failing' && this.stateValue !== 'failing') {
      this.lastCurrentAt =
        this.stateValue === 'synced' ? this.now() : this.lastCurrentAt;
    }
    this.stateValue = state;
    this.lastError = error;
    if (state === 'synced' || state === 'unserved') {
      for (const w of this.syncWaiters.splice(0)) w();
    }
  }

  private replace(items: KubeObject[]): void {
    const seen = new Set<string>();
    for (const raw of items) {
      const item = slim(raw);
      const key = keyOf(item);
      seen.add(key);
      const previous = this.store.get(key);
      this.put(key, item, previous);
      if (!previous) this.emit({ type: 'ADDED', object: item });
      else if (
        previous.metadata.resourceVersion !== item.metadata.resourceVersion
      ) {
        this.emit({ type: 'MODIFIED', object: item, previous });
      }
    }
    for (const [key, previous] of [...this.store]) {
      if (!seen.has(key)) {
        this.drop(key, previous);
        this.emit({ type: 'DELETED', object: previous, previous });
      }
    }
  }

  private apply(event: CollectionEvent): void {
    const object = slim(event.object);
    const key = keyOf(object);
    const previous = this.store.get(key);
    if (event.type === 'DELETED') {
      if (previous) this.drop(key, previous);
    } else this.put(key, object, previous);
    this.emit({ type: event.type, object, previous });
  }

  private put(key: string, object: KubeObject, previous?: KubeObject): void {
    if (previous) this.index.remove(key, previous);
    this.store.set(key, object);
    this.index.add(key, object);
  }

  private drop(key: string, previous: KubeObject): void {
    this.index.remove(key, previous);
    this.store.delete(key);
  }

  private emit(change: InformerChange): void {
    try {
      this.options.onChange?.(change);
    } catch {
      // a listener's failure must not break the watch
    }
  }

  /** A watch the server accepted: the store follows the cluster again; the backoff starts over. */
  private onWatchConnected(): void {
    if (this.stateValue !== 'synced') this.setState('synced');
    this.attempt = 0;
  }

  private async run(): Promise<void> {
    const signal = this.abort.signal;
    const backoff = this.options.backoff ?? DEFAULT_BACKOFF;
    let rv: string | undefined;
    while (!signal.aborted) {
      let verb: 'list' | 'watch' = 'list';
      try {
        if (!rv) {
          this.statsValue.lists++;
          const listStart = this.now();
          const snapshot = await this.options.list(this.kind);
          this.statsValue.lastListMs = this.now() - listStart;
          this.statsValue.lastListObjects = snapshot.items.length;
          this.replace(snapshot.items);
          rv = snapshot.resourceVersion;
          this.everSynced = true;
          this.setState('synced');
          this.attempt = 0;
        }
        verb = 'watch';
        this.statsValue.watches++;
        const end = await this.options.watch(this.kind, {
          resourceVersion: rv,
          onEvent: e => this.apply(e),
          onConnected: () => this.onWatchConnected(),
          timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
          idleTimeoutMs:
            ((this.options.watchTimeoutSeconds ?? 300) + 30) * 1000,
          signal,
        });
        rv = end.resourceVersion;
        if (end.kind === 'gone') {
          this.statsValue.relistsOnGone++;
          rv = undefined;
          continue;
        }
        if (end.kind === 'error') throw end.error;
      } catch (e) {
        if (signal.aborted) break;
        const error = this.options.describeError(e, verb);
        if (verb === 'list' && isUnserved(error)) {
          this.replace([]);
          this.setState('unserved');
          await sleep(this.options.unservedRecheckMs ?? 60_000, signal).catch(
            () => {},
          );
          continue;
        }
        this.statsValue.failures++;
        this.setState('failing', error);
        await sleep(backoffDelay(this.attempt++, backoff), signal).catch(
          () => {},
        );
      }
    }
  }
}

// A list answered 404 (or discovery said so): the kind's CRD is not installed.
function isUnserved(error: Error): boolean {
  return error.name === 'NotFoundError';
}
