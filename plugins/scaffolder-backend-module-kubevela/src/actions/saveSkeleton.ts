import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { cp, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

/** Config key of the directory that keeps skeletons when no SCM integration publishes them. */
export const SKELETON_DIRECTORY_KEY = 'kubevela.skeletonDirectory';

// One folder name: what a catalog entity name allows, so it can never climb out of the directory.
const FOLDER_NAME = /^[A-Za-z0-9][-A-Za-z0-9_.]{0,62}$/;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * `kubevela:skeleton:save`: keeps a rendered skeleton after the task on a portal without an SCM
 * integration, by copying a workspace folder to `kubevela.skeletonDirectory` on the portal's
 * host. Without that setting it copies nothing and says so, because the scaffolder deletes the
 * workspace after the task.
 */
export function createSaveSkeletonAction(options: { config: Config }) {
  const configured = options.config.getOptionalString(SKELETON_DIRECTORY_KEY);
  return createTemplateAction({
    id: 'kubevela:skeleton:save',
    description:
      `Copies a workspace folder (a rendered skeleton) to the directory configured as ${SKELETON_DIRECTORY_KEY} ` +
      "on the portal's host, for portals without an SCM integration. Copies nothing when it is not configured.",
    // A dry run only tells where the folder would go.
    supportsDryRun: true,
    schema: {
      input: {
        sourcePath: z =>
          z.string().describe('Workspace folder to keep, e.g. `service`'),
        name: z =>
          z
            .string()
            .describe(
              'Folder name under the configured directory (the service name)',
            ),
      },
      output: {
        saved: z => z.boolean().describe('Whether the folder was copied'),
        path: z =>
          z
            .string()
            .describe(
              "Where the folder is (or would be) on the portal's host; empty when nowhere",
            ),
        message: z => z.string().describe('What happened, in one sentence'),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      if (!FOLDER_NAME.test(name)) {
        throw new InputError(
          `name: '${name}' must be one folder name of at most 63 letters, digits, '-', '_' or '.', starting with a letter or digit`,
        );
      }
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath,
      );
      if (!(await stat(source).catch(() => undefined))?.isDirectory()) {
        throw new InputError(
          `sourcePath: '${ctx.input.sourcePath}' is not a folder of the workspace`,
        );
      }
      if (!configured) {
        ctx.output('saved', false);
        ctx.output('path', '');
        ctx.output(
          'message',
          `No ${SKELETON_DIRECTORY_KEY} is configured, so the skeleton was not kept: the scaffolder deletes the task's workspace when the task ends.`,
        );
        return;
      }
      if (!isAbsolute(configured)) {
        throw new InputError(
          `${SKELETON_DIRECTORY_KEY} must be an absolute path, not '${configured}'`,
        );
      }
      // Never overwrite an earlier run's folder: the second run of a name gets the task id.
      let target = resolveSafeChildPath(configured, name);
      if (await exists(target)) {
        target = join(configured, `${name}-${ctx.task.id.slice(0, 8)}`);
        if (await exists(target)) {
          throw new ConflictError(`${target} already exists`);
        }
      }
      if (ctx.isDryRun) {
        ctx.output('saved', false);
        ctx.output('path', target);
        ctx.output(
          'message',
          `Dry run: the skeleton would be copied to ${target} on the portal's host.`,
        );
        return;
      }
      await cp(source, target, {
        recursive: true,
        force: false,
        errorOnExist: true,
      });
      ctx.logger.info(`Copied ${ctx.input.sourcePath} to ${target}`);
      ctx.output('saved', true);
      ctx.output('path', target);
      ctx.output(
        'message',
        `The skeleton was copied to ${target} on the portal's host.`,
      );
    },
  });
}
