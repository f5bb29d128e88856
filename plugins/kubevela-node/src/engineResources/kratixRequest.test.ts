import { loadYaml } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  KRATIX_REQUEST_DEFAULTS,
  isKratixRequest,
  kratixRequestModel,
  readDesiredKratixTable,
  readObservedKratixRequest,
} from './kratixRequest';
import type { KratixDynamoDbRequest } from './kratixRequest';

const CRD_FILE = resolve(
  __dirname,
  '../../../../manifests/kratix/dynamodbrequest-crd.yaml',
);

function request(
  spec: Record<string, unknown>,
  status?: Record<string, unknown>,
): KratixDynamoDbRequest {
  return {
    apiVersion: 'dynamodb.kratix.io/v1alpha1',
    kind: 'DynamoDBRequest',
    metadata: { name: 'orders', namespace: 'team-a' },
    spec,
    ...(status ? { status } : {}),
  };
}

const keys = {
  tableName: 'orders-table',
  attributeDefinitions: [
    { attributeName: 'pk', attributeType: 'S' },
    { attributeName: 'sk', attributeType: 'N' },
  ],
  keySchema: [
    { attributeName: 'pk', keyType: 'HASH' },
    { attributeName: 'sk', keyType: 'RANGE' },
  ],
};

describe('the DynamoDBRequest model', () => {
  it('applies exactly the defaults the CRD declares', () => {
    const crd = loadYaml<any>(readFileSync(CRD_FILE, 'utf8'));
    const properties =
      crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties;
    // client-node's loadYaml reads a CRD into its typed model, where `default` is `_default`
    const defaultOf = (p: any) => p.default ?? p._default;
    const defaults = Object.fromEntries(
      Object.entries<any>(properties)
        .filter(([, p]) => defaultOf(p) !== undefined)
        .map(([name, p]) => [name, defaultOf(p)]),
    );
    expect(defaults).toEqual(KRATIX_REQUEST_DEFAULTS);
  });

  it('recognises the request and nothing else', () => {
    expect(isKratixRequest(request(keys))).toBe(true);
    expect(
      isKratixRequest({ ...request(keys), apiVersion: 'kro.run/v1alpha1' }),
    ).toBe(false);
    expect(kratixRequestModel.kind).toBe('DynamoDBRequest');
  });

  it('reads the desired table with the CRD defaults when the request leaves them out', () => {
    expect(readDesiredKratixTable(request(keys))).toEqual({
      ...keys,
      region: 'us-west-2',
      billingMode: 'PAY_PER_REQUEST',
      deletionProtection: false,
      pointInTimeRecovery: false,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      tags: {},
    });
  });

  it('reads every field the pipeline maps: capacity, TTL, stream, protection, tags', () => {
    expect(
      readDesiredKratixTable(
        request({
          ...keys,
          region: 'eu-west-1',
          billingMode: 'PROVISIONED',
          readCapacityUnits: 5,
          writeCapacityUnits: 7,
          ttlAttributeName: 'expiresAt',
          streamViewType: 'KEYS_ONLY',
          pointInTimeRecoveryEnabled: true,
          deletionProtectionEnabled: true,
          tags: { team: 'a' },
        }),
      ),
    ).toEqual({
      ...keys,
      region: 'eu-west-1',
      billingMode: 'PROVISIONED',
      provisionedThroughput: { readCapacityUnits: 5, writeCapacityUnits: 7 },
      ttl: { enabled: true, attributeName: 'expiresAt' },
      stream: { enabled: true, viewType: 'KEYS_ONLY' },
      deletionProtection: true,
      pointInTimeRecovery: true,
      globalSecondaryIndexes: [],
      localSecondaryIndexes: [],
      tags: { team: 'a' },
    });
  });

  it('reads no desired table from a request that names none', () => {
    expect(readDesiredKratixTable(request({}))).toBeUndefined();
  });

  it('reads the status Kratix and the pipeline write', () => {
    const observed = readObservedKratixRequest({
      ...request(keys, {
        message: 'Table orders-table is ACTIVE',
        tableArn: 'arn:aws:dynamodb:us-west-2:000000000000:table/orders-table',
        conditions: [
          {
            type: 'Reconciled',
            status: 'True',
            reason: 'Reconciled',
            message: 'Reconciled',
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
      }),
      metadata: {
        name: 'orders',
        namespace: 'team-a',
        annotations: { 'vela-tables.io/stand-in': 'Kratix' },
        deletionTimestamp: '2026-01-01T00:01:00Z',
      },
    });
    expect(observed).toEqual({
      conditions: [
        {
          type: 'Reconciled',
          status: 'True',
          reason: 'Reconciled',
          message: 'Reconciled',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
      tableArn: 'arn:aws:dynamodb:us-west-2:000000000000:table/orders-table',
      state: 'Table orders-table is ACTIVE',
      deleting: true,
      standIn: 'Kratix',
    });
  });
});
