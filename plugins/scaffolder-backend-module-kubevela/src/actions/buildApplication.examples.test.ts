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
        step.input.targetPath ?? 'application.yaml',
      );
      expect(parse(readFileSync(target, 'utf8')).kind).toBe('Application');
      expect(ctx.output).toHaveBeenCalledWith('namespace', 'team-a');
    },
  );
});
