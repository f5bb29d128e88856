import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { findRepoRoot } from './binaries';
import { httpOk } from './controllers';
import { kubeRequest } from './kubeApi';
import { createServiceAccountToken } from './manifests';
import { dynamodbRequest } from './moto';
import { startLocalPlatform } from './platform';
import { formatParts, platformParts } from './parts';
import { isPidAlive, sleep } from './processes';
import {
  listRuns,
  readPlatformInfo,
  reapOrphanedRuns,
  stateRoot,
} from './state';
import type { PlatformInfo } from './state';
import {
  ENV_DYNAMODB_ENDPOINT,
  ENV_KUBECONFIG,
  ENV_PLATFORM_JSON,
  kubeConnection,
} from './testing';

const USAGE = `usage: node packages/local-platform/src/cli.ts <command> [options]

commands:
  start    start etcd, kube-apiserver, CRDs and moto; runs in the foreground until Ctrl-C
           --name <id>            run id / state dir name (default: dev)
           --detach               start in the background, print the connection and exit
           --controller-manager   also run kube-controller-manager
           --no-crds              do not install the CRDs from <shared>/crds
           --no-dynamodb          do not start moto
           --vela-core            also run the real vela-core controller (out of cluster)
           --kro                  also run the real KRO controller (out of cluster)
           --manifests            apply manifests/ (vela-system, rbac/, rendered/, kro/, the Kratix
                                  request CRD; RGDs Active when KRO runs) and write a token of
                                  ServiceAccount backstage/backstage-portal into platform.json
           --examples             with --manifests: also apply manifests/examples (not catalog-info)
           --stand-ins            with --manifests: also run the engine stand-ins (local stand-ins
                                  for the ACK controller, Crossplane's AWS provider and Kratix)
           --auto-build           build missing binaries first (minutes)
           --keep-state           keep .local-platform/<id>/ (logs, etcd data) after stop
           --exit-with <pid>      stop the platform when process <pid> is gone (e.g. the portal's
                                  start script, even when it is killed with SIGKILL)
  stop     stop a run started with start       (--name <id> | --all)
  status   list runs, check that they answer, and list every part (real or stand-in) with its
           version (--json)
  env      print shell exports for a run        (--name <id>); eval "$(... env)"
  token    print a TokenRequest token of a ServiceAccount of a run:
           token <serviceaccount> -n <namespace> [--name <id>] [--duration <seconds>]
  bench    start and stop a platform --runs <n> times (default 3, with kube-controller-manager
           unless --no-controller-manager) and print start steps, RSS and stop times (--json);
           takes start's --vela-core, --kro, --manifests, --examples and --stand-ins
`;

interface Flags {
  name: string;
  all: boolean;
  json: boolean;
  detach: boolean;
  controllerManager: boolean;
  crds: boolean;
  dynamodb: boolean;
  autoBuild: boolean;
  keepState: boolean;
  velaCore: boolean;
  kro: boolean;
  manifests: boolean;
  examples: boolean;
  standIns: boolean;
  namespace: string;
  duration: number;
  positional: string[];
  runs: number;
  exitWith?: number;
}

