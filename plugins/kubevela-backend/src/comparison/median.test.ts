import { median } from './median';

describe('median', () => {
  it('is undefined for no values', () => {
    expect(median([])).toBeUndefined();
  });

  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([30, 5, 12])).toBe(12);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([40, 10, 20, 90])).toBe(30);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
