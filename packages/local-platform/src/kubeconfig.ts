import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The cluster name used in every kubeconfig of the local platform. */
export const CLUSTER_NAME = 'vela-tables-local';

/** Renders a token kubeconfig (YAML) for one user of the local apiserver. */
export function renderKubeconfig(
  server: string,
  caData: string,
  user: string,
  token: string,
): string {
  const q = (s: string) => JSON.stringify(s);
  const context = `${user}@${CLUSTER_NAME}`;
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${q(CLUSTER_NAME)}`,
    '  cluster:',
    `    server: ${q(server)}`,
    `    certificate-authority-data: ${q(caData)}`,
    'users:',
    `- name: ${q(user)}`,
    '  user:',
    `    token: ${q(token)}`,
    'contexts:',
    `- name: ${q(context)}`,
    '  context:',
    `    cluster: ${q(CLUSTER_NAME)}`,
    `    user: ${q(user)}`,
    `current-context: ${q(context)}`,
    'preferences: {}',
    '',
  ].join('\n');
}

/** The file name of a user's kubeconfig: `kubeconfig` for admin, else `kubeconfig-<user>`. */
export function kubeconfigFileName(user: string): string {
  return user === 'admin'
    ? 'kubeconfig'
    : `kubeconfig-${user.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
}

/** Writes one kubeconfig per user into `dir` (mode 600); returns user -> path. */
export function writeKubeconfigs(
  dir: string,
  server: string,
  caData: string,
  tokens: Record<string, string>,
): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [user, token] of Object.entries(tokens)) {
    const file = join(dir, kubeconfigFileName(user));
    writeFileSync(file, renderKubeconfig(server, caData, user, token), {
      mode: 0o600,
    });
    paths[user] = file;
  }
  return paths;
}