/** Parses the options of a CLI command (exported for tests). */
export function parseFlags(args: string[]): Flags {
  const flags: Flags = {
    name: 'dev',
    all: false,
    json: false,
    detach: false,
    controllerManager: false,
    crds: true,
    dynamodb: true,
    autoBuild: false,
    keepState: false,
    velaCore: false,
    kro: false,
    manifests: false,
    examples: false,
    standIns: false,
    namespace: '',
    duration: 86400,
    positional: [],
    runs: 3,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--name') flags.name = args[++i] ?? '';
    else if (a.startsWith('--name=')) flags.name = a.slice('--name='.length);
    else if (a === '--all') flags.all = true;
    else if (a === '--json') flags.json = true;
    else if (a === '--detach') flags.detach = true;
    else if (a === '--controller-manager') flags.controllerManager = true;
    else if (a === '--no-crds') flags.crds = false;
    else if (a === '--no-dynamodb') flags.dynamodb = false;
    else if (a === '--auto-build') flags.autoBuild = true;
    else if (a === '--keep-state') flags.keepState = true;
    else if (a === '--no-controller-manager') flags.controllerManager = false;
    else if (a === '--runs') flags.runs = Number(args[++i]);
    else if (a === '--exit-with') flags.exitWith = Number(args[++i]);
    else if (a === '--vela-core') flags.velaCore = true;
    else if (a === '--kro') flags.kro = true;
    else if (a === '--manifests') flags.manifests = true;
    else if (a === '--examples') flags.examples = true;
    else if (a === '--stand-ins') flags.standIns = true;
    else if (a === '-n' || a === '--namespace')
      flags.namespace = args[++i] ?? '';
    else if (a === '--duration') flags.duration = Number(args[++i]);
    else if (!a.startsWith('-')) flags.positional.push(a);
    else throw new Error(`unknown option '${a}'\n${USAGE}`);
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(flags.name))
    throw new Error(`invalid --name '${flags.name}'`);
  if (
    flags.exitWith !== undefined &&
    (!Number.isInteger(flags.exitWith) || flags.exitWith <= 1)
  )
    throw new Error('--exit-with takes the pid of a running process');
  if (flags.examples && !flags.manifests)
    throw new Error('--examples needs --manifests');
  if (flags.standIns && !flags.manifests)
    throw new Error('--stand-ins needs --manifests');
  if (flags.standIns && !flags.dynamodb)
    throw new Error('--stand-ins needs DynamoDB (leave out --no-dynamodb)');
  if (!Number.isInteger(flags.duration) || flags.duration < 600)
    throw new Error('--duration must be a whole number of seconds >= 600');
  return flags;
}

const log = (m: string) => process.stderr.write(`local-platform: ${m}\n`);

function envLines(info: PlatformInfo, platformJson: string): string[] {
  const lines = [
    `export ${ENV_PLATFORM_JSON}=${platformJson}`,
    `export ${ENV_KUBECONFIG}=${info.kubernetes.kubeconfig}`,
    `export KUBECONFIG=${info.kubernetes.kubeconfig}`,
  ];
  if (info.dynamodb) {
    lines.push(
      `export ${ENV_DYNAMODB_ENDPOINT}=${info.dynamodb.endpoint}`,
      `export AWS_ENDPOINT_URL_DYNAMODB=${info.dynamodb.endpoint}`,
      `export AWS_REGION=${info.dynamodb.region}`,
      `export AWS_ACCESS_KEY_ID=${info.dynamodb.accessKeyId}`,
      `export AWS_SECRET_ACCESS_KEY=${info.dynamodb.secretAccessKey}`,
    );
  }
  return lines;
}

function summary(info: PlatformInfo, platformJson: string): string {
  const lines = [
    `local platform '${info.runId}' ready (owner pid ${info.ownerPid})`,
    `  kube-apiserver  ${info.kubernetes.server}  (Kubernetes ${info.kubernetes.version})`,
    `  kubeconfig      ${info.kubernetes.kubeconfig}`,
    `  kubectl         ${info.kubernetes.kubectl}`,
    `  CRDs            ${info.kubernetes.crdsInstalled.length} Established`,
  ];
  if (info.dynamodb)
    lines.push(
      `  DynamoDB (moto) ${info.dynamodb.endpoint}  region ${info.dynamodb.region}`,
    );
  const c = info.controllers;
  if (c?.velaCore)
    lines.push(
      `  vela-core       ${c.velaCore.version} pid ${c.velaCore.pid}  health ${c.velaCore.healthEndpoint}  log ${c.velaCore.logFile}`,
    );
  if (c?.velaCore?.admissionWebhook)
    lines.push(
      `  vela webhook    ${
        c.velaCore.admissionWebhook.endpoint
      }  ${c.velaCore.admissionWebhook.configurations.join(', ')}`,
    );
  if (c?.kro)
    lines.push(
      `  KRO             ${c.kro.version} pid ${c.kro.pid}  health ${c.kro.healthEndpoint}  log ${c.kro.logFile}`,
    );
  if (info.standIns)
    lines.push(
      `  stand-ins       pid ${info.standIns.pid}  ${info.standIns.parts
        .map(p => `local stand-in for ${p.standsInFor}`)
        .join('; ')}  log ${info.standIns.logFile}`,
    );
  if (info.manifests)
    lines.push(
      `  manifests       applied; RGDs ${info.manifests.resourceGraphDefinitions.join(
        ', ',
      )}; ${info.manifests.examples.length} examples`,
    );
  lines.push(`  platform.json   ${platformJson}`);
  lines.push(`  timings (ms)    ${JSON.stringify(info.timings)}`);
  return lines.join('\n');
}

