import {
  getApplicationRefFromEntity,
  isApplicationLinked,
} from './annotations';

describe('getApplicationRefFromEntity', () => {
  it('reads name, namespace and cluster from the annotations', () => {
    expect(
      getApplicationRefFromEntity({
        metadata: {
          annotations: {
            'app.oam.dev/name': 'orders',
            'app.oam.dev/namespace': 'team-a',
            'kubevela.io/cluster': 'local',
          },
        },
      }),
    ).toEqual({ name: 'orders', namespace: 'team-a', cluster: 'local' });
  });

  it('defaults the namespace to default and leaves the cluster out', () => {
    expect(
      getApplicationRefFromEntity({
        metadata: { annotations: { 'app.oam.dev/name': 'orders' } },
      }),
    ).toEqual({ name: 'orders', namespace: 'default' });
  });

  it('returns undefined for an entity without an Application', () => {
    const entity = {
      metadata: { annotations: { 'backstage.io/kubernetes-id': 'orders' } },
    };
    expect(getApplicationRefFromEntity(entity)).toBeUndefined();
    expect(isApplicationLinked(entity)).toBe(false);
    expect(getApplicationRefFromEntity({ metadata: {} })).toBeUndefined();
  });

  it('treats a blank annotation as absent', () => {
    expect(
      getApplicationRefFromEntity({
        metadata: { annotations: { 'app.oam.dev/name': '  ' } },
      }),
    ).toBeUndefined();
  });
});
