import type { ApiHolder } from '@backstage/core-plugin-api';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { checkTableForm, issueLine } from './checkTableForm';
import type { TableFormData } from './formToTableInput';
import { platformOfferFrom } from './platformOffer';
import type { TableSpecCheckOptions } from './TableSpecCheck';
import { pageIssues } from './TableSpecCheck';

type FieldValidation = Parameters<CustomFieldValidator<unknown>>[1];

/** What the scaffolder passes to a field extension's `validation` function. */
export interface ValidationContext {
  apiHolder: ApiHolder;
  formData: TableFormData;
  uiSchema?: { 'ui:options'?: unknown };
}

/** The errors of one form field, as `field: message` lines (pure; the offer is given). */
export function fieldErrors(
  form: TableFormData,
  offer: PlatformOffer,
  formField: string,
): string[] {
  return checkTableForm(form, offer)
    .errors.filter(issue => issue.formField === formField)
    .map(issueLine);
}

/** The errors a page's check reports when the user presses Next (pure; the offer is given). */
export function pageErrors(
  form: TableFormData,
  offer: PlatformOffer,
  options: TableSpecCheckOptions,
): string[] {
  return pageIssues(checkTableForm(form, offer), options).errors.map(issueLine);
}

/** Validation of a platform picker: its own field, checked against the platform's offer. */
export function pickerValidation(formField: string) {
  return async (
    value: string | undefined,
    validation: FieldValidation,
    context: ValidationContext,
  ) => {
    const offer = await platformOfferFrom(context.apiHolder);
    const form = { ...context.formData, [formField]: value };
    for (const line of fieldErrors(form, offer, formField)) {
      validation.addError(line);
    }
  };
}

/** Validation of a page's KubeVelaTableSpecCheck: every problem of the page's fields. */
export async function tableSpecCheckValidation(
  _value: unknown,
  validation: FieldValidation,
  context: ValidationContext,
) {
  const offer = await platformOfferFrom(context.apiHolder);
  const options = (context.uiSchema?.['ui:options'] ??
    {}) as TableSpecCheckOptions;
  for (const line of pageErrors(context.formData, offer, options)) {
    validation.addError(line);
  }
}