function runFile(repoRoot: string, name: string): string {
  return join(stateRoot(repoRoot), name, 'platform.json');
}

async function start(
  repoRoot: string,
  flags: Flags,
  rawArgs: string[],
): Promise<number> {
  const file = runFile(repoRoot, flags.name);
  reapOrphanedRuns(repoRoot, log);
  if (existsSync(file)) {
    const info = readPlatformInfo(file);
    throw new Error(
      `run '${flags.name}' is already running (owner pid ${info.ownerPid}); stop it with: stop --name ${flags.name}`,
    );
  }
  if (flags.detach) {
    mkdirSync(stateRoot(repoRoot), { recursive: true });
    const logFile = join(stateRoot(repoRoot), `${flags.name}.log`);
    const fd = openSync(logFile, 'w');
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1],
        'start',
        ...rawArgs.filter(a => a !== '--detach'),
      ],
      {
        detached: true,
        stdio: ['ignore', fd, fd],
        cwd: process.cwd(),
        env: process.env,
      },
    );
    closeSync(fd);
    child.unref();
    const childPid = child.pid ?? -1;
    const deadline = Date.now() + 15 * 60 * 1000;
    while (Date.now() < deadline) {
      if (existsSync(file)) {
        try {
          const info = readPlatformInfo(file);
          if (info.ready) {
            process.stdout.write(
              `${summary(info, file)}\n  log             ${logFile}\n`,
            );
            return 0;
          }
        } catch {
          // being written
        }
      }
      if (!isPidAlive(childPid)) {
        throw new Error(
          `the background platform exited before it was ready; see ${logFile}`,
        );
      }
      await sleep(200);
    }
    throw new Error(
      `the background platform was not ready after 15 minutes; see ${logFile}`,
    );
  }
  const platform = await startLocalPlatform({
    repoRoot,
    runId: flags.name,
    controllerManager: flags.controllerManager,
    crds: flags.crds,
    dynamodb: flags.dynamodb,
    autoBuild: flags.autoBuild,
    keepState: flags.keepState,
    velaCore: flags.velaCore,
    kro: flags.kro,
    manifests: flags.manifests ? { examples: flags.examples } : false,
    standIns: flags.standIns,
    log,
  });
  process.stdout.write(`${summary(platform.info, platform.platformJson)}\n`);
  process.stdout.write(
    `${envLines(platform.info, platform.platformJson).join('\n')}\n`,
  );
  log('running; Ctrl-C (or `stop`) stops it');
  // a part that dies on its own takes the others down with it
  const crashedPart = Promise.race(
    platform.processes.map(p =>
      p.exited.then(exit => ({ name: p.name, exit, logFile: p.logFile })),
    ),
  );
  const outcome = await Promise.race([
    crashedPart.then(crashed => ({ kind: 'crashed' as const, crashed })),
    ...(flags.exitWith !== undefined
      ? [
          untilPidExits(flags.exitWith).then(() => ({
            kind: 'owner-gone' as const,
          })),
        ]
      : []),
  ]);
  if (outcome.kind === 'owner-gone') {
    log(
      `process ${flags.exitWith} that this platform belongs to is gone; stopping`,
    );
    await platform.stop();
    return 0;
  }
  const crashed = outcome.crashed;
  if (platform.isStopping()) {
    await platform.stop();
    return 0;
  }
  log(
    `${crashed.name} exited unexpectedly (code ${crashed.exit.code}, signal ${crashed.exit.signal}); see ${crashed.logFile}`,
  );
  await platform.stop();
  return 1;
}

