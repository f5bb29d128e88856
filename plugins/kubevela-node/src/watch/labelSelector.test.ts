import { equalityTerms, matchesLabelSelector } from './labelSelector';

describe('matchesLabelSelector', () => {
  const labels = { 'app.oam.dev/name': 'orders', tier: 'db' };

  it('matches every equality term', () => {
    expect(matchesLabelSelector(labels, 'app.oam.dev/name=orders')).toBe(true);
    expect(
      matchesLabelSelector(labels, 'app.oam.dev/name==orders,tier=db'),
    ).toBe(true);
    expect(matchesLabelSelector(labels, 'app.oam.dev/name=payments')).toBe(
      false,
    );
    expect(matchesLabelSelector(undefined, 'tier=db')).toBe(false);
  });

  it('supports != and an empty selector', () => {
    expect(matchesLabelSelector(labels, 'tier!=cache')).toBe(true);
    expect(matchesLabelSelector(labels, 'tier!=db')).toBe(false);
    expect(matchesLabelSelector(labels, '')).toBe(true);
  });

  it('refuses set-based terms instead of answering wrongly', () => {
    expect(() => matchesLabelSelector(labels, 'tier in (db)')).toThrow(
      "term 'tier in (db)'",
    );
  });
});

describe('equalityTerms', () => {
  it('gives the k=v and k==v terms, not k!=v', () => {
    expect(equalityTerms('app.oam.dev/name=orders, tier==db,zone!=a')).toEqual([
      { key: 'app.oam.dev/name', value: 'orders' },
      { key: 'tier', value: 'db' },
    ]);
    expect(equalityTerms(undefined)).toEqual([]);
  });
});
