import type {
  PlatformOffer,
  TableSpecIssue,
} from '@vela-tables/plugin-kubevela-common';
import { ENGINES, parseTableSpec } from '@vela-tables/plugin-kubevela-common';
import { formFieldOf, formToTableInput } from './formToTableInput';
import type { TableFormData } from './formToTableInput';
import { tableSpecWarnings } from './tableSpecWarnings';

/** A TableSpec issue with the form field it belongs to. */
export interface FormIssue extends TableSpecIssue {
  /** Top-level property of the form, e.g. `globalSecondaryIndexes`. */
  formField: string;
}

/** What the form's values would meet in the build step, and what a platform would question. */
export interface TableFormCheck {
  errors: FormIssue[];
  warnings: FormIssue[];
}

/** The cluster the form targets: the chosen one, else the first (as the apply action does). */
export function targetCluster(form: TableFormData, offer: PlatformOffer) {
  return form.cluster === undefined || form.cluster === ''
    ? offer.clusters[0]
    : offer.clusters.find(cluster => cluster.name === form.cluster);
}

// What the platform's configuration decides and the spec schema does not know: the offered
// engines, the clusters, and the regions (worded as the build action words its region check).
function platformIssues(
  form: TableFormData,
  offer: PlatformOffer,
): TableSpecIssue[] {
  const issues: TableSpecIssue[] = [];
  const { engine, cluster, region } = form;
  if (
    typeof engine === 'string' &&
    engine in ENGINES &&
    !(offer.engines as string[]).includes(engine)
  ) {
    issues.push({
      field: 'engine',
      message: `engine '${engine}' is not offered by the platform; choose one of ${offer.engines.join(
        ', ',
      )}`,
    });
  }
  if (typeof cluster === 'string' && cluster !== '') {
    if (!targetCluster(form, offer)) {
      issues.push({
        field: 'cluster',
        message: `cluster '${cluster}' is not configured; choose one of ${offer.clusters
          .map(c => c.name)
          .join(', ')}`,
      });
    }
  }
  if (
    typeof region === 'string' &&
    region !== '' &&
    !offer.regions.includes(region)
  ) {
    issues.push({
      field: 'region',
      message: `region '${region}' is not offered by the platform; choose one of ${offer.regions.join(
        ', ',
      )}`,
    });
  }
  return issues;
}

/**
 * Checks the form's values with the build action's own TableSpec schema (`parseTableSpec` with the
 * platform's namespaces and table name prefix) plus the platform's offer; every issue keeps the
 * field name and message the action would report.
 */
export function checkTableForm(
  form: TableFormData,
  offer: PlatformOffer,
): TableFormCheck {
  const input = formToTableInput(form);
  const cluster = targetCluster(form, offer);
  const parsed = parseTableSpec(input, {
    allowedNamespaces: cluster?.allowedNamespaces ?? [],
    tableNamePrefix: offer.tableNamePrefix,
  });
  const located = (issue: TableSpecIssue): FormIssue => ({
    ...issue,
    formField: formFieldOf(issue.field, form),
  });
  return {
    errors: [
      ...platformIssues(form, offer),
      ...(parsed.success ? [] : parsed.issues),
    ].map(located),
    warnings: tableSpecWarnings(input).map(located),
  };
}

/** An issue as the build action writes it: `field: message`. */
export function issueLine(issue: TableSpecIssue): string {
  return issue.field ? `${issue.field}: ${issue.message}` : issue.message;
}
