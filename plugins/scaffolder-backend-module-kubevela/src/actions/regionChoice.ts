import type { TableSpecIssue } from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';

/**
 * The table request with the platform's region rules applied: no `region` gets
 * `kubevela.defaultRegion`; a region outside `kubevela.regions` is an issue on `region`.
 * Anything that is not a plain object is returned as it is, for the spec parser to refuse.
 */
export function applyRegionChoice(
  table: unknown,
  settings: Pick<KubeVelaConfig, 'defaultRegion' | 'regions'>,
): { table: unknown; issues: TableSpecIssue[] } {
  if (!table || typeof table !== 'object' || Array.isArray(table)) {
    return { table, issues: [] };
  }
  const request = table as Record<string, unknown>;
  const region = request.region;
  if (region === undefined || region === null || region === '') {
    return {
      table: { ...request, region: settings.defaultRegion },
      issues: [],
    };
  }
  if (typeof region === 'string' && !settings.regions.includes(region)) {
    return {
      table,
      issues: [
        {
          field: 'region',
          message: `region '${region}' is not offered by the platform; choose one of ${settings.regions.join(
            ', ',
          )}`,
        },
      ],
    };
  }
  return { table, issues: [] };
}
