import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { kindEvidence } from './kindEvidence';

function table(
  conditionTimes: string[],
  annotations?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
    kind: 'Table',
    metadata: {
      name: 't',
      namespace: 'team-a',
      creationTimestamp: '2026-11-29T10:00:00Z',
      ...(annotations ? { annotations } : {}),
    },
    status: {
      conditions: conditionTimes.map(t => ({
        type: 'ACK.ResourceSynced',
        status: 'True',
        lastTransitionTime: t,
      })),
    },
  };
}

describe('kindEvidence', () => {
  it('has nothing to judge by without objects', () => {
    expect(kindEvidence([])).toEqual({ objects: 0 });
  });

  it('sees a controller working when a condition was written at or after the object’s creation', () => {
    expect(kindEvidence([table([]), table(['2026-11-29T10:00:07Z'])])).toEqual({
      objects: 2,
      controllerObserved: true,
    });
    // within the second of creation: both times have one-second resolution
    expect(kindEvidence([table(['2026-11-29T10:00:00Z'])])).toEqual({
      objects: 1,
      controllerObserved: true,
    });
  });

  it('does not when conditions predate the object (copied, restored) or there are none', () => {
    expect(kindEvidence([table(['2026-11-29T09:59:59Z']), table([])])).toEqual({
      objects: 2,
      controllerObserved: false,
    });
  });

  it('names the controller a local stand-in replaces', () => {
    expect(
      kindEvidence([
        table(['2026-11-29T10:00:07Z'], {
          'vela-tables.io/stand-in': 'ACK dynamodb-controller v1.9.2',
        }),
      ]),
    ).toEqual({
      objects: 1,
      controllerObserved: true,
      standIn: 'ACK dynamodb-controller v1.9.2',
    });
  });
});
