import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCommand, runCommandOrThrow } from './exec';
import type { CommandResult } from './exec';

/** kubectl with a kubeconfig. */
export interface KubectlContext {
  kubectl: string;
  kubeconfig: string;
}

/** The shared folder (CRDs, recipes): `VELA_TABLES_SHARED_DIR`, else `<repo>/../shared`. */
export function sharedDir(repoRoot: string): string {
  return resolve(
    process.env.VELA_TABLES_SHARED_DIR || join(repoRoot, '..', 'shared'),
  );
}

/** The folder of real CRDs: `<shared>/crds`. */
export function crdsDir(repoRoot: string): string {
  return join(sharedDir(repoRoot), 'crds');
}

/** All .yaml/.yml/.json files under `dir`, recursively, sorted. */
export function manifestFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...manifestFiles(path));
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Runs kubectl with the context's kubeconfig; never throws on exit codes. */
export function kubectl(
  context: KubectlContext,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return runCommand(
    context.kubectl,
    [`--kubeconfig=${context.kubeconfig}`, ...args],
    {
      input: options.input,
      timeoutMs: options.timeoutMs ?? 120000,
    },
  );
}

/** Runs kubectl and throws with its stderr unless it exits 0; returns stdout. */
export function kubectlOrThrow(
  context: KubectlContext,
  args: string[],
  options: { input?: string; timeoutMs?: number } = {},
): Promise<string> {
  return runCommandOrThrow(
    context.kubectl,
    [`--kubeconfig=${context.kubeconfig}`, ...args],
    {
      input: options.input,
      timeoutMs: options.timeoutMs ?? 120000,
    },
  );
}

/**
 * Server-side applies every manifest file under `dir` (field manager `vela-tables-local-platform`);
 * returns the applied objects as `kind.group/name`.
 */
export function applyManifests(
  context: KubectlContext,
  dir: string,
): Promise<string[]> {
  return applyFiles(context, manifestFiles(dir));
}

/** Server-side applies the given manifest files in one kubectl call; returns `kind.group/name`s. */
export async function applyFiles(
  context: KubectlContext,
  files: string[],
): Promise<string[]> {
  if (!files.length) return [];
  const stdout = await kubectlOrThrow(context, [
    'apply',
    '--server-side',
    '--force-conflicts',
    '--field-manager=vela-tables-local-platform',
    '-o',
    'name',
    ...files.flatMap(f => ['-f', f]),
  ]);
  return stdout
    .split('\n')
    .map(s => s.trim())
    .filter(Boolean);
}

/** Result of {@link installCrds}. */
export interface InstalledCrds {
  /** `customresourcedefinition.apiextensions.k8s.io/<name>` of each CRD */
  names: string[];
  /** milliseconds from the first apply until all were Established */
  ms: number;
}

/**
 * Applies the CRDs in `dirs` (default: every folder of `<shared>/crds`) and waits until each one
 * is Established.
 */
export async function installCrds(
  context: KubectlContext,
  dirs: string[],
  options: { timeoutSeconds?: number } = {},
): Promise<InstalledCrds> {
  const start = Date.now();
  const names = await applyFiles(
    context,
    dirs.flatMap(d => manifestFiles(d)),
  );
  const crds = names.filter(n => n.startsWith('customresourcedefinition'));
  if (crds.length) {
    await kubectlOrThrow(context, [
      'wait',
      '--for=condition=established',
      `--timeout=${options.timeoutSeconds ?? 60}s`,
      ...crds,
    ]);
  }
  return { names: crds, ms: Date.now() - start };
}
