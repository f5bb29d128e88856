import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';

let installed = false;

/**
 * Makes every error response of the backend leave out the error's stack trace.
 *
 * Backstage puts the stack (server paths and all) into error response bodies whenever
 * NODE_ENV is `development`, which `backstage-cli package start` (the README's start command)
 * sets. The root router and each plugin's router build their error handler with
 * `MiddlewareFactory.error()`, and only the root router's can be configured; running the backend
 * with NODE_ENV=production instead would also switch off guest sign-in. So the default of
 * `showStackTraces` changes here, once, for every router: a caller that passes
 * `showStackTraces` explicitly still gets what it asked for. The stack stays in the backend's
 * log, where the error handler writes every 5xx.
 */
export function hideStackTracesInErrorResponses(): void {
  if (installed) return;
  installed = true;
  const error = MiddlewareFactory.prototype.error;
  MiddlewareFactory.prototype.error = function errorWithoutStackTraces(
    this: MiddlewareFactory,
    options = {},
  ) {
    return error.call(this, { showStackTraces: false, ...options });
  };
}
