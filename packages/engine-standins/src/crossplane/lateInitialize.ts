import type { TableView } from './tableView';

/**
 * upjet's late initialization (policy `*` or `LateInitialize`): after a read, spec arguments the
 * user left unset are filled in from the Terraform state, except zero values (Go's omitempty
 * filter: false, 0 and "" are not copied). Returns the `spec.forProvider` fields to add, empty
 * when there is nothing to fill in.
 *
 * Only top-level scalar arguments are late-initialized here; upjet's generic late initializer
 * also fills unset nested blocks, which the stand-in does not reproduce.
 */
export function lateInitialization(
  forProvider: Record<string, unknown>,
  view: TableView,
): Record<string, unknown> {
  const observed: Record<string, unknown> = {
    billingMode: view.billingMode,
    deletionProtectionEnabled: view.deletionProtectionEnabled,
    hashKey: view.hashKey,
    rangeKey: view.rangeKey,
    readCapacity: view.readCapacity,
    streamEnabled: view.streamEnabled,
    streamViewType: view.streamViewType,
    tableClass: view.tableClass ?? 'STANDARD',
    writeCapacity: view.writeCapacity,
  };
  const fill: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(observed)) {
    if (forProvider[key] !== undefined) continue;
    if (value === undefined || value === false || value === 0 || value === '') {
      continue;
    }
    fill[key] = value;
  }
  return fill;
}
