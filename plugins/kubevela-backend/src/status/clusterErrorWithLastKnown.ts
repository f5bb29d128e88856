import { NotAllowedError, ServiceUnavailableError } from '@backstage/errors';
import type { TableStatusResponse } from './types';

/** An error of a cluster the watches lost, with the last status known before. */
export type ClusterErrorWithLastKnown = (
  | NotAllowedError
  | ServiceUnavailableError
) & {
  lastKnownStatus?: TableStatusResponse;
};

/**
 * The answer for a cluster that was watched and no longer is: 403 when it now refuses the
 * portal's credentials, 503 otherwise, naming the cluster, with the last known status of the
 * table (marked stale, with its age) so that a page can still show it.
 */
export function clusterErrorWithLastKnown(
  cause: Error,
  cluster: string,
  lastKnownStatus: TableStatusResponse | undefined,
): ClusterErrorWithLastKnown {
  const since = lastKnownStatus?.staleSince
    ? ` since ${lastKnownStatus.staleSince}`
    : '';
  const message = `the watch of cluster '${cluster}' is failing${since}; ${
    lastKnownStatus
      ? `the last known status (${
          lastKnownStatus.ageSeconds ?? '?'
        } s old) is in 'lastKnownStatus'`
      : 'no status of this Application was known before'
  }: ${cause.message}`;
  const error: ClusterErrorWithLastKnown =
    cause.name === 'NotAllowedError' || cause.name === 'AuthenticationError'
      ? new NotAllowedError(message)
      : new ServiceUnavailableError(message);
  if (lastKnownStatus) error.lastKnownStatus = lastKnownStatus;
  return error;
}
