import { ENGINES } from '../engines/catalogue';
import { isLikeForLike, LIKE_FOR_LIKE_MIGRATIONS } from './likeForLike';

describe('like-for-like migrations', () => {
  it('pairs only engines whose traits have the same families and whose components take the same features', () => {
    for (const [from, to] of LIKE_FOR_LIKE_MIGRATIONS) {
      expect(Object.keys(ENGINES[from].traits ?? {}).sort()).toEqual(
        Object.keys(ENGINES[to].traits ?? {}).sort(),
      );
      expect(ENGINES[from].features).toEqual(ENGINES[to].features);
    }
  });

  it('goes both ways between crossplane and kro-simplified, and nowhere else', () => {
    expect(isLikeForLike('crossplane', 'kro-simplified')).toBe(true);
    expect(isLikeForLike('kro-simplified', 'crossplane')).toBe(true);
    expect(isLikeForLike('crossplane', 'kro')).toBe(false);
    expect(isLikeForLike('kratix', 'crossplane')).toBe(false);
  });
});
