import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPlatform } from './platform';
import { isPidAlive } from './processes';
import { readPlatformInfo } from './state';

jest.setTimeout(180_000);

describe('startLocalPlatform', () => {
  it('starts etcd, kube-apiserver and moto, and stop() leaves no process or state behind', async () => {
    const platform = await startLocalPlatform({
      runIdPrefix: 'lifecycle-test',
      crds: false,
      handleSignals: false,
    });
    const info = readPlatformInfo(platform.platformJson);
    const pids = info.processes.map(p => p.pid);

    expect(info.ready).toBe(true);
    expect(info.processes.map(p => p.name).sort()).toEqual([
      'etcd',
      'kube-apiserver',
      'moto',
    ]);
    expect(pids.every(isPidAlive)).toBe(true);
    expect(platform.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.dynamodbEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const stopTimes = await platform.stop();

    expect(Object.keys(stopTimes).sort()).toEqual([
      'etcd',
      'kube-apiserver',
      'moto',
      'total',
    ]);
    expect(pids.some(isPidAlive)).toBe(false);
    expect(existsSync(platform.stateDir)).toBe(false);
  });

  it('stops what it started when a later step fails, and keeps the logs', async () => {
    const missing = mkdtempSync(join(tmpdir(), 'no-crds-'));
    rmSync(missing, { recursive: true });
    let message = '';
    try {
      await startLocalPlatform({
        runIdPrefix: 'failing-test',
        crds: [missing],
        handleSignals: false,
      });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toContain('local platform failed to start');
    expect(message).toContain(missing);
    const stateDir = /logs kept in (\S+);/.exec(message)?.[1] ?? '';
    const info = readPlatformInfo(join(stateDir, 'platform.stopped.json'));
    expect(existsSync(join(stateDir, 'platform.json'))).toBe(false);
    expect(info.processes.length).toBeGreaterThanOrEqual(2);
    expect(info.processes.map(p => p.pid).some(isPidAlive)).toBe(false);
    rmSync(stateDir, { recursive: true, force: true });
  });
});
