import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRestConnection } from '../runtime/kubeRest';
import { REPO_ROOT } from './promiseWorkflows';
import type { PipelineDefinition, PromiseWorkflows } from './promiseWorkflows';

/** The pipeline image's entry point, run from its sources (what its Dockerfile runs). */
export const PIPELINE_MAIN = resolve(
  REPO_ROOT,
  'packages/kratix-dynamodb-pipeline/src/main.ts',
);

/** A pipeline's /kratix/metadata/workflow-control.yaml. */
export interface WorkflowControl {
  suspend: boolean;
  retryAfter?: string;
  message?: string;
}

/** What one run of a Pipeline produced. */
export interface PipelineRun {
  /** Every container exited 0. */
  succeeded: boolean;
  /** Why it failed: the failing container and the end of its stderr. */
  failure?: string;
  /** The Kubernetes objects in /kratix/output (what Kratix writes to the state store). */
  outputs: KubeObject[];
  /** /kratix/metadata/status.yaml, when written. */
  status?: Record<string, unknown>;
  /** /kratix/metadata/workflow-control.yaml, when written. */
  control?: WorkflowControl;
  /** What the containers printed. */
  logs: string[];
}

/** Everything one run needs. */
export interface PipelineRunOptions {
  promise: PromiseWorkflows;
  pipeline: PipelineDefinition;
  action: 'configure' | 'delete';
  /** The request, as Kratix's reader writes it to /kratix/input/object.yaml. */
  object: KubeObject;
  /** The API server and identity a pipeline pod would reach as its ServiceAccount. */
  cluster: KubeRestConnection;
  timeoutMs?: number;
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap(entry => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFilesUnder(path);
      return /\.ya?ml$/.test(entry) ? [path] : [];
    });
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The environment Kratix gives every container of a workflow (its documented variables), the
 * Promise's own `env`, where the three volumes are (the pipeline reads KRATIX_*_DIR because it
 * runs outside a container here), and the in-cluster connection a pod gets from its
 * ServiceAccount. Nothing of the stand-in's own environment leaks in, as into a container.
 */
function containerEnv(
  options: PipelineRunOptions,
  env: Record<string, string>,
  dirs: {
    input: string;
    output: string;
    metadata: string;
    serviceAccount: string;
  },
): NodeJS.ProcessEnv {
  const { promise, pipeline, object, action } = options;
  const server = new URL(options.cluster.server);
  return {
    ...env,
    KRATIX_WORKFLOW_ACTION: action,
    KRATIX_WORKFLOW_TYPE: 'resource',
    KRATIX_PROMISE_NAME: promise.promiseName,
    KRATIX_PIPELINE_NAME: pipeline.name,
    KRATIX_OBJECT_KIND: promise.requestKind.kind,
    KRATIX_OBJECT_GROUP: promise.requestKind.group,
    KRATIX_OBJECT_VERSION: promise.requestKind.version,
    KRATIX_OBJECT_NAME: object.metadata.name,
    KRATIX_OBJECT_NAMESPACE: object.metadata.namespace ?? '',
    KRATIX_CRD_PLURAL: promise.requestKind.plural,
    KRATIX_CLUSTER_SCOPED: String(!promise.requestKind.namespaced),
    KRATIX_INPUT_DIR: dirs.input,
    KRATIX_OUTPUT_DIR: dirs.output,
    KRATIX_METADATA_DIR: dirs.metadata,
    KUBERNETES_SERVICE_HOST: server.hostname.replace(/^\[|\]$/g, ''),
    KUBERNETES_SERVICE_PORT: server.port || '443',
    SERVICE_ACCOUNT_DIR: dirs.serviceAccount,
  };
}

function runContainer(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        PIPELINE_MAIN,
        ...args,
      ],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      stderr += `\nkilled after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', code => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/**
 * Runs one Kratix Pipeline the way its pod runs: the request written to object.yaml, then each
 * container in order as its own process (the pipeline's real entry point, src/main.ts, with the
 * container's args and env), sharing the input, output and metadata directories, which are
 * temporary and removed afterwards. A container that exits non-zero fails the pipeline and the
 * later ones do not run.
 */
export async function runPipeline(
  options: PipelineRunOptions,
): Promise<PipelineRun> {
  const root = mkdtempSync(join(tmpdir(), 'kratix-stand-in-'));
  const dirs = {
    input: join(root, 'input'),
    output: join(root, 'output'),
    metadata: join(root, 'metadata'),
    serviceAccount: join(root, 'serviceaccount'),
  };
  try {
    for (const dir of Object.values(dirs)) mkdirSync(dir, { mode: 0o700 });
    const { managedFields: _ignored, ...metadata } = options.object.metadata;
    writeFileSync(
      join(dirs.input, 'object.yaml'),
      stringify({ ...options.object, metadata }),
    );
    writeFileSync(join(dirs.serviceAccount, 'token'), options.cluster.token, {
      mode: 0o600,
    });
    writeFileSync(join(dirs.serviceAccount, 'ca.crt'), options.cluster.caPem);
    const logs: string[] = [];
    for (const container of options.pipeline.containers) {
      const result = await runContainer(
        container.args,
        containerEnv(options, container.env, dirs),
        options.timeoutMs ?? 60000,
      );
      const output = `${result.stdout}${result.stderr}`.trim();
      if (output) logs.push(`${container.name}: ${output}`);
      if (result.code !== 0) {
        return {
          succeeded: false,
          failure: `container ${container.name} exited ${result.code}: ${
            result.stderr.trim().split('\n').slice(-3).join(' ') || 'no output'
          }`,
          outputs: [],
          logs,
        };
      }
    }
    const outputs = yamlFilesUnder(dirs.output).flatMap(file =>
      parseAllDocuments(readFileSync(file, 'utf8'))
        .map(doc => doc.toJS() as KubeObject | null)
        .filter((doc): doc is KubeObject => !!doc && typeof doc === 'object'),
    );
    const status = readYaml(join(dirs.metadata, 'status.yaml'));
    const control = readYaml(join(dirs.metadata, 'workflow-control.yaml')) as
      | Record<string, unknown>
      | undefined;
    return {
      succeeded: true,
      outputs,
      status:
        status && typeof status === 'object'
          ? (status as Record<string, unknown>)
          : undefined,
      control: control
        ? {
            suspend: control.suspend === true,
            retryAfter:
              typeof control.retryAfter === 'string' && control.retryAfter
                ? control.retryAfter
                : undefined,
            message:
              typeof control.message === 'string' ? control.message : undefined,
          }
        : undefined,
      logs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Go's time.ParseDuration, which Kratix uses for `retryAfter` ("30s", "1m30s", "1.5h"). */
export function parseGoDuration(text: string): number {
  const units: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60000,
    h: 3600000,
  };
  const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < text.length) {
    part.lastIndex = at;
    const match = part.exec(text);
    if (!match)
      throw new Error(`'${text}' is not a duration such as 30s or 1m30s`);
    total += Number(match[1]) * units[match[2]];
    at = part.lastIndex;
  }
  if (!text) throw new Error('an empty retryAfter is not a duration');
  return total;
}
