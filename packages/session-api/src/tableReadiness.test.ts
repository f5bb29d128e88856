import { userIndexOf } from './tableReadiness.ts';

describe('userIndexOf', () => {
  const index = {
    IndexName: 'userId-index',
    IndexStatus: 'ACTIVE' as const,
    KeySchema: [{ AttributeName: 'userId', KeyType: 'HASH' as const }],
    Projection: { ProjectionType: 'ALL' as const },
  };

  it('finds the active index keyed on userId that projects every attribute', () => {
    expect(userIndexOf({ GlobalSecondaryIndexes: [index] })).toBe(
      'userId-index',
    );
  });

  it.each([
    ['still being built', { IndexStatus: 'CREATING' as const }],
    [
      'with a narrower projection',
      { Projection: { ProjectionType: 'KEYS_ONLY' as const } },
    ],
    [
      'keyed on another attribute',
      { KeySchema: [{ AttributeName: 'tenant', KeyType: 'HASH' as const }] },
    ],
  ])('ignores an index %s', (_, change) => {
    expect(
      userIndexOf({ GlobalSecondaryIndexes: [{ ...index, ...change }] }),
    ).toBeUndefined();
  });

  it('answers nothing for a table without indexes', () => {
    expect(userIndexOf({})).toBeUndefined();
  });
});
