import { StatusCache } from './StatusCache';

describe('StatusCache', () => {
  function clock(start = 0) {
    let t = start;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }

  it('reuses a value within its TTL', async () => {
    const c = clock();
    const cache = new StatusCache<number>({ ttlMs: 5000, now: c.now });
    const read = jest.fn().mockResolvedValue(1);
    await cache.get('k', read);
    c.advance(4999);
    await expect(cache.get('k', read)).resolves.toBe(1);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('reads again once the TTL has passed', async () => {
    const c = clock();
    const cache = new StatusCache<number>({ ttlMs: 5000, now: c.now });
    const read = jest.fn().mockResolvedValueOnce(1).mockResolvedValueOnce(2);
    await cache.get('k', read);
    c.advance(5000);
    await expect(cache.get('k', read)).resolves.toBe(2);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('lets concurrent callers of one key share one read', async () => {
    const cache = new StatusCache<number>({ ttlMs: 5000 });
    let resolve: (v: number) => void = () => {};
    const read = jest.fn(() => new Promise<number>(r => (resolve = r)));
    const both = Promise.all([cache.get('k', read), cache.get('k', read)]);
    resolve(7);
    await expect(both).resolves.toEqual([7, 7]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart', async () => {
    const cache = new StatusCache<string>({ ttlMs: 5000 });
    await expect(cache.get('a', async () => 'A')).resolves.toBe('A');
    await expect(cache.get('b', async () => 'B')).resolves.toBe('B');
  });

  it('does not keep a failure: the next call reads again', async () => {
    const cache = new StatusCache<number>({ ttlMs: 5000 });
    const read = jest
      .fn()
      .mockRejectedValueOnce(new Error('apiserver down'))
      .mockResolvedValueOnce(3);
    await expect(cache.get('k', read)).rejects.toThrow('apiserver down');
    await expect(cache.get('k', read)).resolves.toBe(3);
  });

  it('only shares in-flight reads when the TTL is 0', async () => {
    const cache = new StatusCache<number>({ ttlMs: 0 });
    const read = jest.fn().mockResolvedValue(1);
    await cache.get('k', read);
    await cache.get('k', read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries entries', async () => {
    const cache = new StatusCache<number>({ ttlMs: 5000, maxEntries: 2 });
    for (const k of ['a', 'b', 'c', 'd']) await cache.get(k, async () => 1);
    expect(cache.size).toBeLessThanOrEqual(2);
  });
});