/** Resolves once `pid` no longer runs (polled: the process is not our child). */
async function untilPidExits(pid: number): Promise<void> {
  while (isPidAlive(pid)) {
    await sleep(500);
  }
}

async function stopRuns(repoRoot: string, flags: Flags): Promise<number> {
  const runs = listRuns(repoRoot).filter(
    r => flags.all || r.info.runId === flags.name,
  );
  if (!runs.length) {
    log(flags.all ? 'no runs' : `no run '${flags.name}'`);
    return 0;
  }
  for (const run of runs) {
    const stopStart = Date.now();
    if (run.alive && run.info.ownerPid !== process.pid) {
      process.kill(run.info.ownerPid, 'SIGTERM');
      while (isPidAlive(run.info.ownerPid) && Date.now() - stopStart < 60000)
        await sleep(50);
    }
    reapOrphanedRuns(repoRoot, log);
    log(`stopped '${run.info.runId}' in ${Date.now() - stopStart} ms`);
  }
  return 0;
}

async function probe(
  info: PlatformInfo,
): Promise<{ apiserver: string; dynamodb: string; standIns: string }> {
  let apiserver = 'down';
  try {
    const res = await kubeRequest(
      kubeConnection(info),
      'GET',
      '/readyz',
      undefined,
      { timeoutMs: 2000 },
    );
    apiserver = res.status === 200 ? 'ready' : `HTTP ${res.status}`;
  } catch {
    apiserver = 'down';
  }
  let dynamodb = 'off';
  if (info.dynamodb) {
    try {
      const res = await dynamodbRequest(
        info.dynamodb.endpoint,
        'ListTables',
        {},
        { timeoutMs: 2000 },
      );
      dynamodb = res.status === 200 ? 'ready' : `HTTP ${res.status}`;
    } catch {
      dynamodb = 'down';
    }
  }
  let standIns = 'off';
  if (info.standIns) {
    const port = Number(new URL(info.standIns.healthEndpoint).port);
    standIns = (await httpOk(port, '/readyz')) ? 'ready' : 'down';
  }
  return { apiserver, dynamodb, standIns };
}

