import { join } from 'node:path';
import { crdsDir, findRepoRoot } from '@internal/local-platform';
import { crdStatusSchema, schemaViolations } from '../testing/statusSchema';
import { clusterTable, matchingView } from './__testUtils__/tables';
import { atProviderFrom } from './atProvider';
import {
  available,
  creating,
  deleting,
  lastAsyncOperation,
  markConditions,
  reconcileError,
  reconcilePaused,
  reconcileSuccess,
  setConditions,
} from './conditions';
import { readDesiredParameters } from './desiredParameters';
import { reconcilerMessage, upjetMessage } from './terraformErrors';

const CRDS = join(crdsDir(findRepoRoot()), 'crossplane-aws');
const now = new Date('2026-11-29T07:00:00.123Z');

/** Every status the stand-in writes, for a table with every feature. */
function statuses(shape: 'list' | 'object') {
  const desired = readDesiredParameters(clusterTable())!;
  const atProvider = atProviderFrom(
    matchingView(),
    desired,
    'us-west-2',
    shape,
  );
  const failure = new Error('boom');
  const conditions = [
    markConditions([], 3, creating(now), reconcileSuccess(now)),
    setConditions([], lastAsyncOperation()(now), available(now)),
    markConditions(
      [],
      3,
      deleting(now),
      reconcileError(reconcilerMessage('delete', failure))(now),
    ),
    setConditions(
      [],
      lastAsyncOperation({
        reason: 'AsyncCreateFailure',
        message: upjetMessage('create', failure),
      })(now),
    ),
    markConditions([], 3, reconcilePaused(now)),
  ];
  return conditions.map(c => ({ atProvider, conditions: c }));
}

describe.each([
  ['dynamodb.aws.upbound.io_tables.yaml', 'v1beta1', 'list' as const],
  ['dynamodb.aws.upbound.io_tables.yaml', 'v1beta2', 'object' as const],
  ['dynamodb.aws.m.upbound.io_tables.yaml', 'v1beta1', 'object' as const],
])('the status the stand-in writes follows %s %s', (file, version, shape) => {
  const schema = crdStatusSchema(join(CRDS, file), version);

  it('has only fields of the CRD status schema, with their types', () => {
    for (const status of statuses(shape)) {
      expect(schemaViolations(status, schema)).toEqual([]);
    }
  });

  it('would be caught writing single blocks in the other version’s shape', () => {
    const other = statuses(shape === 'list' ? 'object' : 'list')[0];
    expect(schemaViolations(other, schema)).not.toEqual([]);
  });
});

describe('atProviderFrom', () => {
  it('writes the Terraform state of the table as upjet does', () => {
    const desired = readDesiredParameters(clusterTable())!;
    expect(
      atProviderFrom(matchingView(), desired, 'us-west-2', 'list'),
    ).toEqual({
      arn: 'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table',
      attribute: [
        { name: 'owner', type: 'S' },
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'S' },
      ],
      billingMode: 'PAY_PER_REQUEST',
      deletionProtectionEnabled: false,
      globalSecondaryIndex: [
        {
          hashKey: 'owner',
          name: 'by-owner',
          projectionType: 'ALL',
          readCapacity: 0,
          writeCapacity: 0,
        },
      ],
      hashKey: 'pk',
      id: 'orders-table',
      localSecondaryIndex: [
        { name: 'by-sk', projectionType: 'KEYS_ONLY', rangeKey: 'sk' },
      ],
      pointInTimeRecovery: [{ enabled: true, recoveryPeriodInDays: 35 }],
      rangeKey: 'sk',
      readCapacity: 0,
      region: 'us-west-2',
      // the AWS managed key is reported as "", as the Terraform provider clears its default key
      serverSideEncryption: [{ enabled: true, kmsKeyArn: '' }],
      streamArn:
        'arn:aws:dynamodb:us-west-2:123456789012:table/orders-table/stream/2026-11-29T07:00:00.000',
      streamEnabled: true,
      streamLabel: '2026-11-29T07:00:00.000',
      streamViewType: 'NEW_AND_OLD_IMAGES',
      tableClass: 'STANDARD',
      tags: matchingView().tags,
      tagsAll: matchingView().tags,
      ttl: [{ attributeName: 'expiresAt', enabled: true }],
      warmThroughput: [
        { readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000 },
      ],
      writeCapacity: 0,
    });
  });

  it('writes empty strings for a table without stream or TTL, and leaves out what DynamoDB does not report', () => {
    const view = matchingView({
      streamEnabled: false,
      streamViewType: undefined,
      latestStreamArn: undefined,
      latestStreamLabel: undefined,
      ttl: { enabled: false },
      pointInTimeRecovery: { enabled: false },
      sse: undefined,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      rangeKey: undefined,
      tags: {},
      warmThroughput: undefined,
    });
    const atProvider = atProviderFrom(view, undefined, 'us-west-2', 'object');
    expect(atProvider).toMatchObject({
      streamArn: '',
      streamEnabled: false,
      streamLabel: '',
      streamViewType: '',
      ttl: { attributeName: '', enabled: false },
      pointInTimeRecovery: { enabled: false },
    });
    for (const absent of [
      'serverSideEncryption',
      'globalSecondaryIndex',
      'localSecondaryIndex',
      'rangeKey',
      'tags',
      'tagsAll',
      'warmThroughput',
    ]) {
      expect([absent, absent in atProvider]).toEqual([absent, false]);
    }
  });
});
