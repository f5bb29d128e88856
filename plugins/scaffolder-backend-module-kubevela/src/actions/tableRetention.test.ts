import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { retainTablePatch, retainsTable } from './tableRetention';

const ack = (annotations: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
  kind: 'Table',
  metadata: { name: 'orders', namespace: 'team-a', annotations },
  spec: { tableName: 'orders' },
});

const crossplane = (
  group: string,
  spec: Record<string, unknown>,
): KubeObject => ({
  apiVersion: `${group}/v1beta1`,
  kind: 'Table',
  metadata: {
    name: 'orders',
    ...(group.includes('.m.') ? { namespace: 'team-a' } : {}),
  },
  spec: { forProvider: { region: 'us-west-2' }, ...spec },
});

describe('retaining the table on delete', () => {
  it('annotates an ACK Table with deletion-policy retain', () => {
    expect(retainsTable(ack())).toBe(false);
    expect(retainTablePatch(ack())).toEqual({
      metadata: {
        annotations: { 'services.k8s.aws/deletion-policy': 'retain' },
      },
    });
    expect(
      retainsTable(ack({ 'services.k8s.aws/deletion-policy': 'retain' })),
    ).toBe(true);
  });

  it('orphans a cluster-scoped Crossplane Table with deletionPolicy Orphan', () => {
    const table = crossplane('dynamodb.aws.upbound.io', {});
    expect(retainsTable(table)).toBe(false);
    expect(retainTablePatch(table)).toEqual({
      spec: { deletionPolicy: 'Orphan' },
    });
    expect(
      retainsTable(
        crossplane('dynamodb.aws.upbound.io', { deletionPolicy: 'Orphan' }),
      ),
    ).toBe(true);
  });

  it('drops Delete from the management policies of a namespaced Crossplane Table', () => {
    expect(
      retainTablePatch(crossplane('dynamodb.aws.m.upbound.io', {})),
    ).toEqual({
      spec: {
        managementPolicies: ['Observe', 'Create', 'Update', 'LateInitialize'],
      },
    });
    expect(
      retainTablePatch(
        crossplane('dynamodb.aws.m.upbound.io', {
          managementPolicies: ['Observe', 'Create', 'Delete'],
        }),
      ),
    ).toEqual({ spec: { managementPolicies: ['Observe', 'Create'] } });
  });

  it('leaves alone what already keeps its table, and what does not call AWS', () => {
    const observe = crossplane('dynamodb.aws.m.upbound.io', {
      managementPolicies: ['Observe'],
    });
    expect(retainsTable(observe)).toBe(true);
    expect(retainTablePatch(observe)).toBeUndefined();
    const instance: KubeObject = {
      apiVersion: 'kro.run/v1alpha1',
      kind: 'DynamoDBTable',
      metadata: { name: 'orders', namespace: 'team-a' },
    };
    expect(retainsTable(instance)).toBeUndefined();
    expect(retainTablePatch(instance)).toBeUndefined();
  });
});
