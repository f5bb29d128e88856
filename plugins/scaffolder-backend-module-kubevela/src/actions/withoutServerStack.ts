import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/**
 * The action, except that an error it throws reaches the task log with its name and message
 * only: the scaffolder writes a failed action's stack into the log users read, and a stack
 * names files and paths of the portal's host. The whole error, stack included, goes to the
 * backend's own log.
 */
export function withoutServerStack<
  A extends { id: string; handler: (ctx: any) => Promise<void> },
>(action: A, logger: LoggerService): A {
  return {
    ...action,
    handler: async ctx => {
      try {
        await action.handler(ctx);
      } catch (error) {
        if (isError(error)) {
          logger.warn(`${action.id} failed`, error);
          error.stack = `${error.name}: ${error.message}`;
        }
        throw error;
      }
    },
  };
}
