import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import {
  applicationToEntity,
  isTableApplication,
  toEntityName,
} from './applicationToEntity';

const app = (metadata: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'core.oam.dev/v1beta1',
  kind: 'Application',
  metadata: { name: 'orders', namespace: 'team-a', ...metadata },
});

const placement = {
  cluster: 'local',
  defaultCluster: true,
  defaultOwner: 'group:default/team-a',
  location: 'kubevela:local/team-a/orders',
};

describe('applicationToEntity', () => {
  it('makes a dynamodb-table Resource with the linking annotations and the default owner', () => {
    const entity = applicationToEntity(
      app({
        labels: {
          'app.kubernetes.io/managed-by': 'backstage-kubevela',
          'vela-tables.io/engine': 'kro',
          'backstage.io/kubernetes-id': 'orders-svc',
        },
        annotations: {
          'backstage.io/source-template': 'template:default/dynamodb-table',
        },
      }),
      placement,
    );
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'orders-svc',
        namespace: 'team-a',
        annotations: {
          'backstage.io/managed-by-location': 'kubevela:local/team-a/orders',
          'backstage.io/managed-by-origin-location':
            'kubevela:local/team-a/orders',
          'app.oam.dev/name': 'orders',
          'app.oam.dev/namespace': 'team-a',
          'kubevela.io/cluster': 'local',
          'backstage.io/kubernetes-id': 'orders-svc',
          'vela-tables.io/engine': 'kro',
          'backstage.io/source-template': 'template:default/dynamodb-table',
        },
      },
      spec: { type: 'dynamodb-table', owner: 'group:default/team-a' },
    });
    expect(entity.spec?.system).toBeUndefined();
  });

  it('takes owner and system from annotations first, then labels', () => {
    const fromAnnotations = applicationToEntity(
      app({
        annotations: {
          'vela-tables.io/owner': 'group:default/payments',
          'vela-tables.io/system': 'billing',
        },
        labels: { 'vela-tables.io/owner': 'ignored' },
      }),
      placement,
    );
    expect(fromAnnotations.spec).toMatchObject({
      owner: 'group:default/payments',
      system: 'billing',
    });
    const fromLabels = applicationToEntity(
      app({
        labels: {
          'vela-tables.io/owner': 'team-b',
          'vela-tables.io/system': 'shop',
        },
      }),
      placement,
    );
    expect(fromLabels.spec).toMatchObject({ owner: 'team-b', system: 'shop' });
  });
});

describe('entity names', () => {
  it('names entities of other clusters with the cluster, so that clusters never collide', () => {
    const local = applicationToEntity(app(), placement);
    const prod = applicationToEntity(app(), {
      ...placement,
      cluster: 'prod',
      defaultCluster: false,
    });
    expect(local.metadata.name).toBe('orders');
    expect(prod.metadata.name).toBe('orders.prod');
    expect(prod.metadata.annotations?.['kubevela.io/cluster']).toBe('prod');
  });
});

describe('isTableApplication', () => {
  it('accepts the portal’s label or an engine label, nothing else', () => {
    expect(
      isTableApplication(
        app({
          labels: { 'app.kubernetes.io/managed-by': 'backstage-kubevela' },
        }),
      ),
    ).toBe(true);
    expect(
      isTableApplication(
        app({ labels: { 'vela-tables.io/engine': 'crossplane' } }),
      ),
    ).toBe(true);
    expect(
      isTableApplication(
        app({ labels: { 'app.kubernetes.io/managed-by': 'argocd' } }),
      ),
    ).toBe(false);
    expect(isTableApplication(app())).toBe(false);
  });
});

describe('toEntityName', () => {
  it('keeps valid names and shortens others with a hash', () => {
    expect(toEntityName('orders')).toBe('orders');
    const long = toEntityName(`${'a'.repeat(70)}.team-a`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(long).toMatch(/^a+-[0-9a-f]{8}$/);
    expect(toEntityName(`${'a'.repeat(70)}.team-b`)).not.toBe(long);
  });
});
