import { diffPaths, formatDiff } from './objectDiff';

describe('diffPaths', () => {
  it('reports nothing for equal values', () => {
    expect(diffPaths({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toEqual(
      [],
    );
  });

  it('names each changed path with its old and new value (an added object as one value)', () => {
    const changes = diffPaths(
      {
        spec: {
          components: [
            { type: 'aws-dynamodb-xp', properties: { region: 'us-west-2' } },
          ],
        },
        metadata: { labels: { 'app.oam.dev/name': 'orders' } },
      },
      {
        spec: {
          components: [
            {
              type: 'aws-dynamodb-kro-simplified',
              properties: { region: 'us-west-2', tags: { team: 'a' } },
            },
          ],
        },
        metadata: { labels: {} },
      },
    );
    expect(formatDiff(changes)).toBe(
      [
        'metadata.labels["app.oam.dev/name"]: "orders" → (absent)',
        'spec.components[0].properties.tags: (absent) → {"team":"a"}',
        'spec.components[0].type: "aws-dynamodb-xp" → "aws-dynamodb-kro-simplified"',
      ].join('\n'),
    );
  });

  it('reports array items added or removed', () => {
    expect(diffPaths({ t: [1] }, { t: [1, 2] })).toEqual([
      { path: 't[1]', old: undefined, new: 2 },
    ]);
  });
});
