/**
 * crossplane-runtime's management policy checks (pkg/reconciler/managed/policies.go), with the
 * feature on (the provider's `--enable-management-policies` defaults to true). The cluster-scoped
 * kind still has `deletionPolicy`; the namespaced one (Crossplane v2) has only the policies.
 */

/** A management action of `spec.managementPolicies`. */
export type ManagementAction =
  | 'Observe'
  | 'Create'
  | 'Update'
  | 'Delete'
  | 'LateInitialize'
  | '*';

/** What the managed reconciler may do with one resource. */
export interface ManagementPolicy {
  /** Undefined when the combination is supported, else crossplane-runtime's error text. */
  invalid?: string;
  /** No action at all (an empty policy list): reported as ReconcilePaused. */
  paused: boolean;
  onlyObserve: boolean;
  create: boolean;
  update: boolean;
  lateInitialize: boolean;
  /** Whether deleting the managed resource deletes the table. */
  delete: boolean;
}

const ALL: ManagementAction = '*';

/** The combinations crossplane-runtime supports (defaultSupportedManagementPolicies). */
const SUPPORTED: ReadonlyArray<readonly ManagementAction[]> = [
  ['*'],
  ['Observe', 'Create', 'Update', 'LateInitialize', 'Delete'],
  ['Observe'],
  [],
  ['Observe', 'Create', 'Update', 'Delete'],
  ['Observe', 'Create', 'Update', 'LateInitialize'],
  ['Observe', 'Create', 'Update'],
  ['Observe', 'Create', 'Delete', 'LateInitialize'],
  ['Observe', 'Create', 'LateInitialize'],
  ['Observe', 'Create', 'Delete'],
  ['Observe', 'Create'],
  ['Observe', 'Delete'],
];

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === new Set(b).size && b.every(x => a.has(x));
}

/**
 * The policy of a resource. `managementPolicies` defaults to `["*"]` and `deletionPolicy` to
 * `Delete` in the CRDs; pass undefined for the namespaced kind, which has no deletionPolicy.
 */
export function resolvePolicy(
  managementPolicies: readonly string[] | undefined,
  deletionPolicy: string | undefined,
): ManagementPolicy {
  const actions = new Set(managementPolicies ?? [ALL]);
  const has = (...a: string[]) => a.some(x => actions.has(x));
  const supported = SUPPORTED.some(s => sameSet(actions, s));
  const isDefault = sameSet(actions, [ALL]);
  // deletionPolicy Delete with a policy that deletes, or a non-default policy naming Delete;
  // every other combination orphans the table (the non-default setting wins a conflict).
  const del =
    ((deletionPolicy ?? 'Delete') === 'Delete' && has('Delete', ALL)) ||
    (!isDefault && actions.has('Delete'));
  return {
    invalid: supported
      ? undefined
      : `\`spec.managementPolicies\` is set to a value(${goList([
          ...actions,
        ])}) which is not supported. Check docs for supported policies`,
    paused: actions.size === 0,
    onlyObserve: sameSet(actions, ['Observe']),
    create: has('Create', ALL),
    update: has('Update', ALL),
    lateInitialize: has('LateInitialize', ALL),
    delete: del,
  };
}

/** How Go's fmt prints a slice of strings with %s: `[a b]`. */
function goList(items: string[]): string {
  return `[${items.join(' ')}]`;
}
