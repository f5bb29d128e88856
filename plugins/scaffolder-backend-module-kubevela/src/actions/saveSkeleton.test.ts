import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSaveSkeletonAction } from './saveSkeleton';

// Real folders in a temporary directory: the workspace and the configured skeleton directory.
describe('kubevela:skeleton:save', () => {
  let root: string;
  let workspacePath: string;
  let keep: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'save-skeleton-'));
    workspacePath = join(root, 'workspace');
    keep = join(root, 'skeletons');
    await mkdir(join(workspacePath, 'service', 'src'), { recursive: true });
    await writeFile(join(workspacePath, 'service', 'src', 'main.ts'), 'main');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  function run(
    config: JsonObject,
    input: { sourcePath: string; name: string },
    extra: { isDryRun?: boolean; taskId?: string } = {},
  ) {
    const action = createSaveSkeletonAction({
      config: new ConfigReader(config),
    });
    const ctx = {
      // The mock context leaves isDryRun out; the scaffolder sets it on a dry run.
      ...createMockActionContext({
        input,
        workspacePath,
        task: { id: extra.taskId ?? 'a1b2c3d4-task' },
      }),
      isDryRun: extra.isDryRun,
    };
    return action.handler(ctx).then(() => ctx.output);
  }

  it('copies the folder under the configured directory, never over an earlier copy', async () => {
    const config = { kubevela: { skeletonDirectory: keep } };
    const input = { sourcePath: 'service', name: 'checkout' };
    const first = await run(config, input);
    expect(first).toHaveBeenCalledWith('saved', true);
    expect(first).toHaveBeenCalledWith('path', join(keep, 'checkout'));
    expect(
      await readFile(join(keep, 'checkout', 'src', 'main.ts'), 'utf8'),
    ).toBe('main');

    const second = await run(config, input, { taskId: 'e5f6a7b8-next' });
    expect(second).toHaveBeenCalledWith(
      'path',
      join(keep, 'checkout-e5f6a7b8'),
    );
    await expect(
      run(config, input, { taskId: 'e5f6a7b8-next' }),
    ).rejects.toThrow(`${join(keep, 'checkout-e5f6a7b8')} already exists`);
  });

  it('copies nothing in a dry run, and says where the folder would go', async () => {
    const output = await run(
      { kubevela: { skeletonDirectory: keep } },
      { sourcePath: 'service', name: 'checkout' },
      { isDryRun: true },
    );
    expect(output).toHaveBeenCalledWith('saved', false);
    expect(output).toHaveBeenCalledWith(
      'message',
      `Dry run: the skeleton would be copied to ${join(
        keep,
        'checkout',
      )} on the portal's host.`,
    );
    await expect(
      readFile(join(keep, 'checkout', 'src', 'main.ts')),
    ).rejects.toThrow('ENOENT');
  });

  it('says that nothing was kept when no directory is configured', async () => {
    const output = await run({}, { sourcePath: 'service', name: 'checkout' });
    expect(output).toHaveBeenCalledWith('saved', false);
    expect(output).toHaveBeenCalledWith('path', '');
    expect(output).toHaveBeenCalledWith(
      'message',
      expect.stringContaining('No kubevela.skeletonDirectory is configured'),
    );
  });

  it.each([
    [{ sourcePath: 'service', name: '../escape' }, 'name: '],
    [
      { sourcePath: 'missing', name: 'checkout' },
      "sourcePath: 'missing' is not a folder",
    ],
    [{ sourcePath: '../..', name: 'checkout' }, 'outside'],
  ])('refuses %j', async (input, message) => {
    await expect(
      run({ kubevela: { skeletonDirectory: keep } }, input),
    ).rejects.toThrow(message);
  });

  it('refuses a relative configured directory', async () => {
    await expect(
      run(
        { kubevela: { skeletonDirectory: 'skeletons' } },
        { sourcePath: 'service', name: 'checkout' },
      ),
    ).rejects.toThrow('kubevela.skeletonDirectory must be an absolute path');
  });
});
