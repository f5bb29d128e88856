import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/config';
import { gitOpsFilePath } from './readGitOpsConfig';
import { readKubeVelaConfig } from './readKubeVelaConfig';

const withGitOps = (gitops: JsonObject) =>
  readKubeVelaConfig(new ConfigReader({ kubevela: { gitops } }));

describe('kubevela.gitops', () => {
  it('is absent when not configured: the platform only applies directly', () => {
    expect(readKubeVelaConfig(new ConfigReader({})).gitops).toBeUndefined();
    expect(
      readKubeVelaConfig(
        new ConfigReader({ kubevela: { regions: ['us-west-2'] } }),
      ).gitops,
    ).toBeUndefined();
  });

  it('reads the repository and applies the default branch and path', () => {
    expect(
      withGitOps({ repoUrl: 'github.com?owner=acme&repo=platform-apps' }),
    ).toMatchObject({
      gitops: {
        repoUrl: 'github.com?owner=acme&repo=platform-apps',
        host: 'github.com',
        owner: 'acme',
        repo: 'platform-apps',
        targetBranch: 'main',
        path: 'applications/{namespace}/{name}.yaml',
      },
    });
  });

  it('keeps a configured branch, path and enterprise host', () => {
    const { gitops } = withGitOps({
      repoUrl: 'ghe.example.com:8443?repo=apps&owner=platform',
      targetBranch: 'release/2026',
      path: 'clusters/prod/{namespace}/{name}.yml',
    });
    expect(gitops).toEqual({
      repoUrl: 'ghe.example.com:8443?repo=apps&owner=platform',
      host: 'ghe.example.com:8443',
      owner: 'platform',
      repo: 'apps',
      targetBranch: 'release/2026',
      path: 'clusters/prod/{namespace}/{name}.yml',
    });
    expect(
      gitOpsFilePath(gitops!, { namespace: 'team-a', name: 'orders' }),
    ).toBe('clusters/prod/team-a/orders.yml');
  });

  it('fills every occurrence of the placeholders', () => {
    expect(
      gitOpsFilePath(
        { path: '{namespace}/{name}/{namespace}-{name}.yaml' },
        { namespace: 'team-a', name: 'orders' },
      ),
    ).toBe('team-a/orders/team-a-orders.yaml');
  });

  it('needs a repoUrl once the block is there', () => {
    expect(() => withGitOps({ targetBranch: 'main' })).toThrow(
      "Missing required config value at 'kubevela.gitops.repoUrl'",
    );
  });

  it.each([
    ['https://github.com?owner=acme&repo=apps', 'has a scheme'],
    ['github.com/acme/apps', 'has more than a host and a query'],
    ['github.com?repo=apps', 'names no valid owner'],
    ['github.com?owner=acme', 'names no valid repo'],
    ['github.com?owner=acme&repo=a/b', 'names no valid repo'],
  ])('refuses repoUrl %s: %s', (repoUrl, why) => {
    expect(() => withGitOps({ repoUrl })).toThrow(
      `kubevela.gitops.repoUrl '${repoUrl}' ${why}; write it as the scaffolder's RepoUrlPicker does: <host>?owner=<owner>&repo=<repo>`,
    );
  });

  it.each(['-main', 'a..b', 'main/', 'main.lock', 'feature//x', 'with space'])(
    'refuses the branch name %j',
    targetBranch => {
      expect(() =>
        withGitOps({ repoUrl: 'github.com?owner=a&repo=b', targetBranch }),
      ).toThrow(
        `kubevela.gitops.targetBranch '${targetBranch}' is not a valid branch name`,
      );
    },
  );

  it.each([
    [
      '/abs/{namespace}/{name}.yaml',
      'must be a relative path with forward slashes',
    ],
    [
      'apps\\{namespace}\\{name}.yaml',
      'must be a relative path with forward slashes',
    ],
    [
      'apps/../{namespace}/{name}.yaml',
      "must not contain empty, '.' or '..' segments",
    ],
    [
      'apps//{namespace}/{name}.yaml',
      "must not contain empty, '.' or '..' segments",
    ],
    ['apps/{namespace}/{name}.json', 'must name a .yaml or .yml file'],
    [
      'apps/{cluster}/{namespace}/{name}.yaml',
      'may use only the placeholders {namespace} and {name}',
    ],
    [
      'apps/{namespace}/{name.yaml',
      'may use only the placeholders {namespace} and {name}',
    ],
    [
      'apps/{name}.yaml',
      'must contain {namespace}, so that every table gets its own file',
    ],
    [
      'apps/all.yaml',
      'must contain {namespace} and {name}, so that every table gets its own file',
    ],
  ])('refuses the path %j', (path, why) => {
    expect(() =>
      withGitOps({ repoUrl: 'github.com?owner=a&repo=b', path }),
    ).toThrow(
      `kubevela.gitops.path '${path}' ${why} (default: applications/{namespace}/{name}.yaml)`,
    );
  });
});
