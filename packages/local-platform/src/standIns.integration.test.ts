import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, readControllerVersions, readVersions } from './binaries';
import { httpOk } from './controllers';
import { kubeRequest } from './kubeApi';
import type { KubeConnection } from './kubeApi';
import { dynamodbRequest } from './moto';
import type { PlatformPart } from './parts';
import { startLocalPlatform } from './platform';
import type { LocalPlatform } from './platform';
import { isPidAlive, sleep } from './processes';
import { readPlatformInfo } from './state';
import { createTestNamespace } from './testing';

jest.setTimeout(300_000);

const repoRoot = findRepoRoot();
const port = (endpoint: string) => Number(new URL(endpoint).port);

/** `node cli.ts <args>`; resolves with the exit code and stdout. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise(resolve => {
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'packages/local-platform/src/cli.ts'), ...args],
      { cwd: repoRoot, env: process.env },
    );
    let stdout = '';
    child.stdout.on('data', b => (stdout += b));
    child.stderr.resume();
    child.on('close', code => resolve({ code, stdout }));
  });
}

describe('the engine stand-ins on the local platform', () => {
  let platform: LocalPlatform | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  it('are recorded, listed by `status` next to every real part with its version, and stop with the platform', async () => {
    platform = await startLocalPlatform({
      runIdPrefix: 'standins-test',
      velaCore: true,
      kro: true,
      manifests: true,
      standIns: true,
      handleSignals: false,
    });
    const info = readPlatformInfo(platform.platformJson);
    const standIns = info.standIns!;
    expect(standIns.engines).toEqual(['ack', 'crossplane', 'kratix']);
    expect(standIns.parts.map(p => p.id)).toEqual([
      'ack',
      'crossplane',
      'kratix',
    ]);
    expect(info.processes.find(p => p.name === 'engine-stand-ins')?.pid).toBe(
      standIns.pid,
    );
    expect(await httpOk(port(standIns.healthEndpoint), '/readyz')).toBe(true);
    // the process says in its own log that it is no real controller
    expect(readFileSync(standIns.logFile, 'utf8')).toContain(
      'this is NOT the real controller',
    );

    const status = await cli(['status', '--json']);
    expect(status.code).toBe(0);
    const run = (
      JSON.parse(status.stdout) as Array<{
        runId: string;
        standIns: string;
        parts: PlatformPart[];
      }>
    ).find(r => r.runId === info.runId);
    expect(run?.standIns).toBe('ready');
    const versions = readVersions(repoRoot);
    const controllers = readControllerVersions(repoRoot);
    const version = (name: string) =>
      run?.parts.find(p => p.name === name && !p.standIn)?.version;
    expect(version('etcd')).toBe(versions.etcd);
    expect(version('kube-apiserver')).toBe(versions.kubernetes);
    expect(version('moto')).toBe(versions.moto);
    expect(version('vela-core')).toBe(controllers.kubevela);
    expect(version('kro')).toBe(controllers.kro);
    const stoodIn = run?.parts.filter(p => p.standIn) ?? [];
    expect(stoodIn.map(p => p.version)).toEqual(
      standIns.parts.map(p => `local stand-in for ${p.standsInFor}`),
    );
    expect(stoodIn.every(p => p.alive && p.pid === standIns.pid)).toBe(true);
    // the process itself is listed only through its stand-ins
    expect(run?.parts.some(p => p.name === 'engine-stand-ins')).toBe(false);
    const text = await cli(['status']);
    expect(text.stdout).toContain('local stand-in for ');

    const stopTimes = await platform.stop();
    platform = undefined;
    expect(isPidAlive(standIns.pid)).toBe(false);
    // it stops on SIGTERM (no SIGKILL after the 15 s timeout)
    expect(stopTimes['engine-stand-ins']).toBeLessThan(15_000);
  });

  describe('a restart of the stand-in or of the DynamoDB server', () => {
    interface AckTable {
      status?: {
        tableStatus?: string;
        ackResourceMetadata?: { arn?: string };
        conditions?: Array<{ type: string; status: string; message?: string }>;
      };
    }

    async function listTables(p: LocalPlatform): Promise<string[]> {
      const res = await dynamodbRequest(p.dynamodbEndpoint!, 'ListTables');
      expect(res.status).toBe(200);
      return res.body.TableNames as string[];
    }

    async function waitFor<T>(
      what: string,
      read: () => Promise<T>,
      done: (value: T) => boolean,
      timeoutMs = 60_000,
    ): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      let value = await read();
      while (!done(value)) {
        if (Date.now() > deadline)
          throw new Error(
            `timed out waiting for ${what}: ${JSON.stringify(value)}`,
          );
        await sleep(250);
        value = await read();
      }
      return value;
    }

    const errorConditions = (table: AckTable) =>
      (table.status?.conditions ?? []).filter(
        c =>
          (c.type === 'ACK.Terminal' || c.type === 'ACK.Recoverable') &&
          c.status === 'True',
      );
    const synced = (table: AckTable) =>
      table.status?.tableStatus === 'ACTIVE' &&
      (table.status.conditions ?? []).some(
        c => c.type === 'ACK.ResourceSynced' && c.status === 'True',
      );

    it('leaves exactly one table with the same ARN after a SIGKILL of the stand-in, and recreates it after the DynamoDB server lost it', async () => {
      platform = await startLocalPlatform({
        runIdPrefix: 'standins-restart-test',
        standIns: ['ack'],
        handleSignals: false,
      });
      const p = platform;
      const info = readPlatformInfo(p.platformJson);
      const admin: KubeConnection = {
        server: p.server,
        caPem: p.caPem,
        token: p.adminToken,
      };
      const ns = await createTestNamespace('standins-restart', { info });
      const path = `/apis/dynamodb.services.k8s.aws/v1alpha1/namespaces/${ns.name}/tables/orders`;
      const tableName = `${ns.name}-orders`;
      const created = await kubeRequest(
        admin,
        'POST',
        path.replace(/\/orders$/, ''),
        {
          apiVersion: 'dynamodb.services.k8s.aws/v1alpha1',
          kind: 'Table',
          metadata: { name: 'orders', namespace: ns.name },
          spec: {
            tableName,
            billingMode: 'PAY_PER_REQUEST',
            attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
            keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
          },
        },
      );
      expect(created.status).toBe(201);
      const readTable = async () =>
        (await kubeRequest(admin, 'GET', path)).json<AckTable>();

      const active = await waitFor(
        'the ACK Table to be synced',
        readTable,
        synced,
      );
      const arn = active.status?.ackResourceMetadata?.arn;
      expect(arn).toBe(
        `arn:aws:dynamodb:us-west-2:123456789012:table/${tableName}`,
      );
      expect(await listTables(p)).toEqual([tableName]);

      // the stand-in dies without a chance to clean up, and comes back
      const killed = p.standIns!.process;
      process.kill(killed.pid, 'SIGKILL');
      await killed.exited;
      await p.restartStandIns();
      expect(p.standIns!.process.pid).not.toBe(killed.pid);
      expect(readPlatformInfo(p.platformJson).standIns?.pid).toBe(
        p.standIns!.process.pid,
      );
      // the restarted stand-in has listed the Table again; give its reconcile time to act
      await sleep(3000);
      const afterRestart = await readTable();
      expect(await listTables(p)).toEqual([tableName]);
      expect(afterRestart.status?.ackResourceMetadata?.arn).toBe(arn);
      expect(synced(afterRestart)).toBe(true);
      expect(errorConditions(afterRestart)).toEqual([]);

      // moto keeps tables in memory: a restarted server has none
      await p.restartDynamoDb();
      expect(await listTables(p)).toEqual([]);
      // a relist (as after the next resync) finds the table gone and creates it again
      await p.restartStandIns();
      const tables = await waitFor(
        'the table to be created again',
        () => listTables(p),
        names => names.length > 0,
      );
      expect(tables).toEqual([tableName]);
      const recreated = await waitFor(
        'the ACK Table to be synced again',
        readTable,
        synced,
      );
      expect(recreated.status?.ackResourceMetadata?.arn).toBe(arn);
      expect(errorConditions(recreated)).toEqual([]);
      const described = await dynamodbRequest(
        p.dynamodbEndpoint!,
        'DescribeTable',
        {
          TableName: tableName,
        },
      );
      expect(described.body).toMatchObject({
        Table: {
          TableStatus: 'ACTIVE',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        },
      });
    });
  });
});
