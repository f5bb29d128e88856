import type { KubeObject } from '../client/types';

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The keys of a store's objects by the value of a few labels, so that a selector on one of them
 * (`app.oam.dev/name=<app>`, which every status request uses to find an Application's engine
 * resources) costs a map lookup instead of a pass over thousands of objects.
 */
export class LabelIndex {
  private readonly byLabel = new Map<string, Map<string, Set<string>>>();

  constructor(readonly labelKeys: readonly string[]) {
    for (const k of labelKeys) this.byLabel.set(k, new Map());
  }

  /** Whether selectors on `labelKey` can be answered from the index. */
  covers(labelKey: string): boolean {
    return this.byLabel.has(labelKey);
  }

  /** Records the object stored under `key` (call {@link remove} for its previous version first). */
  add(key: string, object: KubeObject): void {
    for (const [labelKey, values] of this.byLabel) {
      const value = object.metadata.labels?.[labelKey];
      if (value === undefined) continue;
      let keys = values.get(value);
      if (!keys) {
        keys = new Set();
        values.set(value, keys);
      }
      keys.add(key);
    }
  }

  /** Forgets the object stored under `key`. */
  remove(key: string, object: KubeObject): void {
    for (const [labelKey, values] of this.byLabel) {
      const value = object.metadata.labels?.[labelKey];
      if (value === undefined) continue;
      const keys = values.get(value);
      keys?.delete(key);
      if (keys?.size === 0) values.delete(value);
    }
  }

  /** The store keys of the objects whose label `labelKey` is `value`. */
  keys(labelKey: string, value: string): ReadonlySet<string> {
    return this.byLabel.get(labelKey)?.get(value) ?? EMPTY;
  }
}
