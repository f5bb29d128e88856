import { z } from 'zod';
import { formatFieldPath } from './fieldPath';
import { tableSpecInputSchema } from './inputSchema';
import { normaliseDraft } from './normalise';
import { TABLE_SPEC_RULES } from './rules';
import type {
  ParseTableSpecOptions,
  ParseTableSpecResult,
  TableSpec,
  TableSpecIssue,
} from './types';

/**
 * The complete TableSpec schema for a platform: single-field rules, DynamoDB's cross-field
 * rules, engine support and the platform's options; its output is a `TableSpec`.
 */
export function createTableSpecSchema(options: ParseTableSpecOptions = {}) {
  return tableSpecInputSchema
    .superRefine((draft, ctx) => {
      for (const rule of TABLE_SPEC_RULES) {
        for (const issue of rule(draft, options)) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            path: [...issue.path],
            message: issue.message,
          });
        }
      }
    })
    .transform((draft): TableSpec => normaliseDraft(draft, options));
}

// zod's generic messages ("Required", "Expected string, received number") do not name the
// field; these say what the user has to change.
function describeIssue(issue: z.ZodIssue, field: string): TableSpecIssue[] {
  const name = field === '' ? 'the table spec' : field;
  switch (issue.code) {
    case z.ZodIssueCode.unrecognized_keys:
      return issue.keys.map(key => ({
        field: formatFieldPath([...issue.path, key]),
        message: `unknown field '${key}'`,
      }));
    case z.ZodIssueCode.invalid_type:
      return [{ field, message: describeTypeMismatch(name, issue) }];
    case z.ZodIssueCode.invalid_enum_value:
      return [
        {
          field,
          message: `${name} must be one of ${issue.options.join(
            ', ',
          )}; got '${String(issue.received)}'`,
        },
      ];
    default:
      return [{ field, message: issue.message }];
  }
}

function describeTypeMismatch(
  name: string,
  issue: z.ZodInvalidTypeIssue,
): string {
  if (issue.received === 'undefined') {
    return `${name} is required`;
  }
  if (issue.expected === 'integer') {
    return `${name} must be a whole number`;
  }
  return `${name} must be ${article(issue.expected)} ${issue.expected}, not ${
    issue.received
  }`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? 'an' : 'a';
}

/** Validates a table request; returns the typed spec or every issue, each naming its field. */
export function parseTableSpec(
  input: unknown,
  options: ParseTableSpecOptions = {},
): ParseTableSpecResult {
  const result = createTableSpecSchema(options).safeParse(input);
  if (result.success) {
    return { success: true, spec: result.data };
  }
  return {
    success: false,
    issues: result.error.issues.flatMap(issue =>
      describeIssue(issue, formatFieldPath(issue.path)),
    ),
  };
}

/** Thrown by `assertTableSpec` and the Application builder; carries every issue. */
export class TableSpecError extends Error {
  /** The issues that make the spec unusable. */
  readonly issues: TableSpecIssue[];

  constructor(issues: TableSpecIssue[]) {
    super(
      `Invalid table spec: ${issues
        .map(issue =>
          issue.field ? `${issue.field}: ${issue.message}` : issue.message,
        )
        .join('; ')}`,
    );
    this.name = 'TableSpecError';
    this.issues = issues;
  }
}

/** Like `parseTableSpec`, but throws a `TableSpecError` listing every issue. */
export function assertTableSpec(
  input: unknown,
  options: ParseTableSpecOptions = {},
): TableSpec {
  const result = parseTableSpec(input, options);
  if (!result.success) {
    throw new TableSpecError(result.issues);
  }
  return result.spec;
}
