import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import {
  assertNamespaceAllowed,
  assertTypesOffered,
} from './applicationSafety';

const settings = {
  allowedNamespaces: ['team-a'],
  clusters: [
    { name: 'prod', skipTLSVerify: false, allowedNamespaces: ['team-b'] },
    { name: 'dev', skipTLSVerify: false },
  ],
  offer: {
    componentTypes: ['aws-dynamodb-xp'],
    traitTypes: ['dynamodb-ttl-xp'],
  },
};

function app(components: unknown[]): KubeObject {
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: { name: 'orders', namespace: 'team-a' },
    spec: { components },
  };
}

describe('assertNamespaceAllowed', () => {
  it("uses the cluster's own list when it has one", () => {
    expect(() =>
      assertNamespaceAllowed(settings, 'prod', 'team-b'),
    ).not.toThrow();
    expect(() => assertNamespaceAllowed(settings, 'prod', 'team-a')).toThrow(
      "metadata.namespace: namespace 'team-a' is not allowed for Applications on cluster 'prod'; allowed: team-b",
    );
  });

  it('falls back to kubevela.allowedNamespaces and names the given field', () => {
    expect(() =>
      assertNamespaceAllowed(settings, 'dev', 'team-a'),
    ).not.toThrow();
    expect(() =>
      assertNamespaceAllowed(settings, 'dev', 'kube-system', 'namespace'),
    ).toThrow(/^namespace: namespace 'kube-system' is not allowed/);
  });
});

describe('assertTypesOffered', () => {
  it('accepts offered component and trait types', () => {
    expect(() =>
      assertTypesOffered(
        settings,
        app([
          { type: 'aws-dynamodb-xp', traits: [{ type: 'dynamodb-ttl-xp' }] },
        ]),
      ),
    ).not.toThrow();
  });

  it('names every component and trait type the platform does not offer', () => {
    const error = (() => {
      try {
        assertTypesOffered(
          settings,
          app([
            { type: 'aws-dynamodb-kro', traits: [{ type: 'dynamodb-ttl-xp' }] },
            { type: 'aws-dynamodb-xp', traits: [{ type: 'raw-patch' }] },
          ]),
        );
        return undefined;
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.name).toBe('InputError');
    expect(error?.message).toContain(
      "- spec.components[0].type: component type 'aws-dynamodb-kro' is not offered by the platform; offered: aws-dynamodb-xp",
    );
    expect(error?.message).toContain(
      "- spec.components[1].traits[0].type: trait type 'raw-patch' is not offered by the platform; offered: dynamodb-ttl-xp",
    );
  });
});
