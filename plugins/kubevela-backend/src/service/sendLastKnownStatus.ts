import { serializeError } from '@backstage/errors';
import type express from 'express';
import type { ClusterErrorWithLastKnown } from '../status';

/**
 * Error middleware for a cluster the watches lost: the usual Backstage error body (`error`,
 * `request`, `response`) plus `lastKnownStatus`, the table's status as last seen (stale, with its
 * age), so that a page can show it under the error. Other errors go to the default handler.
 */
export function sendLastKnownStatus(
  err: unknown,
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  const error = err as ClusterErrorWithLastKnown | undefined;
  if (!error?.lastKnownStatus) {
    next(err);
    return;
  }
  const statusCode = error.name === 'NotAllowedError' ? 403 : 503;
  res.status(statusCode).json({
    error: serializeError(error),
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode },
    lastKnownStatus: error.lastKnownStatus,
  });
}
