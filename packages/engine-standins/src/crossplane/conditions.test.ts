import {
  available,
  creating,
  lastAsyncOperation,
  markConditions,
  reconcileError,
  reconcileSuccess,
  setConditions,
} from './conditions';

const t1 = new Date('2026-11-29T07:00:00.456Z');
const t2 = new Date('2026-11-29T07:05:00Z');

describe('conditions', () => {
  it('builds crossplane-runtime conditions with second-precision transition times', () => {
    expect(creating(t1)).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'Creating',
      lastTransitionTime: '2026-11-29T07:00:00Z',
    });
    expect(reconcileError('observe failed: boom')(t1)).toEqual({
      type: 'Synced',
      status: 'False',
      reason: 'ReconcileError',
      message: 'observe failed: boom',
      lastTransitionTime: '2026-11-29T07:00:00Z',
    });
    expect(
      lastAsyncOperation({ reason: 'AsyncCreateFailure', message: 'x' })(t1),
    ).toMatchObject({
      type: 'LastAsyncOperation',
      status: 'False',
      reason: 'AsyncCreateFailure',
      message: 'x',
    });
  });

  it('keeps the transition time of an unchanged condition and replaces a changed one in place', () => {
    const first = setConditions([], creating(t1), reconcileSuccess(t1));
    const again = setConditions(first, creating(t2), available(t2));
    expect(again).toEqual([available(t2), reconcileSuccess(t1)]);
    expect(setConditions(first, creating(t2))[0].lastTransitionTime).toBe(
      '2026-11-29T07:00:00Z',
    );
  });

  it('stamps the generation on conditions the managed reconciler marks, which makes them differ from upjet’s', () => {
    const byUpjet = setConditions([], reconcileSuccess(t1));
    const byReconciler = markConditions(byUpjet, 4, reconcileSuccess(t2));
    expect(byReconciler).toEqual([
      { ...reconcileSuccess(t2), observedGeneration: 4 },
    ]);
  });
});
