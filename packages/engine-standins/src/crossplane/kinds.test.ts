import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { desiredStateChanged } from './index';
import { externalNamePatch, taggerPatch } from './initializers';
import {
  CLUSTER_TABLE_V1BETA1,
  CLUSTER_TABLE_V1BETA2,
  NAMESPACED_TABLE_V1BETA1,
  blockShapeOf,
  homeKind,
} from './kinds';
import { lateInitialization } from './lateInitialize';
import { clusterTable, matchingView } from './__testUtils__/tables';

function writtenAt(apiVersion: string, manager = 'kubectl'): KubeObject {
  const object = clusterTable();
  (object.metadata as unknown as Record<string, unknown>).managedFields = [
    {
      manager: 'engine-standins',
      apiVersion: 'dynamodb.aws.upbound.io/v1beta1',
      time: '2026-11-29T08:00:00Z',
      fieldsV1: { 'f:metadata': { 'f:finalizers': {} } },
    },
    {
      manager,
      apiVersion,
      time: '2026-11-29T07:00:00Z',
      fieldsV1: {
        'f:spec': { 'f:forProvider': { 'f:region': {}, 'f:hashKey': {} } },
      },
    },
  ];
  return object;
}

describe('homeKind', () => {
  it('reads and writes a cluster-scoped Table at the version its author wrote the spec with', () => {
    expect(
      homeKind(
        CLUSTER_TABLE_V1BETA1,
        writtenAt('dynamodb.aws.upbound.io/v1beta2'),
      ),
    ).toBe(CLUSTER_TABLE_V1BETA2);
    expect(
      homeKind(
        CLUSTER_TABLE_V1BETA1,
        writtenAt('dynamodb.aws.upbound.io/v1beta1'),
      ),
    ).toBe(CLUSTER_TABLE_V1BETA1);
    expect(homeKind(CLUSTER_TABLE_V1BETA1, clusterTable())).toBe(
      CLUSTER_TABLE_V1BETA1,
    );
  });

  it('keeps the namespaced kind as watched', () => {
    expect(
      homeKind(
        NAMESPACED_TABLE_V1BETA1,
        writtenAt('dynamodb.aws.m.upbound.io/v1beta1'),
      ),
    ).toBe(NAMESPACED_TABLE_V1BETA1);
  });

  it('writes one-item lists only at cluster-scoped v1beta1', () => {
    expect(
      [
        CLUSTER_TABLE_V1BETA1,
        CLUSTER_TABLE_V1BETA2,
        NAMESPACED_TABLE_V1BETA1,
      ].map(blockShapeOf),
    ).toEqual(['list', 'object', 'object']);
  });
});

describe('desiredStateChanged (the provider’s event filter)', () => {
  const base = clusterTable();
  const withMeta = (metadata: Partial<KubeObject['metadata']>) => ({
    ...base,
    metadata: { ...base.metadata, ...metadata },
  });

  it('starts a reconcile on a spec change, a deletion, or an annotation the user changed', () => {
    expect(
      desiredStateChanged('MODIFIED', withMeta({ generation: 4 }), base),
    ).toBe(true);
    expect(
      desiredStateChanged(
        'MODIFIED',
        withMeta({ annotations: { 'crossplane.io/paused': 'true' } }),
        base,
      ),
    ).toBe(true);
    expect(desiredStateChanged('ADDED', base)).toBe(true);
  });

  it('ignores status writes and the create-pending/-failed annotations the reconciler writes', () => {
    expect(
      desiredStateChanged(
        'MODIFIED',
        { ...base, status: { conditions: [] } },
        base,
      ),
    ).toBe(false);
    expect(
      desiredStateChanged(
        'MODIFIED',
        withMeta({
          annotations: {
            ...base.metadata.annotations,
            'crossplane.io/external-create-pending': 'x',
          },
        }),
        base,
      ),
    ).toBe(false);
  });
});

describe('initializers and late initialization', () => {
  it('stamps the provider tags unless the Table only observes', () => {
    const object = clusterTable({ tags: { team: 'orders' } });
    expect(taggerPatch(object, false)).toEqual({
      spec: {
        forProvider: {
          tags: {
            'crossplane-kind': 'table.dynamodb.aws.upbound.io',
            'crossplane-name': 'orders',
            'crossplane-providerconfig': 'default',
          },
        },
      },
    });
    expect(taggerPatch(object, true)).toBeUndefined();
    expect(taggerPatch(clusterTable(), false)).toBeUndefined();
  });

  it('names the external resource after the managed resource when no name is set', () => {
    const unnamed = { ...clusterTable(), metadata: { name: 'orders' } };
    expect(externalNamePatch(unnamed)).toEqual({
      metadata: { annotations: { 'crossplane.io/external-name': 'orders' } },
    });
    expect(externalNamePatch(clusterTable())).toBeUndefined();
  });

  it('fills unset scalar arguments from DynamoDB, never with zero values', () => {
    expect(
      lateInitialization(
        { region: 'us-west-2', hashKey: 'pk', rangeKey: 'sk' },
        matchingView(),
      ),
    ).toEqual({
      billingMode: 'PAY_PER_REQUEST',
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      tableClass: 'STANDARD',
    });
  });
});