async function status(repoRoot: string, flags: Flags): Promise<number> {
  const runs = listRuns(repoRoot);
  const rows = [];
  for (const run of runs) {
    rows.push({
      runId: run.info.runId,
      ownerPid: run.info.ownerPid,
      ownerAlive: run.alive,
      ready: run.info.ready,
      server: run.info.kubernetes.server,
      dynamodbEndpoint: run.info.dynamodb?.endpoint,
      platformJson: run.file,
      processes: run.info.processes.map(p => ({
        name: p.name,
        pid: p.pid,
        alive: isPidAlive(p.pid),
      })),
      parts: platformParts(run.info),
      ...(await probe(run.info)),
    });
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else if (!rows.length) {
    process.stdout.write(`no local platform runs in ${stateRoot(repoRoot)}\n`);
  } else {
    for (const r of rows) {
      process.stdout.write(
        `${r.runId}: owner ${r.ownerPid} ${
          r.ownerAlive ? 'alive' : 'DEAD (orphaned; `stop` cleans it)'
        }; ` +
          `apiserver ${r.server} ${r.apiserver}; dynamodb ${
            r.dynamodbEndpoint ?? '-'
          } ${r.dynamodb}; ` +
          `stand-ins ${r.standIns}\n${formatParts(r.parts).join('\n')}\n`,
      );
    }
  }
  return 0;
}

function rssMiB(pid: number): number {
  try {
    const procStatus = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(procStatus)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return 0;
  }
}

async function bench(
  repoRoot: string,
  flags: Flags,
  rawArgs: string[],
): Promise<number> {
  const controllerManager = !rawArgs.includes('--no-controller-manager');
  const results = [];
  for (let run = 1; run <= flags.runs; run++) {
    const platform = await startLocalPlatform({
      repoRoot,
      runIdPrefix: 'bench',
      controllerManager,
      crds: flags.crds,
      dynamodb: flags.dynamodb,
      autoBuild: flags.autoBuild,
      velaCore: flags.velaCore,
      kro: flags.kro,
      manifests: flags.manifests ? { examples: flags.examples } : false,
      standIns: flags.standIns,
    });
    const rssAtReady = Object.fromEntries(
      platform.processes.map(p => [p.name, rssMiB(p.pid)]),
    );
    await sleep(5000);
    const rssAfter5s = Object.fromEntries(
      platform.processes.map(p => [p.name, rssMiB(p.pid)]),
    );
    const stopMs = await platform.stop();
    const result = {
      run,
      startMs: platform.timings,
      rssMiBAtReady: rssAtReady,
      rssMiBAfter5s: rssAfter5s,
      stopMs,
    };
    results.push(result);
    if (!flags.json) {
      process.stdout.write(
        `run ${run}: start ${JSON.stringify(platform.timings)}\n` +
          `       RSS MiB at ready ${JSON.stringify(
            rssAtReady,
          )}, 5 s later ${JSON.stringify(rssAfter5s)}\n` +
          `       stop ms ${JSON.stringify(stopMs)}\n`,
      );
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

function env(repoRoot: string, flags: Flags): number {
  const file = runFile(repoRoot, flags.name);
  if (!existsSync(file))
    throw new Error(`no run '${flags.name}' (start one with: start --detach)`);
  process.stdout.write(
    `${envLines(readPlatformInfo(file), file).join('\n')}\n`,
  );
  return 0;
}

async function token(repoRoot: string, flags: Flags): Promise<number> {
  const [serviceAccount] = flags.positional;
  if (!serviceAccount || !flags.namespace)
    throw new Error(
      'usage: token <serviceaccount> -n <namespace> [--name <id>]',
    );
  const file = runFile(repoRoot, flags.name);
  if (!existsSync(file))
    throw new Error(`no run '${flags.name}' (start one with: start --detach)`);
  const value = await createServiceAccountToken(
    kubeConnection(readPlatformInfo(file)),
    flags.namespace,
    serviceAccount,
    flags.duration,
  );
  process.stdout.write(`${value}\n`);
  return 0;
}

/** Runs one CLI command; resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (
    !command ||
    command === '--help' ||
    command === '-h' ||
    command === 'help'
  ) {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  const flags = parseFlags(rest);
  if (command !== 'token' && flags.positional.length)
    throw new Error(`unexpected argument '${flags.positional[0]}'\n${USAGE}`);
  const repoRoot = findRepoRoot(
    process.env.VELA_TABLES_REPO_ROOT
      ? undefined
      : dirname(process.argv[1] ?? process.cwd()),
  );
  switch (command) {
    case 'start':
      return start(repoRoot, flags, rest);
    case 'stop':
      return stopRuns(repoRoot, flags);
    case 'status':
      return status(repoRoot, flags);
    case 'env':
      return env(repoRoot, flags);
    case 'token':
      return token(repoRoot, flags);
    case 'bench':
      return bench(repoRoot, flags, rest);
    default:
      throw new Error(`unknown command '${command}'\n${USAGE}`);
  }
}
