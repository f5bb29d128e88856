/** Options of {@link StatusCache}. */
export interface StatusCacheOptions {
  /** How long a settled value is reused, in milliseconds; 0 turns the cache off (in-flight reads are still shared). */
  ttlMs: number;
  /** Clock (tests). */
  now?: () => number;
  /** Upper bound of entries kept; expired ones are swept first, then the oldest. Defaults to 1000. */
  maxEntries?: number;
}

interface Entry<T> {
  value: Promise<T>;
  /** When the value may no longer be used; Infinity while the read is in flight. */
  expiresAt: number;
}

/**
 * A short-lived, single-flight cache: concurrent callers of one key share one read, and a
 * successful result is reused for `ttlMs`. Failures are not kept: the next call reads again.
 */
export class StatusCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(options: StatusCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 1000;
  }

  /** The cached value of `key`, or the result of `read()` (stored on success). */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    this.entries.delete(key);
    this.makeRoom();
    const entry: Entry<T> = { value: read(), expiresAt: Infinity };
    this.entries.set(key, entry);
    entry.value.then(
      () => {
        if (this.entries.get(key) !== entry) return;
        if (this.ttlMs > 0) entry.expiresAt = this.now() + this.ttlMs;
        else this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.value;
  }

  /** Forgets a key, so that the next get reads again. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Number of entries held (in flight or fresh). */
  get size(): number {
    return this.entries.size;
  }

  private makeRoom(): void {
    if (this.entries.size < this.maxEntries) return;
    const now = this.now();
    for (const [k, e] of this.entries)
      if (e.expiresAt <= now) this.entries.delete(k);
    for (const k of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}
