import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createTestTable, testEndpoint } from './testing/testTable.ts';
import type { TestTable } from './testing/testTable.ts';

// src/main.ts run by `node` exactly as the Dockerfile's CMD runs it (type stripping, no build).

function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, [join(__dirname, 'main.ts')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', chunk => (stdout += chunk));
  child.stderr.on('data', chunk => (stderr += chunk));
  const exited = new Promise<number | null>(resolve =>
    child.on('exit', code => resolve(code)),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('node src/main.ts', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable();
  });

  afterAll(async () => {
    await table?.drop();
  });

  it('serves on PORT with the environment of the session-api component, and stops on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const run = runMain({
      TABLE_NAME: table.tableName,
      AWS_REGION: 'us-west-2',
      AWS_ENDPOINT_URL: testEndpoint(),
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      PORT: String(port),
    });
    try {
      const deadline = Date.now() + 20000;
      while (!run.output().stdout.includes('listening')) {
        if (Date.now() > deadline || run.child.exitCode !== null) {
          throw new Error(`main.ts did not start: ${run.output().stderr}`);
        }
        await new Promise(r => setTimeout(r, 50));
      }
      expect(run.output().stdout).toContain(
        `table ${table.tableName} in us-west-2 at ${testEndpoint()}`,
      );
      const ready = await fetch(`http://127.0.0.1:${port}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ userIndex: 'userId-index' });
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exited).toBe(0);
  });

  it('exits 1 naming the variable when the configuration is wrong', async () => {
    const run = runMain({ TABLE_NAME: '' });
    expect(await run.exited).toBe(1);
    // (Outside the image Node may also warn that package.json does not say "type": "module".)
    expect(run.output().stderr).toContain(
      'configuration: TABLE_NAME: is required: the DynamoDB table holding the sessions\n',
    );
  });
});
