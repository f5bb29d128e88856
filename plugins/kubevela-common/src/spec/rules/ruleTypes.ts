import type { FieldPath } from '../fieldPath';
import type { TableSpecDraft } from '../inputSchema';
import type { ParseTableSpecOptions } from '../types';

/** A rule violation found in a draft, located by path. */
export interface RuleIssue {
  /** Where the problem is. */
  path: FieldPath;
  /** What is wrong. */
  message: string;
}

/** A cross-field rule: reads a draft (and the platform's options) and reports violations. */
export type TableSpecRule = (
  draft: TableSpecDraft,
  options: ParseTableSpecOptions,
) => RuleIssue[];
