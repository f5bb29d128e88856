import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createBuildApplicationAction } from './buildApplication';
import { buildApplicationExamples } from './buildApplication.examples';

describe('kubevela:application:build examples', () => {
  const workspace = createMockDirectory();
  const action = createBuildApplicationAction({
    settings: {
      allowedNamespaces: ['team-a'],
      tableNamePrefix: '',
      defaultRegion: 'us-west-2',
      regions: ['us-west-2'],
      gitops: {
        repoUrl: 'github.com?owner=acme&repo=platform-apps',
        host: 'github.com',
        owner: 'acme',
        repo: 'platform-apps',
        targetBranch: 'main',
        path: 'applications/{namespace}/{name}.yaml',
      },
    },
  });

  it.each(buildApplicationExamples.map(e => [e.description, e]))(
    'runs: %s',
    async (_, example) => {
      workspace.clear();
      const step = parse(example.example).steps[0];
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const target = join(
        workspace.path,
        step.input.delivery === 'pullRequest'
          ? 'pull-request/applications/team-a/orders.yaml'
          : step.input.targetPath ?? 'application.yaml',
      );
      expect(parse(readFileSync(target, 'utf8')).kind).toBe('Application');
      expect(ctx.output).toHaveBeenCalledWith('namespace', 'team-a');
    },
  );

  it("wires the pull request example's publish step to the build step's outputs", () => {
    const example = buildApplicationExamples.find(e =>
      e.example.includes('publish:github:pull-request'),
    );
    const [build, publish] = parse(example!.example).steps;
    expect(build.input.delivery).toBe('pullRequest');
    expect(publish.input).toMatchObject({
      repoUrl: '${{ steps.build.output.pullRequest.repoUrl }}',
      targetBranchName: '${{ steps.build.output.pullRequest.targetBranch }}',
      branchName: '${{ steps.build.output.pullRequest.branchName }}',
      sourcePath: '${{ steps.build.output.pullRequest.sourcePath }}',
    });
  });
});
