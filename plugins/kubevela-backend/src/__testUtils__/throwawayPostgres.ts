import { execFile } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getFreePort } from '@internal/local-platform';

const run = promisify(execFile);

/** A PostgreSQL server of one test run, on loopback, in a temp dir. */
export interface ThrowawayPostgres {
  host: string;
  port: number;
  user: string;
  /** Stops the server (fast shutdown) and removes its data dir. */
  stop(): Promise<void>;
}

/** The directory of Debian's PostgreSQL binaries (initdb, pg_ctl), newest version first. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).sort((a, b) => Number(b) - Number(a))
    : [];
  const dir = versions
    .map(v => join(root, v, 'bin'))
    .find(d => existsSync(join(d, 'initdb')));
  if (!dir) {
    throw new Error(
      `no PostgreSQL server binaries under ${root}: install Debian's server package (apt-get install postgresql) to run the PostgreSQL tests`,
    );
  }
  return dir;
}

/**
 * initdb + pg_ctl start of a throw-away server on 127.0.0.1 (trust auth, fsync off), as the
 * local platform starts its other parts: no system service is touched. PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` user (runuser), which owns the temp dir.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'kubevela-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args])
      : run(join(bin, tool), args);
  const port = await getFreePort();
  const user = 'kubevela';
  await pg('initdb', [
    '-D',
    data,
    '-U',
    user,
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  try {
    await pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    async stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(
        () => undefined,
      );
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
