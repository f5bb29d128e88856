import type { ResponseError } from '@backstage/errors';
import type { TableStatusResponse } from '../../api/types';

/** How the card treats a failed read of the status. */
export type StatusErrorKind = 'forbidden' | 'not-found' | 'invalid' | 'other';

/** A failed read, as the card shows it. */
export interface StatusError {
  kind: StatusErrorKind;
  /** The backend's own message (it names the entity, Application or cluster at fault). */
  message: string;
  /** The table's status as last seen, when the backend sent it with the error (lost watch). */
  lastKnownStatus?: TableStatusResponse;
  /** Whether reading again later can give another answer (not for 400 and 403). */
  retryable: boolean;
}

/** Reads a rejected `/status` call: the backend's message, its kind and any last known status. */
export function readStatusError(error: Error): StatusError {
  const response = error as Partial<ResponseError> & {
    body?: { lastKnownStatus?: TableStatusResponse };
  };
  // A ResponseError's own message is "Request failed with 404 Not Found"; the body's names
  // the object at fault.
  const message = response.body?.error?.message ?? error.message;
  const lastKnownStatus = response.body?.lastKnownStatus;
  const code = response.statusCode;
  // With a last known status the 403 comes from the cluster (the portal's credentials), not the
  // caller's permission: the card shows the stale status under the error.
  if (code === 403 && !lastKnownStatus) {
    return { kind: 'forbidden', message, retryable: false };
  }
  // A 404 can end: right after a table is created the Application or the backend's index of
  // linked entities may not have it yet.
  if (code === 404) return { kind: 'not-found', message, retryable: true };
  if (code === 400) return { kind: 'invalid', message, retryable: false };
  return {
    kind: 'other',
    message,
    retryable: true,
    ...(lastKnownStatus ? { lastKnownStatus } : {}),
  };
}
