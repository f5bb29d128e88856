import type { Entity } from '@backstage/catalog-model';
import { isKubeVelaTableAvailable } from './conditions';

function entity(
  kind: string,
  type: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'orders', namespace: 'default', annotations },
    spec: { type, owner: 'group:default/platform-team' },
  };
}

const linked = { 'app.oam.dev/name': 'orders' };

describe('isKubeVelaTableAvailable', () => {
  it('is true for an ingested table Resource and for a linked Component', () => {
    expect(
      isKubeVelaTableAvailable(entity('Resource', 'dynamodb-table', linked)),
    ).toBe(true);
    expect(
      isKubeVelaTableAvailable(entity('Component', 'service', linked)),
    ).toBe(true);
  });

  it('is false without the app.oam.dev/name annotation, or with a blank one', () => {
    expect(
      isKubeVelaTableAvailable(entity('Resource', 'dynamodb-table', {})),
    ).toBe(false);
    expect(isKubeVelaTableAvailable(entity('Component', 'service', {}))).toBe(
      false,
    );
    expect(
      isKubeVelaTableAvailable(
        entity('Component', 'service', { 'app.oam.dev/name': ' ' }),
      ),
    ).toBe(false);
    expect(
      isKubeVelaTableAvailable(
        entity('Component', 'service', {
          'backstage.io/kubernetes-id': 'orders',
        }),
      ),
    ).toBe(false);
  });

  it('is false for other kinds and for Resources of another type, even when annotated', () => {
    expect(
      isKubeVelaTableAvailable(entity('Resource', 's3-bucket', linked)),
    ).toBe(false);
    expect(isKubeVelaTableAvailable(entity('System', 'x', linked))).toBe(false);
    expect(isKubeVelaTableAvailable(entity('API', 'openapi', linked))).toBe(
      false,
    );
  });
});
