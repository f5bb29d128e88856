import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  assertTableSpec,
  buildApplication,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { createApplyApplicationAction } from '../applyApplication';

/** A built Application for one table named `<namespace>-<name>`, as plain JSON. */
export function tableApplication(
  namespace: string,
  name: string,
  options: {
    engine?: 'kro-simplified' | 'crossplane' | 'kro' | 'kratix';
    deletionProtection?: boolean;
  } = {},
): JsonObject {
  const app = buildApplication(
    assertTableSpec(
      {
        engine: options.engine ?? 'kro-simplified',
        applicationName: name,
        componentName: `${name}-table`,
        namespace,
        tableName: `${namespace}-${name}`,
        attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
        keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
        ...(options.deletionProtection ? { deletionProtection: true } : {}),
      },
      { allowedNamespaces: [namespace] },
    ),
  );
  return JSON.parse(JSON.stringify(app)) as JsonObject;
}

/** Applies an Application with the apply action and waits until it is healthy. */
export async function applyAndWait(
  settings: KubeVelaConfig,
  application: JsonObject,
): Promise<void> {
  const action = createApplyApplicationAction({
    settings,
    permissions: mockServices.permissions(),
  });
  await action.handler(
    createMockActionContext({
      input: { application, wait: true, timeoutSeconds: 120 },
    }),
  );
}
