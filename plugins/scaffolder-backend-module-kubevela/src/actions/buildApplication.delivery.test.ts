import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { applicationToYaml } from '@vela-tables/plugin-kubevela-common';
import type { KubeVelaGitOpsConfig } from '@vela-tables/plugin-kubevela-node';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createBuildApplicationAction } from './buildApplication';

// Where kubevela:application:build writes the Application: a safe relative targetPath for a
// later apply, or (delivery pullRequest) the GitOps repository's layout under pull-request/.

const gitops: KubeVelaGitOpsConfig = {
  repoUrl: 'github.com?owner=acme&repo=platform-apps',
  host: 'github.com',
  owner: 'acme',
  repo: 'platform-apps',
  targetBranch: 'release',
  path: 'clusters/prod/{namespace}/{name}.yaml',
};

const settings = {
  allowedNamespaces: ['team-a'],
  tableNamePrefix: '',
  defaultRegion: 'us-west-2',
  regions: ['us-west-2'],
};

const table = {
  engine: 'kro-simplified',
  applicationName: 'orders',
  componentName: 'orders-table',
  namespace: 'team-a',
  tableName: 'orders',
  attributeDefinitions: [{ attributeName: 'orderId', attributeType: 'S' }],
  keySchema: [{ attributeName: 'orderId', keyType: 'HASH' }],
};

describe('kubevela:application:build, where it writes', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  function run(
    input: Record<string, unknown>,
    withGitOps: KubeVelaGitOpsConfig | null = gitops,
  ) {
    const action = createBuildApplicationAction({
      settings: { ...settings, gitops: withGitOps ?? undefined },
    });
    const ctx = createMockActionContext({
      input: { table, ...input },
      workspacePath: workspace.path,
      task: { id: '0f3c2a9e-1111-4222-8333-444455556666' },
    });
    return { ctx, done: action.handler(ctx) };
  }

  // createMockActionContext's output is a jest.fn(), typed as the plain function it stands for.
  function outputOf(ctx: { output: unknown }, name: string) {
    const calls = (ctx.output as jest.Mock).mock.calls;
    return calls.find(([key]) => key === name)?.[1];
  }

  it.each([
    ['an absolute path', '/tmp/application.yaml'],
    [
      'an absolute path inside the workspace',
      () => workspace.resolve('a.yaml'),
    ],
    ["a path that climbs with '..'", '../escape.yaml'],
    ["a path with '..' that stays inside", 'deploy/../application.yaml'],
    ["a path with a Windows '..'", 'deploy\\..\\..\\escape.yaml'],
    ['a Windows absolute path', 'C:\\temp\\application.yaml'],
    ['an empty path', ''],
  ])('refuses %s as targetPath and writes nothing', async (_, path) => {
    const targetPath = typeof path === 'function' ? path() : path;
    const { done } = run({ targetPath });
    await expect(done).rejects.toThrow(
      `targetPath: '${targetPath}' must be a relative path inside the workspace, without '..'`,
    );
    expect(workspace.content()).toEqual({});
  });

  it('refuses a targetPath that leaves the workspace through a symbolic link', async () => {
    const outside = createMockDirectory();
    symlinkSync(outside.path, join(workspace.path, 'link'));
    const { done } = run({ targetPath: 'link/application.yaml' });
    await expect(done).rejects.toThrow(/outside/);
    expect(outside.content()).toEqual({});
  });

  it('writes the YAML of the Application it outputs at a relative targetPath', async () => {
    const { ctx, done } = run({ targetPath: 'deploy/orders.yaml' });
    await done;
    const application = outputOf(ctx, 'application');
    expect(workspace.content()).toEqual({
      deploy: { 'orders.yaml': applicationToYaml(application) },
    });
    expect(outputOf(ctx, 'pullRequest')).toBeUndefined();
  });

  it("with delivery 'pullRequest', writes only the repository's file under pull-request/ and outputs the plan", async () => {
    const { ctx, done } = run({ delivery: 'pullRequest' });
    await done;
    const application = outputOf(ctx, 'application');
    expect(workspace.content()).toEqual({
      'pull-request': {
        clusters: {
          prod: {
            'team-a': { 'orders.yaml': applicationToYaml(application) },
          },
        },
      },
    });
    const written = readFileSync(
      workspace.resolve('pull-request/clusters/prod/team-a/orders.yaml'),
      'utf8',
    );
    expect(parse(written)).toEqual(application);
    expect(outputOf(ctx, 'pullRequest')).toEqual({
      repoUrl: 'github.com?owner=acme&repo=platform-apps',
      targetBranch: 'release',
      branchName: 'vela-tables/team-a/orders-55556666',
      sourcePath: 'pull-request',
      filePath: 'clusters/prod/team-a/orders.yaml',
    });
  });

  it("refuses delivery 'pullRequest' when the platform configures no GitOps, and writes nothing", async () => {
    const { done } = run({ delivery: 'pullRequest' }, null);
    await expect(done).rejects.toThrow(
      "delivery: 'pullRequest' needs GitOps delivery, which this platform does not configure (kubevela.gitops.repoUrl)",
    );
    expect(workspace.content()).toEqual({});
  });

  it("refuses a targetPath with delivery 'pullRequest', where the platform's path decides", async () => {
    const { done } = run({ delivery: 'pullRequest', targetPath: 'x.yaml' });
    await expect(done).rejects.toThrow(
      "targetPath: not with delivery 'pullRequest'",
    );
    expect(workspace.content()).toEqual({});
  });

  it("keeps delivery 'apply' as without delivery: application.yaml at the root", async () => {
    const { ctx, done } = run({ delivery: 'apply' });
    await done;
    expect(Object.keys(workspace.content()!)).toEqual(['application.yaml']);
    expect(outputOf(ctx, 'pullRequest')).toBeUndefined();
  });
});
