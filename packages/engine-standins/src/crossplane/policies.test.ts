import { resolvePolicy } from './policies';

describe('resolvePolicy', () => {
  it('does everything by default', () => {
    expect(resolvePolicy(undefined, undefined)).toEqual({
      invalid: undefined,
      paused: false,
      onlyObserve: false,
      create: true,
      update: true,
      lateInitialize: true,
      delete: true,
    });
  });

  it('only observes with ["Observe"]: no create, update, late initialization or delete', () => {
    expect(resolvePolicy(['Observe'], 'Delete')).toMatchObject({
      onlyObserve: true,
      create: false,
      update: false,
      lateInitialize: false,
      delete: false,
    });
  });

  it('keeps the table with deletionPolicy Orphan, or with policies that leave Delete out', () => {
    expect(resolvePolicy(['*'], 'Orphan').delete).toBe(false);
    expect(
      resolvePolicy(['Observe', 'Create', 'Update', 'LateInitialize'], 'Delete')
        .delete,
    ).toBe(false);
    // the namespaced kind has no deletionPolicy: its policies decide
    expect(
      resolvePolicy(['Observe', 'Create', 'Update'], undefined).delete,
    ).toBe(false);
    expect(resolvePolicy(['*'], undefined).delete).toBe(true);
  });

  it('lets a non-default policy with Delete win over deletionPolicy Orphan', () => {
    expect(resolvePolicy(['Observe', 'Delete'], 'Orphan').delete).toBe(true);
  });

  it('pauses with an empty policy list', () => {
    expect(resolvePolicy([], 'Delete').paused).toBe(true);
  });

  it('refuses a combination crossplane-runtime does not support, with its message', () => {
    expect(resolvePolicy(['Create'], 'Delete').invalid).toBe(
      '`spec.managementPolicies` is set to a value([Create]) which is not supported. Check docs for supported policies',
    );
  });
});
