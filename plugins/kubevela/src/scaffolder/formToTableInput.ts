/** The form's values (all pages of templates/dynamodb-table) as the scaffolder holds them. */
export type TableFormData = Record<string, unknown>;

/**
 * The build step's `table` input for the form's values: the same mapping as the `build` step of
 * templates/dynamodb-table/template.yaml, so the browser checks exactly what the action will get.
 * Engine-only options go to their own engine, table capacity only with provisioned billing.
 */
export function formToTableInput(form: TableFormData): Record<string, unknown> {
  const name = nonEmpty(form.name);
  const engine = form.engine;
  const provisioned = form.billingMode === 'PROVISIONED';
  const input: Record<string, unknown> = {
    engine,
    applicationName: name,
    componentName: name === undefined ? undefined : `${name}-table`,
    namespace: form.namespace,
    tableName: nonEmpty(form.tableName) ?? name,
    region: form.region,
    attributeDefinitions: form.attributeDefinitions,
    keySchema: form.keySchema,
    billingMode: form.billingMode,
    readCapacityUnits: provisioned ? form.readCapacityUnits : undefined,
    writeCapacityUnits: provisioned ? form.writeCapacityUnits : undefined,
    ttl: form.ttl,
    stream: form.stream,
    encryption: form.encryption,
    deletionProtection: form.deletionProtection,
    pointInTimeRecovery: form.pointInTimeRecovery,
    globalSecondaryIndexes: form.globalSecondaryIndexes,
    localSecondaryIndexes: form.localSecondaryIndexes,
    tags: form.tags,
    crossplane: engine === 'crossplane' ? form.crossplane : undefined,
    featureMode: engine === 'kro' ? form.featureMode : undefined,
  };
  // The scaffolder drops undefined values too; the schema then applies its defaults.
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  );
}

/** Nunjucks' `or` treats '' as missing; so does the form. */
function nonEmpty(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/**
 * The form field a TableSpec issue belongs to: the spec's `applicationName` and `componentName`
 * come from the form's `name`, `tableName` from `tableName` or, when that is empty, `name`.
 */
export function formFieldOf(specField: string, form: TableFormData): string {
  const root = specField.split(/[.[]/)[0];
  if (root === 'applicationName' || root === 'componentName') return 'name';
  if (root === 'tableName') {
    return nonEmpty(form.tableName) === undefined ? 'name' : 'tableName';
  }
  return root;
}

/** Whether the user has given a form field any value yet (untouched fields are not nagged). */
export function isFilledIn(form: TableFormData, field: string): boolean {
  const value = form[field];
  return value !== undefined && value !== null && value !== '';
}
