/**
 * Benchmark (not a test): per engine, the time from Application applied to table ACTIVE in the
 * DynamoDB server and to Application healthy (vela-core `status.status: running`, every component
 * healthy), median of several runs, on a fresh local platform with the real vela-core and KRO and
 * the engine stand-ins; plus the platform's warm start time with the stand-ins.
 *
 *   yarn workspace @internal/engine-standins bench:time-to-ready [--runs 3] [--json out.json]
 *
 * With `--write` it also stores the medians in
 * plugins/kubevela-common/src/engines/measuredTimeToReady.ts, which the engine comparison shows
 * (with the command, date and run count it came from).
 */
import { writeFileSync } from 'node:fs';
import prettier from 'prettier';
import { join } from 'node:path';
import { findRepoRoot, startLocalPlatform } from '@internal/local-platform';
import {
  buildApplication,
  parseTableSpec,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableSpecInput,
} from '@vela-tables/plugin-kubevela-common';
import {
  ClusterRegistry,
  KubeVelaClient,
  createDynamoDbClient,
  describeDynamoDbTable,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

interface BenchCase {
  id: string;
  engine: EngineId;
  input: Partial<TableSpecInput>;
}

const keys: Partial<TableSpecInput> = {
  attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
  keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
};

/** The smallest table each engine path makes, so that the figures compare the engines, not features. */
const CASES: BenchCase[] = [
  {
    id: 'crossplane',
    engine: 'crossplane',
    input: { ...keys, crossplane: { scope: 'namespaced' } },
  },
  { id: 'kro', engine: 'kro', input: { ...keys, featureMode: 'traits' } },
  { id: 'kro-simplified', engine: 'kro-simplified', input: keys },
  {
    id: 'kro-simple',
    engine: 'kro-simple',
    input: {
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
    },
  },
  { id: 'kratix', engine: 'kratix', input: keys },
];

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

async function main() {
  const runs = Number(flag('runs') ?? 3);
  const repoRoot = findRepoRoot();
  const startMs: number[] = [];
  const results: Record<string, { activeMs: number[]; healthyMs: number[] }> =
    {};
  for (const c of CASES) results[c.id] = { activeMs: [], healthyMs: [] };

  // warm starts (the binaries are cached): the first run also serves the engine measurements
  const platform = await startLocalPlatform({
    repoRoot,
    runIdPrefix: 'bench-ttr',
    controllerManager: true,
    velaCore: true,
    kro: true,
    manifests: true,
    standIns: true,
  });
  startMs.push(platform.timings.total);
  try {
    const info = platform.info;
    const registry = new ClusterRegistry([
      {
        name: 'local',
        url: info.kubernetes.server,
        serviceAccountToken: platform.adminToken,
        caFile: platform.caFile,
        skipTLSVerify: false,
      },
    ]);
    const client = new KubeVelaClient({ cluster: registry.get('local') });
    const dynamodb = createDynamoDbClient({
      endpoint: platform.dynamodbEndpoint!,
      region: 'us-west-2',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    for (let run = 1; run <= runs; run++) {
      for (const c of CASES) {
        const name = `bench-${c.id}-${run}`;
        const parsed = parseTableSpec({
          engine: c.engine,
          applicationName: name,
          componentName: 'table',
          namespace: 'team-a',
          tableName: name,
          ...c.input,
        } as TableSpecInput);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        const app = buildApplication(parsed.spec) as unknown as KubeObject;
        const ref = {
          apiVersion: app.apiVersion,
          kind: app.kind,
          name,
          namespace: 'team-a',
        };
        const t0 = Date.now();
        await client.apply(app);
        let activeMs: number | undefined;
        let healthyMs: number | undefined;
        while (
          (activeMs === undefined || healthyMs === undefined) &&
          Date.now() - t0 < 180_000
        ) {
          if (activeMs === undefined) {
            try {
              const view = await describeDynamoDbTable(dynamodb, name);
              if (view.tableStatus === 'ACTIVE') activeMs = Date.now() - t0;
            } catch {
              // not created yet
            }
          }
          if (healthyMs === undefined) {
            const current = (await client.get(ref)) as KubeObject & {
              status?: {
                status?: string;
                services?: Array<{ healthy?: boolean }>;
              };
            };
            const services = current.status?.services ?? [];
            if (
              current.status?.status === 'running' &&
              services.length > 0 &&
              services.every(s => s.healthy)
            ) {
              healthyMs = Date.now() - t0;
            }
          }
          await new Promise(r => setTimeout(r, 100));
        }
        if (activeMs === undefined || healthyMs === undefined) {
          throw new Error(
            `${c.id} run ${run}: not ACTIVE and healthy within 180 s`,
          );
        }
        results[c.id].activeMs.push(activeMs);
        results[c.id].healthyMs.push(healthyMs);
        process.stdout.write(
          `${c.id} run ${run}: ACTIVE after ${activeMs} ms, healthy after ${healthyMs} ms\n`,
        );
        await client.delete(ref);
      }
    }
  } finally {
    await platform.stop();
  }
  for (let run = 2; run <= runs; run++) {
    const again = await startLocalPlatform({
      repoRoot,
      runIdPrefix: 'bench-ttr',
      controllerManager: true,
      velaCore: true,
      kro: true,
      manifests: true,
      standIns: true,
    });
    startMs.push(again.timings.total);
    await again.stop();
  }

  const summary = {
    measuredAt: new Date().toISOString().slice(0, 10),
    command: `yarn workspace @internal/engine-standins bench:time-to-ready --runs ${runs}`,
    runs,
    platformWarmStartMs: { median: median(startMs), samples: startMs },
    engines: Object.fromEntries(
      CASES.map(c => [
        c.engine,
        {
          activeMs: median(results[c.id].activeMs),
          healthyMs: median(results[c.id].healthyMs),
          samples: results[c.id],
        },
      ]),
    ),
  };
  process.stdout.write(`\n${JSON.stringify(summary, null, 2)}\n`);
  const out = flag('json');
  if (out) writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  if (process.argv.includes('--write')) {
    const target = join(
      repoRoot,
      'plugins/kubevela-common/src/engines/measuredTimeToReady.ts',
    );
    const measured = {
      measuredAt: summary.measuredAt,
      command: summary.command,
      runs,
      where:
        "the local platform: real vela-core and KRO, local stand-ins for the ACK controller, Crossplane's AWS provider and Kratix, moto as DynamoDB",
      engines: Object.fromEntries(
        Object.entries(summary.engines).map(([id, e]) => [
          id,
          { activeMs: e.activeMs, healthyMs: e.healthyMs },
        ]),
      ),
    };
    const source = [
      '// Generated by packages/engine-standins/scripts/benchTimeToReady.ts --write; do not edit.',
      "import type { MeasuredTimeToReady } from './measuredTimeToReadyTypes';",
      '',
      '/** Time from Application applied to table ACTIVE and to Application healthy, per engine (medians). */',
      `export const MEASURED_TIME_TO_READY: MeasuredTimeToReady = ${JSON.stringify(
        measured,
        null,
        2,
      )};`,
      '',
    ].join('\n');
    // formatted as the repository's prettier config says, so that `prettier --check` in the
    // test command passes on the generated file
    const options = (await prettier.resolveConfig(target)) ?? {};
    writeFileSync(
      target,
      prettier.format(source, { ...options, filepath: target }),
    );
    process.stdout.write(`wrote ${target}\n`);
  }
}

main().catch(error => {
  process.stderr.write(
    `bench:time-to-ready failed: ${(error as Error).stack}\n`,
  );
  process.exit(1);
});
