export { kubevelaFieldExtensions } from './fieldExtensions';
export { checkTableForm, issueLine } from './checkTableForm';
export type { FormIssue, TableFormCheck } from './checkTableForm';
export { formToTableInput } from './formToTableInput';
export { tableSpecWarnings } from './tableSpecWarnings';
