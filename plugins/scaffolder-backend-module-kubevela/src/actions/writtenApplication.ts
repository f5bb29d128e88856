import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  applicationToYaml,
  BuildOptionsError,
  TableSpecError,
} from '@vela-tables/plugin-kubevela-common';
import type { Application } from '@vela-tables/plugin-kubevela-common';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, posix, win32 } from 'node:path';
import type {
  Field,
  Optional,
  ZodObjectRecord,
  ZodString,
} from './zodFieldTypes';
import { tableSpecInputError } from './tableSpecIssues';

/** Where an action writes the Application it builds, unless told otherwise. */
export const DEFAULT_APPLICATION_PATH = 'application.yaml';

/** `entityName`: the catalog entity the built Application's table belongs to. */
export const entityNameInput: Field<Optional<ZodString>> = z =>
  z
    .string()
    .optional()
    .describe(
      'Catalog entity the table belongs to (default: the Application name)',
    );

/** `targetPath`: where in the workspace the built Application is written. */
export const targetPathInput: Field<Optional<ZodString>> = z =>
  z
    .string()
    .optional()
    .describe(
      `Workspace path of the written Application, relative and without '..' ` +
        `(default: ${DEFAULT_APPLICATION_PATH})`,
    );

/**
 * Refuses a workspace path that is absolute or climbs with '..', even when it would resolve
 * inside the workspace: such a path in a template is a mistake, and publish steps read the
 * workspace by relative paths.
 */
export function checkWorkspacePath(path: string, field: string): void {
  const segments = path.split(/[\\/]/);
  if (
    path.trim() === '' ||
    posix.isAbsolute(path) ||
    win32.isAbsolute(path) ||
    segments.includes('..')
  ) {
    throw new InputError(
      `${field}: '${path}' must be a relative path inside the workspace, without '..'`,
    );
  }
}

/** What an action that builds an Application outputs about it. */
export const writtenApplicationOutputs: {
  application: Field<ZodObjectRecord>;
  yaml: Field<ZodString>;
  name: Field<ZodString>;
  namespace: Field<ZodString>;
  componentType: Field<ZodString>;
} = {
  application: z =>
    z.record(z.string(), z.unknown()).describe('The Application object'),
  yaml: z => z.string().describe('The Application as YAML'),
  name: z => z.string().describe('Application name'),
  namespace: z => z.string().describe('Application namespace'),
  componentType: z =>
    z.string().describe('KubeVela component type of the table'),
};

/**
 * Runs the Application builder with its refusals turned into InputErrors that name the field
 * or option, so the task log says what to change in the input.
 */
export function buildingApplication<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof TableSpecError) {
      throw tableSpecInputError(error.issues);
    }
    if (error instanceof BuildOptionsError) {
      throw new InputError(`${error.option}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Writes the Application as YAML into the workspace (inside it only) and outputs it. Returns
 * the path written and the YAML.
 */
export async function writeApplication(options: {
  application: Application;
  workspacePath: string;
  targetPath?: string;
  ctx: { output(name: string, value: unknown): void };
}): Promise<{ targetPath: string; yaml: string }> {
  const { application, ctx } = options;
  const yaml = applicationToYaml(application);
  const targetPath = options.targetPath ?? DEFAULT_APPLICATION_PATH;
  checkWorkspacePath(targetPath, 'targetPath');
  // Also refuses a path that leaves the workspace through a symbolic link.
  const target = resolveSafeChildPath(options.workspacePath, targetPath);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, yaml, 'utf8');
  ctx.output('application', application);
  ctx.output('yaml', yaml);
  ctx.output('name', application.metadata.name);
  ctx.output('namespace', application.metadata.namespace);
  ctx.output('componentType', application.spec.components[0].type);
  return { targetPath, yaml };
}
