import {
  fromAttributeMap,
  toAttributeMap,
  toAttributeValue,
} from './attributeValues.ts';

describe('attribute values', () => {
  it('stores JSON as DynamoDB types and reads it back unchanged', () => {
    const data = {
      s: 'text',
      n: 1.5,
      b: false,
      z: null,
      l: [1, 'two', { three: 3 }],
      m: { nested: { deeper: [] } },
    };
    const item = toAttributeMap(data);
    expect(item).toEqual({
      s: { S: 'text' },
      n: { N: '1.5' },
      b: { BOOL: false },
      z: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'two' }, { M: { three: { N: '3' } } }] },
      m: { M: { nested: { M: { deeper: { L: [] } } } } },
    });
    expect(fromAttributeMap(item)).toEqual(data);
  });

  it('refuses numbers DynamoDB cannot hold', () => {
    expect(() => toAttributeValue(Number.NaN)).toThrow(
      'NaN cannot be stored as a DynamoDB number',
    );
  });
});
