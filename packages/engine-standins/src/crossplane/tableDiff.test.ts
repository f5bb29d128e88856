import { clusterTable, matchingView } from './__testUtils__/tables';
import { readDesiredParameters } from './desiredParameters';
import { diffTable, hasChanges } from './tableDiff';

const desired = (forProvider: Record<string, unknown> = {}, spec = {}) =>
  readDesiredParameters(clusterTable(forProvider, spec))!;

describe('diffTable', () => {
  it('finds nothing to change when DynamoDB matches the spec', () => {
    const changes = diffTable(desired(), matchingView());
    expect(hasChanges(changes)).toBe(false);
  });

  it('switches billing to PROVISIONED with the spec capacity, and carries the index capacity along', () => {
    const changes = diffTable(
      desired({
        billingMode: 'PROVISIONED',
        readCapacity: 5,
        writeCapacity: 4,
        globalSecondaryIndex: [
          {
            name: 'by-owner',
            hashKey: 'owner',
            projectionType: 'ALL',
            readCapacity: 2,
            writeCapacity: 1,
          },
        ],
      }),
      matchingView(),
    );
    expect(changes.table).toEqual({
      billingMode: 'PROVISIONED',
      throughput: { read: 5, write: 4 },
    });
    expect(changes.indexes.throughput).toEqual([
      { name: 'by-owner', read: 2, write: 1 },
    ]);
  });

  it('treats an unset billing mode as PROVISIONED (the Terraform default)', () => {
    const changes = diffTable(
      desired({ billingMode: undefined }),
      matchingView(),
    );
    expect(changes.table?.billingMode).toBe('PROVISIONED');
  });

  it('adds a new global index and deletes one the spec no longer has', () => {
    const changes = diffTable(
      desired({
        globalSecondaryIndex: [
          { name: 'by-status', hashKey: 'status', projectionType: 'KEYS_ONLY' },
        ],
      }),
      matchingView(),
    );
    expect(changes.indexes.delete).toEqual(['by-owner']);
    expect(changes.indexes.create.map(i => i.indexName)).toEqual(['by-status']);
  });

  it('recreates a global index whose keys or projection changed', () => {
    const changes = diffTable(
      desired({
        globalSecondaryIndex: [
          { name: 'by-owner', hashKey: 'owner', projectionType: 'KEYS_ONLY' },
        ],
      }),
      matchingView(),
    );
    expect(changes.indexes.delete).toEqual(['by-owner']);
    expect(changes.indexes.create.map(i => i.indexName)).toEqual(['by-owner']);
  });

  it('turns TTL on, and changes its attribute by turning it off first', () => {
    const off = matchingView({ ttl: { enabled: false } });
    expect(diffTable(desired(), off).ttl).toEqual({
      enabled: true,
      attributeName: 'expiresAt',
    });
    const other = matchingView({
      ttl: { enabled: true, attributeName: 'oldAttr' },
    });
    expect(diffTable(desired(), other).ttl).toEqual({
      enabled: true,
      attributeName: 'expiresAt',
      disableFirst: 'oldAttr',
    });
  });

  it('leaves TTL, SSE and point-in-time recovery alone when the spec does not set them (Optional+Computed)', () => {
    const changes = diffTable(
      desired({
        ttl: undefined,
        serverSideEncryption: undefined,
        pointInTimeRecovery: undefined,
      }),
      matchingView({
        ttl: { enabled: false },
        sse: undefined,
        pointInTimeRecovery: { enabled: false },
      }),
    );
    expect(changes.ttl).toBeUndefined();
    expect(changes.sse).toBeUndefined();
    expect(changes.pointInTimeRecovery).toBeUndefined();
  });

  it('turns the stream off when the spec leaves streamEnabled out, and restarts it for a new view type', () => {
    expect(
      diffTable(
        desired({ streamEnabled: undefined, streamViewType: undefined }),
        matchingView(),
      ).stream,
    ).toEqual({
      enabled: false,
      viewType: undefined,
      restart: false,
    });
    expect(
      diffTable(desired({ streamViewType: 'KEYS_ONLY' }), matchingView())
        .stream,
    ).toEqual({
      enabled: true,
      viewType: 'KEYS_ONLY',
      restart: true,
    });
  });

  it('changes SSE, deletion protection and point-in-time recovery', () => {
    const changes = diffTable(
      desired({
        serverSideEncryption: [{ enabled: false }],
        deletionProtectionEnabled: true,
        pointInTimeRecovery: [{ enabled: false }],
      }),
      matchingView(),
    );
    expect(changes.sse).toEqual({ enabled: false, kmsKeyId: undefined });
    expect(changes.table).toEqual({ deletionProtectionEnabled: true });
    expect(changes.pointInTimeRecovery).toEqual({
      enabled: false,
      recoveryPeriodInDays: undefined,
    });
  });

  it('tags and untags to match the spec tags, the provider tags included', () => {
    const changes = diffTable(
      desired(),
      matchingView({ tags: { team: 'old', stale: 'x' } }),
    );
    expect(changes.tags).toEqual({
      set: {
        team: 'orders',
        'crossplane-kind': 'table.dynamodb.aws.upbound.io',
        'crossplane-name': 'orders',
        'crossplane-providerconfig': 'default',
      },
      remove: ['stale'],
    });
  });

  it('marks key and local index changes as replacements', () => {
    const changes = diffTable(
      desired({ rangeKey: 'owner', localSecondaryIndex: [] }),
      matchingView(),
    );
    expect(changes.replacements.map(r => r.argument)).toEqual([
      'range_key',
      'local_secondary_index',
    ]);
    expect(changes.replacements[0]).toEqual({
      argument: 'range_key',
      from: 'sk',
      to: 'owner',
    });
  });

  it('does not compare arguments set only in initProvider', () => {
    const object = clusterTable(
      { deletionProtectionEnabled: undefined },
      { initProvider: { deletionProtectionEnabled: true } },
    );
    const params = readDesiredParameters(object)!;
    expect(params.table.deletionProtection).toBe(true);
    expect(diffTable(params, matchingView()).table).toBeUndefined();
  });
});
