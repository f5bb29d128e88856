#!/usr/bin/env node
// Benchmark (not a test): kubevela /status against the Kubernetes plugin's entity endpoints and
// Backstage's own floor, on one local platform with 2,000 Applications + 2,000 engine resources
// and 2,000 catalog entities, in one run. See README.md beside this file.
//
//   source scripts/toolchain.sh && node plugins/kubevela-backend/scripts/benchmark/run.mjs [--count 2000] [--rounds 3] [--out DIR]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiReads, connectionOf } from './apiserver.mjs';
import {
  CUSTOM_RESOURCES,
  cpuMs,
  guestToken,
  listenerPid,
  rssMiB,
  startBackend,
  until,
  writeOverlay,
} from './backend.mjs';
import { keepAliveAgent, send } from './http.mjs';
import { runLoad } from './load.mjs';
import { seedCluster, writeCatalog } from './seed.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const COUNT = Number(opt('count', '2000'));
const ROUNDS = Number(opt('rounds', '3'));
const OUT = opt('out') ?? mkdtempSync(join(tmpdir(), 'kubevela-bench-'));
mkdirSync(OUT, { recursive: true });
const REPO = resolve(new URL('../../../..', import.meta.url).pathname);
const RUN_ID = `bench-${process.pid}`;
const log = m =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`,
  );

function platformCli(...cliArgs) {
  return execFileSync(
    'node',
    [join(REPO, 'packages/local-platform/src/cli.ts'), ...cliArgs],
    { cwd: REPO },
  ).toString();
}

async function main() {
  const results = {
    count: COUNT,
    startedAt: new Date().toISOString(),
    runs: [],
  };
  log(
    `local platform ${RUN_ID} (kube-apiserver + etcd + CRDs, no controllers)`,
  );
  platformCli('start', '--detach', '--name', RUN_ID, '--no-dynamodb');
  let backend;
  try {
    const platformJson = join(REPO, '.local-platform', RUN_ID, 'platform.json');
    const conn = connectionOf(platformJson);
    results.seedMs = await seedCluster(conn, COUNT);
    log(
      `seeded ${COUNT} Applications + ${COUNT} Crossplane Tables in ${results.seedMs} ms`,
    );
    const catalogFile = writeCatalog(OUT, COUNT);
    const port = Number(
      execFileSync('node', [
        '-e',
        "const s=require('net').createServer().listen(0,()=>{console.log(s.address().port);s.close()})",
      ]).toString(),
    );
    const overlay = writeOverlay(OUT, { port, conn, catalogFile });
    const base = `http://localhost:${port}`;
    const t0 = Date.now();
    backend = startBackend(REPO, overlay, join(OUT, 'backend.log'));
    log(`backend starting on :${port} (log ${join(OUT, 'backend.log')})`);
    await until(
      'the backend',
      async () => (await send(`${base}/api/kubevela/health`)).status === 200,
      600_000,
    );
    results.backendUpMs = Date.now() - t0;
    const token = await guestToken(base);
    const headers = { authorization: `Bearer ${token}` };
    const watches = await until(
      'the watches to sync',
      async () => {
        const res = await send(`${base}/api/kubevela/watches`, { headers });
        const local = JSON.parse(res.body).clusters?.local;
        return local?.every(k => k.state === 'synced' || k.state === 'unserved')
          ? local
          : undefined;
      },
      300_000,
    );
    results.watchesSyncedAfterBackendUpMs =
      Date.now() - t0 - results.backendUpMs;
    results.watches = watches
      .filter(k => k.objects > 0)
      .map(k => ({
        kind: `${k.apiVersion} ${k.kind}`,
        objects: k.objects,
        listMs: k.stats.lastListMs,
      }));
    // The Components of the catalog file, and the Resources the kubevela entity provider makes of
    // the Applications: measuring starts once the catalog has processed both.
    for (const kind of ['component', 'resource']) {
      await until(
        `the catalog to hold ${COUNT} ${kind}s`,
        async () => {
          const res = await send(
            `${base}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
            { headers },
          );
          return JSON.parse(res.body).totalItems >= COUNT;
        },
        600_000,
      );
    }
    results.catalogReadyMs = Date.now() - t0;
    const pid = listenerPid(port);
    const apiserverPid = JSON.parse(platformCli('status', '--json'))
      .find?.(r => r.runId === RUN_ID)
      ?.processes?.find(p => p.name === 'kube-apiserver')?.pid;
    results.backendRssAfterStartMiB = rssMiB(pid);
    log(
      `ready: backend ${results.backendUpMs} ms, catalog ${results.catalogReadyMs} ms, RSS ${results.backendRssAfterStartMiB} MiB`,
    );

    const entities = new Map();
    for (let offset = 0; offset < COUNT; offset += 500) {
      const res = await send(
        `${base}/api/catalog/entities/by-query?filter=kind=component&limit=500&offset=${offset}`,
        { headers },
      );
      for (const e of JSON.parse(res.body).items)
        entities.set(e.metadata.name, e);
    }
    const id = () => Math.floor(Math.random() * COUNT);
    const pickId = new Map();
    const svc = i => {
      if (!pickId.has(i)) pickId.set(i, id());
      return `svc-${pickId.get(i)}`;
    };
    const oneEach = (body, name) => {
      const objs =
        body.items?.[0]?.resources?.flatMap(r =>
          r.type === 'customresources' ? r.resources : [],
        ) ?? [];
      return (
        body.items?.length === 1 &&
        objs.length === 2 &&
        objs.every(
          o => o.metadata.labels['backstage.io/kubernetes-id'] === name,
        )
      );
    };
    const targets = [
      {
        name: 'kubevela GET /status',
        request: i => ({
          url: `${base}/api/kubevela/status?entityRef=component:default/${svc(
            i,
          )}`,
        }),
        check: (b, i) =>
          b.application?.name === svc(i) &&
          b.engine === 'crossplane' &&
          b.engineResources.length === 1,
      },
      {
        name: 'kubernetes POST /services/:name (default objectTypes)',
        request: i => ({
          url: `${base}/api/kubernetes/services/${svc(i)}`,
          method: 'POST',
          body: { auth: {}, entity: entities.get(svc(i)) },
        }),
        check: (b, i) => oneEach(b, svc(i)),
      },
      {
        name: 'kubernetes POST /resources/custom/query (custom resources only)',
        request: i => ({
          url: `${base}/api/kubernetes/resources/custom/query`,
          method: 'POST',
          body: {
            entityRef: `component:default/${svc(i)}`,
            auth: {},
            customResources: CUSTOM_RESOURCES,
          },
        }),
        check: (b, i) => oneEach(b, svc(i)),
      },
      {
        name: 'floor: catalog GET /entities/by-name',
        request: i => ({
          url: `${base}/api/catalog/entities/by-name/component/default/${svc(
            i,
          )}`,
        }),
        check: (b, i) => b.metadata?.name === svc(i),
      },
    ];
    const agent = keepAliveAgent(64);
    // Rounds: every target once per round, in turn, so that background work of the backend
    // (the catalog's stitching and search indexing after start-up, the entity index's refresh)
    // falls on all targets alike; each target's figures are the median of its rounds.
    for (const [concurrency, total] of [
      [1, 200],
      [50, 1000],
    ]) {
      const perTarget = new Map(targets.map(t => [t.name, []]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const target of targets) {
          pickId.clear();
          const reads0 = await apiReads(conn);
          const cpu0 = [cpuMs(pid), apiserverPid ? cpuMs(apiserverPid) : 0];
          const r = await runLoad({
            concurrency,
            total,
            request: target.request,
            check: target.check,
            headers,
            agent,
          });
          const reads = (await apiReads(conn)) - reads0;
          const cpu1 = [cpuMs(pid), apiserverPid ? cpuMs(apiserverPid) : 0];
          const run = {
            target: target.name,
            round,
            ...r,
            // warm-up requests count too: (n + 20) requests were sent
            kubeReadsPerRequest: +(reads / (total + 20)).toFixed(2),
            backendCpuMsPerRequest: +(
              (cpu1[0] - cpu0[0]) /
              (total + 20)
            ).toFixed(1),
            apiserverCpuMsPerRequest: apiserverPid
              ? +((cpu1[1] - cpu0[1]) / (total + 20)).toFixed(1)
              : undefined,
          };
          perTarget.get(target.name).push(run);
          log(JSON.stringify(run));
        }
      }
      for (const [name, rounds] of perTarget) {
        results.runs.push(medianOfRounds(name, rounds));
      }
    }
    for (const run of results.runs)
      log(`median of ${ROUNDS}: ${JSON.stringify(run)}`);
    results.backendRssAfterRunsMiB = rssMiB(pid);
  } finally {
    backend?.stop();
    platformCli('stop', '--name', RUN_ID);
  }
  const file = join(OUT, 'results.json');
  writeFileSync(file, JSON.stringify(results, null, 2));
  process.stdout.write(
    `${JSON.stringify(results, null, 2)}\nresults: ${file}\n`,
  );
}

/** One target's figures: the median of each figure over its rounds, and every round's rps. */
function medianOfRounds(target, rounds) {
  const median = key => {
    const values = rounds
      .map(r => r[key])
      .filter(v => v !== undefined)
      .sort((a, b) => a - b);
    return values.length ? values[Math.floor(values.length / 2)] : undefined;
  };
  const figures = [
    'p50',
    'p95',
    'p99',
    'rps',
    'kubeReadsPerRequest',
    'backendCpuMsPerRequest',
    'apiserverCpuMsPerRequest',
  ];
  return {
    target,
    n: rounds[0].n,
    concurrency: rounds[0].concurrency,
    rounds: rounds.length,
    ...Object.fromEntries(figures.map(f => [f, median(f)])),
    rpsPerRound: rounds.map(r => r.rps),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
  };
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
