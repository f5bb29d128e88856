import type { EngineKindEvidence } from '@vela-tables/plugin-kubevela-common';
import { engineAvailability } from './engineAvailability';
import type { ClusterEvidence } from './engineAvailability';

const XP_CLUSTER = 'dynamodb.aws.upbound.io/v1beta1|Table';
const XP_NS = 'dynamodb.aws.m.upbound.io/v1beta1|Table';
const KRO = 'kro.run/v1alpha1|DynamoDBTable';
const ACK = 'dynamodb.services.k8s.aws/v1alpha1|Table';

function kinds(
  entries: Record<string, Partial<EngineKindEvidence> & { why?: string }>,
): ClusterEvidence['kinds'] {
  return new Map(
    Object.entries(entries).map(([key, e]) => {
      const [apiVersion, kind] = key.split('|');
      return [key, { apiVersion, kind, objects: 0, ...e }];
    }),
  );
}

const installed = (...names: string[]) => ({ names: new Set(names) });

describe('engineAvailability', () => {
  it('KRO family: available, its controllers seen working, and marked as run by a stand-in when the ACK Tables carry the annotation', () => {
    const a = engineAvailability('kro', {
      cluster: 'local',
      kinds: kinds({
        [KRO]: { served: true, objects: 2, controllerObserved: true },
        [ACK]: {
          served: true,
          objects: 2,
          controllerObserved: true,
          standIn: 'ACK dynamodb-controller v1.9.2',
        },
      }),
      definitions: installed('aws-dynamodb-kro'),
    });
    expect(a).toMatchObject({
      engine: 'kro',
      cluster: 'local',
      crdsPresent: true,
      definitionInstalled: true,
      controllerObserved: true,
      standIn: true,
    });
    expect(a.summary).toMatch(/^Available on cluster local: /);
    expect(a.summary).toContain(
      'managed by a local stand-in for ACK dynamodb-controller v1.9.2',
    );
  });

  it('Crossplane: either Table group is enough (they are alternatives)', () => {
    const a = engineAvailability('crossplane', {
      cluster: 'c',
      kinds: kinds({
        [XP_CLUSTER]: { served: true },
        [XP_NS]: { served: false },
      }),
      definitions: installed('aws-dynamodb-xp'),
    });
    expect(a.crdsPresent).toBe(true);
    expect(a.controllerObserved).toBeUndefined();
    expect(a.standIn).toBeUndefined();
  });

  it('a chain needs every link: KRO without the ACK Table CRD is not available', () => {
    const a = engineAvailability('kro-simplified', {
      cluster: 'c',
      kinds: kinds({ [KRO]: { served: true }, [ACK]: { served: false } }),
      definitions: installed('aws-dynamodb-kro-simplified'),
    });
    expect(a.crdsPresent).toBe(false);
    expect(a.summary).toContain(
      'CRDs not served: Table (dynamodb.services.k8s.aws/v1alpha1)',
    );
  });

  it('a kind with objects whose conditions never moved makes controllerObserved false', () => {
    const a = engineAvailability('kro', {
      cluster: 'c',
      kinds: kinds({
        [KRO]: { served: true, objects: 1, controllerObserved: true },
        [ACK]: { served: true, objects: 1, controllerObserved: false },
      }),
      definitions: installed('aws-dynamodb-kro'),
    });
    expect(a.controllerObserved).toBe(false);
    expect(a.standIn).toBe(false);
  });

  it('says what it could not check instead of claiming it', () => {
    const a = engineAvailability('kratix', {
      cluster: 'c',
      kinds: kinds({
        'dynamodb.kratix.io/v1alpha1|DynamoDBRequest': {
          why: 'the watch has not listed it yet',
        },
      }),
      definitions: { error: 'forbidden' },
    });
    expect(a.crdsPresent).toBe(false);
    expect(a.definitionInstalled).toBe(false);
    expect(a.unchecked).toEqual([
      'DynamoDBRequest (dynamodb.kratix.io/v1alpha1): the watch has not listed it yet',
      'ComponentDefinition aws-dynamodb-kratix: forbidden',
    ]);
    expect(a.summary).toMatch(/^Not available on cluster c: /);
  });

  it('is not available when the ComponentDefinition is not installed', () => {
    const a = engineAvailability('kro-simple', {
      cluster: 'c',
      kinds: kinds({
        'kro.run/v1alpha1|SimpleDynamoDB': { served: true },
        [ACK]: { served: true },
      }),
      definitions: installed('aws-dynamodb-kro'),
    });
    expect(a.crdsPresent).toBe(true);
    expect(a.definitionInstalled).toBe(false);
    expect(a.summary).toContain(
      'ComponentDefinition aws-dynamodb-simple-kro not installed in vela-system',
    );
  });
});
