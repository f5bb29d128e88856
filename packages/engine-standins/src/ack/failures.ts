import { TERMINAL_ERROR_CODES } from './constants';

/**
 * Why a step of a reconcile did not finish, in the shapes the real controller's errors take (Go's
 * AWS SDK v2 and the ACK runtime), because their text ends up in the conditions.
 */
export type AckFailure =
  /** DynamoDB answered with an error (a smithy APIError). */
  | {
      kind: 'aws';
      operation: string;
      code: string;
      message: string;
      httpStatus?: number;
      requestId?: string;
    }
  /** The request got no answer (server down, connection refused). */
  | { kind: 'transport'; operation: string; cause: string }
  /** Go's SDK refuses a call with a required field missing before sending it. */
  | { kind: 'validation'; operation: string; missing: string[] }
  /** `fmt.Errorf("cannot update table %v", err)`: the AWS error is no longer recognisable. */
  | { kind: 'wrapped'; prefix: string; inner: AckFailure }
  /** requeue.NeededAfter: try again after a delay. */
  | { kind: 'requeue'; text: string; afterMs: number }
  /** requeue.Needed: try again at once. */
  | { kind: 'requeueNow'; text: string }
  /** The API server refused a write. */
  | { kind: 'kube'; text: string }
  /** ackerr.NewTerminalError and the runtime's own terminal errors. */
  | { kind: 'terminal'; text: string };

/** A failure thrown through the layers of one reconcile. */
export class AckFailureError extends Error {
  constructor(readonly failure: AckFailure) {
    super(failureText(failure));
    this.name = 'AckFailureError';
  }
}

/** The error's `Error()` text in the real controller. */
export function failureText(failure: AckFailure): string {
  switch (failure.kind) {
    case 'aws':
      return `operation error DynamoDB: ${
        failure.operation
      }, https response error StatusCode: ${
        failure.httpStatus ?? 400
      }, RequestID: ${failure.requestId ?? ''}, api error ${failure.code}: ${
        failure.message
      }`;
    case 'transport':
      return `operation error DynamoDB: ${failure.operation}, ${failure.cause}`;
    case 'validation':
      return [
        `operation error DynamoDB: ${failure.operation}, ${failure.missing.length} validation error(s) found.`,
        ...failure.missing.map(
          field =>
            `- missing required field, ${failure.operation}Input.${field}.`,
        ),
      ].join('\n');
    case 'wrapped':
      return `${failure.prefix} ${failureText(failure.inner)}`;
    default:
      return failure.text;
  }
}

/** Whether the controller marks the resource ACK.Terminal for this failure. */
export function isTerminal(failure: AckFailure): boolean {
  return (
    failure.kind === 'terminal' ||
    (failure.kind === 'aws' && TERMINAL_ERROR_CODES.includes(failure.code))
  );
}

/**
 * The message of the ACK.Terminal / ACK.Recoverable condition: DynamoDB's own `api error <Code>:
 * <message>` for an AWS error, the whole error text otherwise.
 */
export function conditionMessage(failure: AckFailure): string {
  return failure.kind === 'aws'
    ? `api error ${failure.code}: ${failure.message}`
    : failureText(failure);
}

/** Whether DynamoDB said the table does not exist. */
export function isNotFound(failure: AckFailure): boolean {
  return failure.kind === 'aws' && failure.code === 'ResourceNotFoundException';
}

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/** An AWS SDK v3 error as the failure the real controller would have seen. */
export function failureFromSdk(operation: string, error: unknown): AckFailure {
  const e = (error ?? {}) as SdkError;
  if (e.$metadata?.httpStatusCode && e.name) {
    return {
      kind: 'aws',
      operation,
      code: e.name,
      message: e.message ?? '',
      httpStatus: e.$metadata.httpStatusCode,
      requestId: e.$metadata.requestId,
    };
  }
  return {
    kind: 'transport',
    operation,
    cause: `request send failed: ${e.message ?? String(error)}`,
  };
}
