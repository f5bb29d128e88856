/**
 * Error texts as the real provider reports them: the AWS SDK for Go's operation error, inside the
 * Terraform provider's summary, inside upjet's diagnostics dump, inside the managed reconciler's
 * prefix. For example, a refused create reads
 *
 *   create failed: async create failed: failed to create the resource: [{0 creating AWS DynamoDB
 *   Table (orders): operation error DynamoDB: CreateTable, https response error StatusCode: 400,
 *   RequestID: 7QX…, LimitExceededException: Subscriber limit exceeded …  []}]
 *
 * so that the message a user sees carries DynamoDB's own error code and words.
 */

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: string;
}

/** `operation error DynamoDB: <Operation>, …` for an error thrown by the AWS SDK (or the network). */
export function sdkErrorText(operation: string, error: unknown): string {
  const e = (error ?? {}) as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  if (status) {
    return `operation error DynamoDB: ${operation}, https response error StatusCode: ${status}, RequestID: ${
      e.$metadata?.requestId ?? ''
    }, ${e.name ?? 'UnknownError'}: ${e.message ?? ''}`;
  }
  // No HTTP answer: the server is down or unreachable. (The JS SDK wraps a network error as
  // "AWS SDK error wrapper for Error: …"; the Go SDK reports the underlying error.)
  const detail = (e.message || e.code || String(error)).replace(
    /^AWS SDK error wrapper for (Error: )?/,
    '',
  );
  return `operation error DynamoDB: ${operation}, https response error StatusCode: 0, RequestID: , request send failed, ${detail}`;
}

/** A failed Terraform step: its summary (e.g. `creating AWS DynamoDB Table (x)`) and the SDK error. */
export class TerraformError extends Error {
  /** DynamoDB's error code, when DynamoDB answered (e.g. `ResourceInUseException`). */
  readonly awsCode?: string;

  constructor(summary: string, operation: string, cause: unknown) {
    super(`${summary}: ${sdkErrorText(operation, cause)}`);
    this.name = 'TerraformError';
    const e = cause as SdkErrorShape | undefined;
    if (e?.$metadata?.httpStatusCode) this.awsCode = e.name;
  }
}

/** How upjet prints Terraform diagnostics: `[{0 <summary>  []}]` (severity, summary, detail, path). */
export function diagnostics(error: unknown): string {
  return `[{0 ${(error as Error).message ?? String(error)}  []}]`;
}

/**
 * An error upjet reports in its own words, not as Terraform diagnostics (for example the refusal
 * to change an argument that would replace the table).
 */
export class PlainReason extends Error {}

/** The phases whose failures the provider reports, with upjet's and the reconciler's prefixes. */
export type Phase = 'observe' | 'create' | 'update' | 'delete';

/** upjet's message for a failed Terraform call in a phase (what LastAsyncOperation carries). */
export function upjetMessage(phase: Phase, error: unknown): string {
  if (phase === 'observe') {
    return `failed to observe the resource: ${diagnostics(error)}`;
  }
  const text =
    error instanceof PlainReason
      ? error.message
      : `failed to ${phase} the resource: ${diagnostics(error)}`;
  return `async ${phase} failed: ${text}`;
}

/** The managed reconciler's message (what Synced=False, ReconcileError carries). */
export function reconcilerMessage(phase: Phase, error: unknown): string {
  return `${phase} failed: ${upjetMessage(phase, error)}`;
}
