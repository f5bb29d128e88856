import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { ResourceKind } from '../runtime/resourceKind';

/**
 * The repository's root, from this file (packages/engine-standins/src/kratix/). The stand-ins
 * only ever run from the repository's sources (never from a build), next to the Promise and the
 * pipeline's sources they run.
 */
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = resolve(__dirname, '../../../..');

/** The Promise the stand-in runs: the one a platform team applies. */
export const PROMISE_FILE = resolve(REPO_ROOT, 'manifests/kratix/promise.yaml');

/**
 * The image the pipeline package builds (packages/kratix-dynamodb-pipeline/Dockerfile), by name,
 * under any registry and tag: the only image the stand-in can run, from its sources.
 */
const PIPELINE_IMAGE = /(^|\/)dynamodb-request-pipeline(:[\w.-]+)?$/;

/** One container of a Kratix Pipeline. */
export interface PipelineContainer {
  name: string;
  image: string;
  args: string[];
  env: Record<string, string>;
}

/** One Kratix Pipeline of a workflow. */
export interface PipelineDefinition {
  name: string;
  containers: PipelineContainer[];
}

/** What the stand-in needs from a Promise. */
export interface PromiseWorkflows {
  promiseName: string;
  /** The request kind the Promise's API defines. */
  requestKind: ResourceKind;
  /** `workflows.resource.configure`, run in order. */
  configure: PipelineDefinition[];
  /** `workflows.resource.delete` (Kratix runs the first one only). */
  delete: PipelineDefinition[];
}

type Json = Record<string, any>;

function pipelinesOf(list: unknown, where: string): PipelineDefinition[] {
  if (list === undefined) return [];
  if (!Array.isArray(list))
    throw new Error(`${where} must be a list of Pipelines`);
  return list.map((pipeline: Json, i) => {
    const at = `${where}[${i}]`;
    if (pipeline?.kind !== 'Pipeline' || !pipeline?.metadata?.name) {
      throw new Error(`${at} is not a Pipeline with a metadata.name`);
    }
    const containers = pipeline.spec?.containers;
    if (!Array.isArray(containers) || containers.length === 0) {
      throw new Error(`${at} has no containers`);
    }
    return {
      name: String(pipeline.metadata.name),
      containers: containers.map((c: Json, j: number) => {
        const cat = `${at}.spec.containers[${j}]`;
        if (typeof c?.image !== 'string' || !PIPELINE_IMAGE.test(c.image)) {
          throw new Error(
            `${cat}: the Kratix stand-in runs only the dynamodb-request-pipeline image (from packages/kratix-dynamodb-pipeline), not '${c?.image}'`,
          );
        }
        if (c.command !== undefined) {
          throw new Error(
            `${cat}: the stand-in runs the image's entrypoint; remove 'command'`,
          );
        }
        const env: Record<string, string> = {};
        for (const e of Array.isArray(c.env) ? c.env : []) {
          if (typeof e?.name !== 'string' || typeof e.value !== 'string') {
            throw new Error(
              `${cat}: only env entries with a literal value are supported`,
            );
          }
          env[e.name] = e.value;
        }
        return {
          name: String(c.name ?? `container-${j}`),
          image: c.image,
          args: Array.isArray(c.args) ? c.args.map(String) : [],
          env,
        };
      }),
    };
  });
}

/** Reads the Promise's name, request kind and resource workflows from a Promise object. */
export function promiseWorkflowsOf(promise: Json): PromiseWorkflows {
  if (promise?.kind !== 'Promise' || !promise?.metadata?.name) {
    throw new Error('not a Kratix Promise');
  }
  const crd = promise.spec?.api?.spec;
  const version = Array.isArray(crd?.versions)
    ? crd.versions.find((v: Json) => v.storage) ?? crd.versions[0]
    : undefined;
  if (
    !crd?.group ||
    !crd?.names?.plural ||
    !crd?.names?.kind ||
    !version?.name
  ) {
    throw new Error(
      `Promise ${promise.metadata.name}: spec.api is not a CRD with a version`,
    );
  }
  const resource = promise.spec?.workflows?.resource ?? {};
  return {
    promiseName: String(promise.metadata.name),
    requestKind: {
      group: crd.group,
      version: version.name,
      plural: crd.names.plural,
      kind: crd.names.kind,
      namespaced: crd.scope !== 'Cluster',
    },
    configure: pipelinesOf(resource.configure, 'workflows.resource.configure'),
    delete: pipelinesOf(resource.delete, 'workflows.resource.delete'),
  };
}

/** Reads manifests/kratix/promise.yaml (or another Promise file). */
export function readPromiseWorkflows(file = PROMISE_FILE): PromiseWorkflows {
  return promiseWorkflowsOf(parse(readFileSync(file, 'utf8')));
}
