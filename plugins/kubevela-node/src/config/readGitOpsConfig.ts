import type { Config } from '@backstage/config';

/**
 * GitOps delivery: instead of applying a table's Application, the portal proposes it as a pull
 * request to a repository that a GitOps controller (Argo CD, Flux) applies from.
 */
export interface KubeVelaGitOpsConfig {
  /** The repository in the scaffolder's RepoUrlPicker form: `<host>?owner=<owner>&repo=<repo>`. */
  repoUrl: string;
  host: string;
  owner: string;
  repo: string;
  /** The branch pull requests target. */
  targetBranch: string;
  /** Where an Application's file goes in the repository, with `{namespace}` and `{name}`. */
  path: string;
}

export const DEFAULT_GITOPS_TARGET_BRANCH = 'main';
export const DEFAULT_GITOPS_PATH = 'applications/{namespace}/{name}.yaml';

// Both are required: without either, two tables' Applications could land in one file.
const PATH_PLACEHOLDERS = ['namespace', 'name'] as const;

/** Reads `kubevela.gitops`; undefined when the platform does not configure GitOps delivery. */
export function readGitOpsConfig(
  gitops: Config | undefined,
): KubeVelaGitOpsConfig | undefined {
  if (!gitops) {
    return undefined;
  }
  const repoUrl = gitops.getString('repoUrl');
  const targetBranch =
    gitops.getOptionalString('targetBranch') ?? DEFAULT_GITOPS_TARGET_BRANCH;
  const path = gitops.getOptionalString('path') ?? DEFAULT_GITOPS_PATH;
  checkBranch(targetBranch);
  checkPathTemplate(path);
  return { repoUrl, ...parseRepoUrl(repoUrl), targetBranch, path };
}

/** The repository path of an Application's file: `kubevela.gitops.path` filled in. */
export function gitOpsFilePath(
  gitops: Pick<KubeVelaGitOpsConfig, 'path'>,
  application: { namespace: string; name: string },
): string {
  return gitops.path.replace(
    /\{(namespace|name)\}/g,
    (_, key: 'namespace' | 'name') => application[key],
  );
}

// The same reading as the scaffolder's parseRepoUrl, so the publish action finds the same repo.
function parseRepoUrl(repoUrl: string) {
  const fail = (why: string) =>
    new Error(
      `kubevela.gitops.repoUrl '${repoUrl}' ${why}; write it as the scaffolder's ` +
        'RepoUrlPicker does: <host>?owner=<owner>&repo=<repo>, e.g. ' +
        'github.com?owner=acme&repo=platform-apps',
    );
  if (repoUrl.includes('://')) {
    throw fail('has a scheme');
  }
  let url: URL;
  try {
    url = new URL(`https://${repoUrl}`);
  } catch {
    throw fail('is not a repository reference');
  }
  if (url.pathname !== '/' || url.username || url.password || url.hash) {
    throw fail('has more than a host and a query');
  }
  const owner = url.searchParams.get('owner') ?? '';
  const repo = url.searchParams.get('repo') ?? '';
  const name = /^[A-Za-z0-9_.-]+$/;
  if (!name.test(owner)) {
    throw fail('names no valid owner');
  }
  if (!name.test(repo)) {
    throw fail('names no valid repo');
  }
  return { host: url.host, owner, repo };
}

// git check-ref-format's rules, as far as a branch name written in config can break them.
function checkBranch(branch: string) {
  const valid =
    /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(branch) &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.') &&
    !branch.endsWith('.lock');
  if (!valid) {
    throw new Error(
      `kubevela.gitops.targetBranch '${branch}' is not a valid branch name`,
    );
  }
}

function checkPathTemplate(path: string) {
  const fail = (why: string) =>
    new Error(
      `kubevela.gitops.path '${path}' ${why} (default: ${DEFAULT_GITOPS_PATH})`,
    );
  const segments = path.split('/');
  if (path.startsWith('/') || path.includes('\\')) {
    throw fail('must be a relative path with forward slashes');
  }
  if (segments.some(s => s === '' || s === '.' || s === '..')) {
    throw fail("must not contain empty, '.' or '..' segments");
  }
  if (!/\.ya?ml$/.test(path)) {
    throw fail('must name a .yaml or .yml file');
  }
  // Anything in braces that is not a known placeholder would reach the repository verbatim.
  if (/[{}]/.test(path.replace(/\{(namespace|name)\}/g, ''))) {
    throw fail(
      `may use only the placeholders ${PATH_PLACEHOLDERS.map(
        p => `{${p}}`,
      ).join(' and ')}`,
    );
  }
  const missing = PATH_PLACEHOLDERS.filter(p => !path.includes(`{${p}}`));
  if (missing.length > 0) {
    throw fail(
      `must contain ${missing
        .map(p => `{${p}}`)
        .join(' and ')}, so that every table gets its own file`,
    );
  }
}
