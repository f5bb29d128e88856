import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createTestNamespace,
  dynamodbRequest,
  getTestPlatform,
  kubeConnection,
  kubeRequest,
} from '@internal/local-platform';
import type { TestNamespace } from '@internal/local-platform';
import { platformSettings } from './__testUtils__/platformSettings';
import { runExample } from './__testUtils__/runExample';
import { createApplyApplicationAction } from './applyApplication';
import { applyApplicationExamples } from './applyApplication.examples';
import { createBuildApplicationAction } from './buildApplication';
import { createDeleteApplicationAction } from './deleteApplication';
import { deleteApplicationExamples } from './deleteApplication.examples';
import { createDiffApplicationAction } from './diffApplication';
import { diffApplicationExamples } from './diffApplication.examples';

jest.setTimeout(300_000);

// The examples of apply, diff and delete, run step by step as the scaffolder would (build first,
// its output passed on), in the order a table's life goes, on the local platform.
describe('the examples of the cluster actions, on the local platform', () => {
  const info = getTestPlatform();
  const workspace = createMockDirectory();
  let ns: TestNamespace;
  let actions: ReturnType<typeof makeActions>;
  const name = 'example-orders';

  function makeActions() {
    const settings = platformSettings({ allowedNamespaces: [ns.name] });
    const permissions = mockServices.permissions();
    return [
      createBuildApplicationAction({ settings }),
      createApplyApplicationAction({ settings, permissions }),
      createDiffApplicationAction({ settings }),
      createDeleteApplicationAction({ settings, permissions }),
    ];
  }

  beforeAll(async () => {
    ns = await createTestNamespace('examples');
    actions = makeActions();
  });
  afterAll(async () => {
    await ns.cleanup();
  });

  const run = (example: (typeof applyApplicationExamples)[number]) => {
    workspace.clear();
    return runExample(example, actions, {
      workspacePath: workspace.path,
      parameters: { name, namespace: ns.name },
    });
  };

  async function stored(): Promise<number> {
    const res = await kubeRequest(
      kubeConnection(info),
      'GET',
      `/apis/core.oam.dev/v1beta1/namespaces/${ns.name}/applications/${name}`,
    );
    return res.status;
  }

  async function tableStatus(): Promise<string | undefined> {
    const res = await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DescribeTable',
      { TableName: name },
      { region: info.dynamodb!.region },
    );
    return res.status === 200
      ? (res.body as { Table: { TableStatus: string } }).Table.TableStatus
      : undefined;
  }

  it('runs every example of apply, diff and delete through a table lifecycle', async () => {
    expect(applyApplicationExamples).toHaveLength(2);
    expect(diffApplicationExamples).toHaveLength(1);
    expect(deleteApplicationExamples).toHaveLength(3);

    // diff before anything exists
    let out = await run(diffApplicationExamples[0]);
    expect(out.diff).toMatchObject({ exists: false, changed: true });

    // apply: server-side validation only
    out = await run(applyApplicationExamples[0]);
    expect(out.validate).toMatchObject({ dryRun: true });
    expect(await stored()).toBe(404);

    // apply from the workspace file and wait
    out = await run(applyApplicationExamples[1]);
    expect(out.apply).toMatchObject({ healthy: true, status: 'running' });
    expect(await tableStatus()).toBe('ACTIVE');

    // diff after: nothing would change
    out = await run(diffApplicationExamples[0]);
    expect(out.diff).toMatchObject({ exists: true, changed: false });

    // delete, dry run: nothing deleted
    out = await run(deleteApplicationExamples[2]);
    expect(out.delete).toMatchObject({ dryRun: true, existed: true });
    expect(await stored()).toBe(200);

    // delete keeping the table
    out = await run(deleteApplicationExamples[1]);
    expect(out.delete).toMatchObject({ tableKept: true });
    expect(await stored()).toBe(404);
    expect(await tableStatus()).toBe('ACTIVE');

    // the kept table is removed by hand, so that the next apply creates it anew
    await dynamodbRequest(
      info.dynamodb!.endpoint,
      'DeleteTable',
      { TableName: name },
      { region: info.dynamodb!.region },
    );
    out = await run(applyApplicationExamples[1]);
    expect(out.apply).toMatchObject({ healthy: true });

    // delete and wait until the table is gone
    out = await run(deleteApplicationExamples[0]);
    expect(out.delete).toMatchObject({ tableKept: false, existed: true });
    expect(await stored()).toBe(404);
    expect(await tableStatus()).toBeUndefined();
  });
});
