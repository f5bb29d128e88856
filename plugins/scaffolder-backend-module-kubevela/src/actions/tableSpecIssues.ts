import { InputError } from '@backstage/errors';
import type { TableSpecIssue } from '@vela-tables/plugin-kubevela-common';

/** One InputError that lists every problem of a spec, each naming its field. */
export function tableSpecInputError(
  issues: readonly TableSpecIssue[],
): InputError {
  const lines = issues.map(issue =>
    issue.field ? `${issue.field}: ${issue.message}` : issue.message,
  );
  return new InputError(
    `The table request is invalid:\n- ${lines.join('\n- ')}`,
  );
}
