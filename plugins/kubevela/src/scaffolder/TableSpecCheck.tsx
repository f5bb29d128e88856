import Typography from '@material-ui/core/Typography';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { checkTableForm, issueLine } from './checkTableForm';
import type { FormIssue, TableFormCheck } from './checkTableForm';
import type { TableFormData } from './formToTableInput';
import { isFilledIn } from './formToTableInput';
import { usePlatformOffer } from './platformOffer';
import { formDataOf } from './platformPickers';

/** `ui:options` of a KubeVelaTableSpecCheck field. */
export interface TableSpecCheckOptions {
  /** The form fields of this page whose issues the check reports. */
  fields?: string[];
  /** On the last page the check also reports issues that belong to no listed field. */
  lastPage?: boolean;
}

/** Every top-level form field of templates/dynamodb-table that a check can be about. */
const PAGE_FIELDS = new Set([
  'name',
  'tableName',
  'engine',
  'featureMode',
  'crossplane',
  'cluster',
  'namespace',
  'region',
  'attributeDefinitions',
  'keySchema',
  'billingMode',
  'readCapacityUnits',
  'writeCapacityUnits',
  'globalSecondaryIndexes',
  'localSecondaryIndexes',
  'ttl',
  'stream',
  'encryption',
  'deletionProtection',
  'pointInTimeRecovery',
  'tags',
]);

/** The issues one page's check reports: those of its fields (and, last, the unplaced ones). */
export function pageIssues(
  check: TableFormCheck,
  options: TableSpecCheckOptions,
): TableFormCheck {
  const fields = new Set(options.fields ?? []);
  const onPage = (issue: FormIssue) =>
    fields.has(issue.formField) ||
    (!!options.lastPage && !PAGE_FIELDS.has(issue.formField));
  return {
    errors: check.errors.filter(onPage),
    warnings: check.warnings.filter(onPage),
  };
}

/** While the user types, problems of fields not filled in yet are not shown (Next reports them). */
export function liveIssues(
  check: TableFormCheck,
  form: TableFormData,
): TableFormCheck {
  return {
    errors: check.errors.filter(issue => isFilledIn(form, issue.formField)),
    warnings: check.warnings,
  };
}

/**
 * The page's check with the build action's TableSpec schema, as the user types: every problem of
 * this page's fields as the action would word it, and warnings about questionable choices.
 */
export function TableSpecCheck(props: FieldExtensionComponentProps<unknown>) {
  const options = (props.uiSchema?.['ui:options'] ??
    {}) as TableSpecCheckOptions;
  const offer = usePlatformOffer();
  if (offer.loading) return null;
  if (offer.error) {
    return (
      <Typography color="error" variant="body2">
        The form cannot be checked: what the platform offers could not be read
        (GET /api/kubevela/platform): {offer.error.message}
      </Typography>
    );
  }
  const form = formDataOf(props);
  const { errors, warnings } = pageIssues(
    liveIssues(checkTableForm(form, offer.value!), form),
    options,
  );
  if (errors.length === 0 && warnings.length === 0) return null;
  return (
    <div role="status" aria-label="table request check">
      {errors.map(issue => (
        <Typography key={`e-${issueLine(issue)}`} color="error" variant="body2">
          {issueLine(issue)}
        </Typography>
      ))}
      {warnings.map(issue => (
        <Typography key={`w-${issueLine(issue)}`} variant="body2">
          Warning: {issueLine(issue)}
        </Typography>
      ))}
    </div>
  );
}
