import { DefinitionCache } from './DefinitionCache';

describe('DefinitionCache', () => {
  it('reads a cluster once per TTL, shared by concurrent requests', async () => {
    let now = 0;
    let reads = 0;
    const cache = new DefinitionCache({
      list: async () => {
        reads++;
        return ['aws-dynamodb-kro'];
      },
      ttlMs: 60_000,
      now: () => now,
    });
    const [a, b] = await Promise.all([
      cache.installed('local'),
      cache.installed('local'),
    ]);
    expect(reads).toBe(1);
    expect(a).toEqual({ names: new Set(['aws-dynamodb-kro']) });
    expect(b).toEqual(a);
    now = 59_000;
    await cache.installed('local');
    expect(reads).toBe(1);
    now = 61_000;
    await cache.installed('local');
    expect(reads).toBe(2);
  });

  it('keeps a failure for the TTL too, so a broken cluster is not asked on every request', async () => {
    let reads = 0;
    const cache = new DefinitionCache({
      list: async () => {
        reads++;
        throw new Error('forbidden');
      },
      now: () => 0,
    });
    expect(await cache.installed('c')).toEqual({ error: 'forbidden' });
    expect(await cache.installed('c')).toEqual({ error: 'forbidden' });
    expect(reads).toBe(1);
  });

  it('answers without waiting longer than waitMs for a slow cluster', async () => {
    let release: (names: string[]) => void = () => {};
    const cache = new DefinitionCache({
      list: () => new Promise(resolve => (release = resolve)),
      waitMs: 20,
    });
    expect(await cache.installed('slow')).toEqual({
      error: "the ComponentDefinitions of cluster 'slow' are still being read",
    });
    release(['aws-dynamodb-xp']);
    await new Promise(r => setTimeout(r, 0));
    expect(await cache.installed('slow')).toEqual({
      names: new Set(['aws-dynamodb-xp']),
    });
  });
});
