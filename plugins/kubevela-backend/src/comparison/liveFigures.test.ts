import { liveFigures, secondsToReady, tableKey } from './liveFigures';
import type { RecordedPhase, WatchedTable } from './liveFigures';

const row = (
  application: string,
  phase: RecordedPhase['phase'],
  at: string,
): RecordedPhase => ({
  cluster: 'local',
  namespace: 'team-a',
  application,
  phase,
  at,
});

describe('secondsToReady', () => {
  const created = '2026-11-29T10:00:00Z';

  it('measures from the creation to the first Ready the watches saw after Provisioning', () => {
    expect(
      secondsToReady(created, [
        row('a', 'Provisioning', '2026-11-29T10:00:01.000Z'),
        row('a', 'Ready', '2026-11-29T10:00:42.500Z'),
        row('a', 'Degraded', '2026-11-29T10:05:00.000Z'),
        row('a', 'Ready', '2026-11-29T10:06:00.000Z'),
      ]),
    ).toBe(42.5);
  });

  it('takes no sample when the first phase seen was already Ready (Ready before it was watched)', () => {
    expect(
      secondsToReady(created, [row('a', 'Ready', '2026-11-29T11:00:00Z')]),
    ).toBeUndefined();
  });

  it('takes no sample while the table never became Ready', () => {
    expect(
      secondsToReady(created, [
        row('a', 'Provisioning', '2026-11-29T10:00:01Z'),
        row('a', 'Failed', '2026-11-29T10:00:09Z'),
      ]),
    ).toBeUndefined();
  });

  it('ignores the history of an earlier Application of the same name', () => {
    expect(
      secondsToReady(created, [
        row('a', 'Provisioning', '2026-11-28T09:00:00Z'),
        row('a', 'Ready', '2026-11-28T09:00:30Z'),
        row('a', 'Deleting', '2026-11-28T09:10:00Z'),
        row('a', 'Provisioning', '2026-11-29T10:00:02Z'),
        row('a', 'Ready', '2026-11-29T10:00:12Z'),
      ]),
    ).toBe(12);
  });

  it('takes no sample without a creation time', () => {
    expect(
      secondsToReady(undefined, [
        row('a', 'Provisioning', '2026-11-29T10:00:02Z'),
        row('a', 'Ready', '2026-11-29T10:00:12Z'),
      ]),
    ).toBeUndefined();
  });
});

describe('liveFigures', () => {
  const table = (
    name: string,
    engine: WatchedTable['engine'],
  ): WatchedTable => ({
    cluster: 'local',
    namespace: 'team-a',
    name,
    engine,
    createdAt: '2026-11-29T10:00:00Z',
  });

  it('counts tables and Ready per engine, with the median time to Ready and its sample size', () => {
    const tables = [
      table('a', 'kro'),
      table('b', 'kro'),
      table('c', 'kro'),
      table('d', 'crossplane'),
    ];
    const currentPhases = new Map([
      [tableKey(tables[0]), 'Ready' as const],
      [tableKey(tables[1]), 'Ready' as const],
      [tableKey(tables[2]), 'Provisioning' as const],
    ]);
    const figures = liveFigures({
      tables,
      currentPhases,
      history: [
        row('a', 'Provisioning', '2026-11-29T10:00:01Z'),
        row('a', 'Ready', '2026-11-29T10:00:20Z'),
        row('b', 'Provisioning', '2026-11-29T10:00:01Z'),
        row('b', 'Ready', '2026-11-29T10:00:40Z'),
        row('c', 'Provisioning', '2026-11-29T10:00:01Z'),
      ],
      source: 'test',
    });
    const kro = figures.find(f => f.engine === 'kro');
    expect(kro).toEqual({
      engine: 'kro',
      tables: 3,
      ready: 2,
      shareReady: 2 / 3,
      medianSecondsToReady: 30,
      sampleSize: 2,
      source: 'test',
    });
    expect(figures.find(f => f.engine === 'crossplane')).toEqual({
      engine: 'crossplane',
      tables: 1,
      ready: 0,
      shareReady: 0,
      sampleSize: 0,
      source: 'test',
    });
    expect(figures.find(f => f.engine === 'kratix')).toEqual({
      engine: 'kratix',
      tables: 0,
      ready: 0,
      sampleSize: 0,
      source: 'test',
    });
  });
});
