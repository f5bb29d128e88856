import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  createTestNamespace,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import { platformSettings } from './__testUtils__/platformSettings';
import {
  applyAndWait,
  tableApplication,
} from './__testUtils__/tableApplications';
import { createDiffApplicationAction } from './diffApplication';

jest.setTimeout(120_000);

describe('kubevela:application:diff on the local platform', () => {
  const info = getTestPlatform();
  let ns: TestNamespace;

  beforeAll(async () => {
    ns = await createTestNamespace('diff-action');
  });
  afterAll(async () => {
    await ns.cleanup();
  });

  const settings = () => platformSettings({ allowedNamespaces: [ns.name] });
  const action = () => createDiffApplicationAction({ settings: settings() });

  async function diff(application: JsonObject) {
    const outputs: Record<string, unknown> = {};
    const ctx = createMockActionContext({ input: { application } });
    ctx.output = jest.fn((name: string, value: unknown) => {
      outputs[name] = value;
    }) as typeof ctx.output;
    await action().handler(ctx);
    return outputs;
  }

  it('reports an Application that does not exist yet as a change, and stores nothing', async () => {
    const outputs = await diff(tableApplication(ns.name, 'fresh'));
    expect(outputs).toMatchObject({ exists: false, changed: true });
    expect(outputs.diff).toContain('spec: (absent) → ');
    const res = await kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications/fresh`,
    );
    expect(res.status).toBe(404);
  });

  it('reports no change for the Application as applied, and each changed path with old → new', async () => {
    const app = tableApplication(ns.name, 'live');
    await applyAndWait(settings(), app);
    expect(await diff(app)).toMatchObject({
      exists: true,
      changed: false,
      diff: '',
      changes: [],
    });

    const changed = tableApplication(ns.name, 'live');
    const component = (changed.spec as any).components[0];
    component.properties.tags = { team: 'payments' };
    const outputs = await diff(changed);
    expect(outputs.changed).toBe(true);
    expect(outputs.diff).toBe(
      'spec.components[0].properties.tags: (absent) → {"team":"payments"}',
    );
  });

  it('refuses a namespace outside the allow-list', async () => {
    await expect(
      diff(tableApplication('kube-system', 'elsewhere')),
    ).rejects.toThrow(/namespace 'kube-system' is not allowed/);
  });
});
