import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './binaries';
import { isPidAlive, sleep } from './processes';
import { readPlatformInfo } from './state';

jest.setTimeout(120_000);

const repoRoot = findRepoRoot();
const cli = join(repoRoot, 'packages', 'local-platform', 'src', 'cli.ts');

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: repoRoot,
      env: process.env,
    });
    let output = '';
    child.stdout.on('data', b => (output += b));
    child.stderr.on('data', b => (output += b));
    child.on('close', code => resolve({ code, output }));
  });
}

async function until(
  condition: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(200);
  }
  return condition();
}

describe('cli start --detach --exit-with', () => {
  it('stops the whole platform once the process it belongs to is killed with SIGKILL', async () => {
    const owner = spawn('sleep', ['300'], { stdio: 'ignore' });
    const name = `exit-with-${process.pid}`;
    const started = await run([
      'start',
      '--detach',
      '--name',
      name,
      '--no-crds',
      '--no-dynamodb',
      '--exit-with',
      String(owner.pid),
    ]);
    expect(started).toMatchObject({ code: 0 });

    const file = join(repoRoot, '.local-platform', name, 'platform.json');
    const info = readPlatformInfo(file);
    const pids = [info.ownerPid, ...info.processes.map(p => p.pid)];
    expect(pids.every(isPidAlive)).toBe(true);

    owner.kill('SIGKILL');
    expect(await until(() => pids.every(pid => !isPidAlive(pid)), 30_000)).toBe(
      true,
    );
    expect(existsSync(file)).toBe(false);
  });
});
