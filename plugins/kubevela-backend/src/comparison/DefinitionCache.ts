import type { InstalledDefinitions } from './engineAvailability';

/** Options of {@link DefinitionCache}. */
export interface DefinitionCacheOptions {
  /** Lists the ComponentDefinition names installed on a cluster (one API call). */
  list: (cluster: string) => Promise<string[]>;
  /** How long an answer (or a failure) is reused (default 60 s). */
  ttlMs?: number;
  /** How long a request waits for a read under way before it answers without it (default 3 s). */
  waitMs?: number;
  now?: () => number;
}

interface Entry {
  value?: InstalledDefinitions;
  at: number;
  reading?: Promise<InstalledDefinitions>;
}

/**
 * The ComponentDefinitions installed per cluster, read at most once per `ttlMs` per cluster
 * however many comparisons are asked for: a failure (cluster down, list refused) is kept for
 * the same time, so a broken cluster is not asked on every request. A request waits for a read
 * under way at most `waitMs`, then answers with the last value (or says it is still reading).
 */
export class DefinitionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly options: DefinitionCacheOptions;
  private readonly now: () => number;

  constructor(options: DefinitionCacheOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** The installed definitions of a cluster, as last read. */
  async installed(cluster: string): Promise<InstalledDefinitions> {
    const ttl = this.options.ttlMs ?? 60_000;
    let entry = this.entries.get(cluster);
    if (entry?.value && this.now() - entry.at < ttl) return entry.value;
    if (!entry) {
      entry = { at: 0 };
      this.entries.set(cluster, entry);
    }
    const current = entry;
    current.reading ??= this.read(cluster).then(value => {
      current.value = value;
      current.at = this.now();
      current.reading = undefined;
      return value;
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      current.reading,
      new Promise<undefined>(resolve => {
        timer = setTimeout(
          () => resolve(undefined),
          this.options.waitMs ?? 3000,
        );
      }),
    ]);
    clearTimeout(timer);
    return (
      waited ??
      current.value ?? {
        error: `the ComponentDefinitions of cluster '${cluster}' are still being read`,
      }
    );
  }

  private async read(cluster: string): Promise<InstalledDefinitions> {
    try {
      return { names: new Set(await this.options.list(cluster)) };
    } catch (e) {
      return { error: (e as Error).message || String(e) };
    }
  }
}
