import { createTestNamespace } from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { ensureStandIns } from '../testing/ensureStandIns';
import type { TestStandIns } from '../testing/ensureStandIns';
import { CLUSTER_TABLE_V1BETA2, NAMESPACED_TABLE_V1BETA1 } from './kinds';
import {
  CrossplaneTestKit,
  isReadyAndSynced,
} from './__testUtils__/integrationKit';

// The namespaced Table of Crossplane v2 (dynamodb.aws.m.upbound.io) and the cluster-scoped
// v1beta2 Table, both with single blocks as objects, on the platform as it is (no conversion
// webhook): the stand-in watches v1beta1 and still reads and writes a v1beta2 Table at v1beta2.

jest.setTimeout(180_000);

let kit: CrossplaneTestKit;
let ns: TestNamespace;
let standIns: TestStandIns;

beforeAll(async () => {
  kit = new CrossplaneTestKit();
  ns = await createTestNamespace('xp-scopes');
  standIns = await ensureStandIns(['crossplane'], {
    namespaces: [ns.name, ''],
  });
});

afterAll(async () => {
  await standIns?.stop();
  await kit?.cleanup();
  await ns?.cleanup();
});

function forProvider(extra: Record<string, unknown> = {}) {
  return {
    region: 'us-west-2',
    attribute: [
      { name: 'id', type: 'S' },
      { name: 'at', type: 'N' },
    ],
    hashKey: 'id',
    rangeKey: 'at',
    billingMode: 'PAY_PER_REQUEST',
    ttl: { attributeName: 'expiresAt', enabled: true },
    serverSideEncryption: { enabled: true },
    pointInTimeRecovery: { enabled: true },
    streamEnabled: true,
    streamViewType: 'NEW_IMAGE',
    ...extra,
  };
}

it.each([
  ['namespaced dynamodb.aws.m.upbound.io/v1beta1', NAMESPACED_TABLE_V1BETA1],
  ['cluster-scoped dynamodb.aws.upbound.io/v1beta2', CLUSTER_TABLE_V1BETA2],
])('creates, reports and deletes a %s Table', async (_label, kind) => {
  const name = kit.tableName('xp-scope');
  const resource: KubeObject = {
    apiVersion: `${kind.group}/${kind.version}`,
    kind: 'Table',
    metadata: { name, ...(kind.namespaced ? { namespace: ns.name } : {}) },
    spec: {
      providerConfigRef: kind.namespaced
        ? { kind: 'ClusterProviderConfig', name: 'default' }
        : { name: 'default' },
      forProvider: forProvider(),
    },
  };
  await kit.apply(kind, resource);
  const ready = await kit.waitFor(
    kind,
    resource,
    'Ready and Synced',
    o =>
      isReadyAndSynced(o) &&
      !!(o?.status as Record<string, unknown>)?.atProvider,
  );

  // no external-name annotation was given: the provider names the table after the resource
  expect(ready!.metadata.annotations?.['crossplane.io/external-name']).toBe(
    name,
  );
  const aws = await kit.describe(name);
  expect(aws?.table).toMatchObject({
    KeySchema: [
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    SSEDescription: { Status: 'ENABLED' },
  });
  expect(aws?.ttl).toMatchObject({
    TimeToLiveStatus: 'ENABLED',
    AttributeName: 'expiresAt',
  });
  expect(aws?.pitr).toBe('ENABLED');
  expect(aws?.tags['crossplane-kind']).toBe(`table.${kind.group}`);

  const atProvider = (ready!.status as Record<string, any>).atProvider;
  expect(atProvider).toMatchObject({
    arn: aws?.table.TableArn,
    ttl: { attributeName: 'expiresAt', enabled: true },
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true, kmsKeyArn: '' },
  });
  // the spec's blocks survived the stand-in's own writes (tags, annotations, late initialization)
  expect((ready!.spec as any).forProvider.ttl).toEqual({
    attributeName: 'expiresAt',
    enabled: true,
  });
  expect(kit.statusViolations(kind, ready!)).toEqual([]);

  await kit.delete(kind, resource);
  await kit.waitFor(kind, resource, 'the resource gone', o => o === undefined);
  expect(await kit.describe(name)).toBeUndefined();
});
