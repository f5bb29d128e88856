import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

/** The apiVersion of every KubeVela Application the actions handle. */
export const APPLICATION_API_VERSION = 'core.oam.dev/v1beta1';

/** Where an action takes its Application from: the object itself or a workspace file. */
export interface ApplicationSource {
  application?: Record<string, unknown>;
  manifestPath?: string;
}

/**
 * The Application an action was given, as `application` or as a YAML file at `manifestPath`
 * inside the workspace; InputError when it is neither or not a named KubeVela Application.
 */
export async function loadApplication(
  input: ApplicationSource,
  workspacePath: string,
): Promise<KubeObject> {
  if (!!input.application === !!input.manifestPath) {
    throw new InputError(
      'give exactly one of `application` and `manifestPath`',
    );
  }
  const raw = input.application
    ? input.application
    : (parse(
        await readFile(
          resolveSafeChildPath(workspacePath, input.manifestPath!),
          'utf8',
        ),
      ) as unknown);
  const object = raw as Partial<KubeObject> | undefined;
  if (
    !object ||
    object.apiVersion !== APPLICATION_API_VERSION ||
    object.kind !== 'Application'
  ) {
    throw new InputError(
      `expected a KubeVela Application (${APPLICATION_API_VERSION}), got ${
        object?.apiVersion ?? '?'
      } ${object?.kind ?? '?'}`,
    );
  }
  if (!object.metadata?.name || !object.metadata.namespace) {
    throw new InputError(
      'the Application needs metadata.name and metadata.namespace',
    );
  }
  return object as KubeObject;
}

/** The reference of an Application by name and namespace. */
export function applicationRef(name: string, namespace: string) {
  return {
    apiVersion: APPLICATION_API_VERSION,
    kind: 'Application',
    name,
    namespace,
  };
}
