import { PhaseHistoryMirror } from './PhaseHistoryMirror';
import { HISTORY_LIMIT } from './PhaseHistoryStore';
import type { HistoryRow } from './PhaseHistoryStore';

// Pure logic of the mirror with an in-memory table standing for the database; the real store on
// SQLite and PostgreSQL is exercised in phaseHistory.integration.test.ts.

const key = { cluster: 'local', namespace: 'team-a', application: 'orders' };
const row = (id: number, phase = 'Provisioning', application = 'orders') =>
  ({
    id,
    key: { ...key, application },
    transition: {
      phase,
      at: `2026-11-29T12:00:${String(id % 60).padStart(2, '0')}Z`,
    },
  } as HistoryRow);

function table(rows: HistoryRow[]) {
  const reads: Array<[number, number]> = [];
  return {
    rows,
    reads,
    store: {
      async rowsAfter(afterId: number, limit: number) {
        reads.push([afterId, limit]);
        return rows
          .filter(r => r.id > afterId)
          .sort((a, b) => a.id - b.id)
          .slice(0, limit);
      },
    },
  };
}

describe('PhaseHistoryMirror', () => {
  it('loads the table in pages and serves each Application’s transitions oldest first', async () => {
    const t = table([row(1), row(2, 'Ready'), row(3, 'Provisioning', 'carts')]);
    const mirror = new PhaseHistoryMirror({ store: t.store, pageSize: 2 });
    await mirror.start();
    mirror.stop();
    expect(mirror.list(key).map(x => x.phase)).toEqual([
      'Provisioning',
      'Ready',
    ]);
    expect(mirror.list({ ...key, application: 'carts' })).toHaveLength(1);
    expect(mirror.list({ ...key, application: 'none' })).toEqual([]);
    expect(t.reads).toEqual([
      [0, 2],
      [2, 2],
    ]);
  });

  it('follows above the highest id held; the catch-up reads again below it, so a row committed late is not missed, and never holds one twice', async () => {
    const t = table([row(1), row(3, 'Ready')]);
    const mirror = new PhaseHistoryMirror({ store: t.store, overlap: 5 });
    await mirror.follow();
    // id 2 becomes visible after id 3 was read (another replica's slower transaction)
    t.rows.push(row(2, 'Degraded'), row(4, 'Ready'));
    // follow reads only above the highest id held: id 2 waits for the catch-up read
    await mirror.follow();
    expect(mirror.list(key).map(x => x.phase)).toEqual([
      'Provisioning',
      'Ready',
      'Ready',
    ]);
    expect(t.reads[1][0]).toBe(3);
    await mirror.catchUp();
    expect(mirror.list(key).map(x => x.phase)).toEqual([
      'Provisioning',
      'Degraded',
      'Ready',
      'Ready',
    ]);
    expect(t.reads[2][0]).toBe(0);
  });

  it('keeps the newest transitions per Application', async () => {
    const rows = Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) =>
      row(i + 1),
    );
    const mirror = new PhaseHistoryMirror({ store: table(rows).store });
    await mirror.follow();
    const held = mirror.list(key);
    expect(held).toHaveLength(HISTORY_LIMIT);
    expect(held[0].at).toBe(rows[5].transition.at);
  });

  it('a follow while a read runs reads once more after it, and calls meanwhile share that read', async () => {
    const t = table([row(1)]);
    let release!: () => void;
    const gate = new Promise<void>(r => (release = r));
    const slow = {
      async rowsAfter(afterId: number, limit: number) {
        const result = await t.store.rowsAfter(afterId, limit);
        if (t.reads.length === 1) await gate;
        return result;
      },
    };
    const mirror = new PhaseHistoryMirror({ store: slow });
    const first = mirror.follow();
    t.rows.push(row(2, 'Ready'));
    const second = mirror.follow();
    const third = mirror.follow();
    release();
    await Promise.all([first, second, third]);
    expect(t.reads).toHaveLength(2);
    expect(mirror.list(key).map(x => x.phase)).toEqual([
      'Provisioning',
      'Ready',
    ]);
  });

  it('keeps what it holds when the database fails, and says so', async () => {
    const t = table([row(1)]);
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as any;
    let fail = false;
    const mirror = new PhaseHistoryMirror({
      logger,
      store: {
        rowsAfter: (a: number, l: number) =>
          fail
            ? Promise.reject(new Error('connection refused'))
            : t.store.rowsAfter(a, l),
      },
    });
    await mirror.follow();
    fail = true;
    await mirror.follow();
    expect(mirror.list(key)).toHaveLength(1);
    expect(warnings).toEqual([
      'kubevela: could not read the phase history: connection refused',
    ]);
  });
});
