import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenUsers, writeTokenFile } from './apiserver';
import {
  binaryPaths,
  findRepoRoot,
  locateBinaries,
  parseEnvFile,
  readVersions,
} from './binaries';
import { kubeconfigFileName, renderKubeconfig } from './kubeconfig';
import { getFreePorts } from './ports';

describe('versions.env', () => {
  it('parses KEY=VALUE lines and ignores comments', () => {
    expect(parseEnvFile('# c\nA=1\n\nB="two"\nnot a line\n')).toEqual({
      A: '1',
      B: 'two',
    });
  });

  it('pins Kubernetes, etcd and moto', () => {
    expect(readVersions(findRepoRoot())).toEqual({
      kubernetes: expect.stringMatching(/^v1\.\d+\.\d+$/),
      etcd: expect.stringMatching(/^v3\.\d+\.\d+$/),
      moto: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });
});

describe('locateBinaries', () => {
  it('names the script to run when a binary is missing', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'empty-cache-'));
    const previous = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      await expect(
        locateBinaries({ repoRoot: findRepoRoot() }),
      ).rejects.toThrow(
        /Build them with: \S+\/scripts\/platform\/build-kube\.sh[\s\S]*Install it with: \S+\/scripts\/platform\/install-moto\.sh/,
      );
      expect(
        binaryPaths().kubeApiserver.startsWith(
          join(cache, 'vela-tables', 'bin', 'kubernetes-v'),
        ),
      ).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('token users', () => {
  it('puts only the admin in system:masters and writes the token file format', () => {
    const users = createTokenUsers();
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    writeTokenFile(join(dir, 'tokens.csv'), users);
    const lines = readFileSync(join(dir, 'tokens.csv'), 'utf8')
      .trim()
      .split('\n');
    rmSync(dir, { recursive: true, force: true });

    expect(users.filter(u => u.groups.length).map(u => u.name)).toEqual([
      'admin',
    ]);
    expect(lines[0]).toBe(`${users[0].token},admin,admin-uid,"system:masters"`);
    expect(lines.slice(1).map(l => l.split(',').slice(1).join(','))).toEqual([
      'backstage-portal,backstage-portal-uid',
      'restricted-user,restricted-user-uid',
      'system:kube-controller-manager,kcm-uid',
    ]);
  });
});

describe('kubeconfig', () => {
  it('renders a token kubeconfig with the CA inline', () => {
    const text = renderKubeconfig(
      'https://127.0.0.1:6443',
      'Q0E=',
      'system:kube-controller-manager',
      't0k',
    );

    expect(text).toContain('    server: "https://127.0.0.1:6443"');
    expect(text).toContain('    certificate-authority-data: "Q0E="');
    expect(text).toContain('    token: "t0k"');
    expect(text).toContain(
      'current-context: "system:kube-controller-manager@vela-tables-local"',
    );
    expect(kubeconfigFileName('admin')).toBe('kubeconfig');
    expect(kubeconfigFileName('system:kube-controller-manager')).toBe(
      'kubeconfig-system-kube-controller-manager',
    );
  });
});

describe('getFreePorts', () => {
  it('returns distinct loopback ports', async () => {
    const ports = await getFreePorts(5);

    expect(new Set(ports).size).toBe(5);
  });
});
