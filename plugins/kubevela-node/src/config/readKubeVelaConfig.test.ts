import { ConfigReader } from '@backstage/config';
import { allowedNamespacesOn, readKubeVelaConfig } from './readKubeVelaConfig';

describe('readKubeVelaConfig', () => {
  it('applies defaults when nothing is configured', () => {
    const cfg = readKubeVelaConfig(new ConfigReader({}));
    expect(cfg.allowedNamespaces).toEqual(['default']);
    expect(cfg.tableNamePrefix).toBe('');
    expect(cfg.defaultRegion).toBe('us-west-2');
    expect(cfg.aws).toEqual({
      endpoint: undefined,
      region: 'us-west-2',
      credentials: undefined,
    });
    expect(cfg.clusters).toEqual([]);
  });

  it('reuses the Kubernetes plugin clusters of type config', () => {
    const cfg = readKubeVelaConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod',
                  url: 'https://prod:6443',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't',
                  caData: 'Y2E=',
                },
              ],
            },
          ],
        },
      }),
    );
    expect(cfg.clusters).toEqual([
      {
        name: 'prod',
        url: 'https://prod:6443',
        serviceAccountToken: 't',
        caData: 'Y2E=',
        caFile: undefined,
        skipTLSVerify: false,
      },
    ]);
  });

  it('prefers kubevela.clusters over the Kubernetes plugin clusters', () => {
    const cfg = readKubeVelaConfig(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'config', clusters: [{ name: 'k8s', url: 'https://x' }] },
          ],
        },
        kubevela: {
          allowedNamespaces: ['team-a'],
          tableNamePrefix: 'tenant-atlantis-',
          aws: {
            endpoint: 'http://127.0.0.1:4566',
            accessKeyId: 'test',
            secretAccessKey: 'test',
          },
          clusters: [{ name: 'local', kubeconfigPath: '/tmp/kubeconfig' }],
        },
      }),
    );
    expect(cfg.allowedNamespaces).toEqual(['team-a']);
    expect(cfg.tableNamePrefix).toBe('tenant-atlantis-');
    expect(cfg.aws.credentials).toEqual({
      accessKeyId: 'test',
      secretAccessKey: 'test',
    });
    expect(cfg.clusters.map(c => c.name)).toEqual(['local']);
    expect(cfg.clusters[0].kubeconfigPath).toBe('/tmp/kubeconfig');
  });

  it('offers the default region only, unless regions are configured', () => {
    expect(readKubeVelaConfig(new ConfigReader({})).regions).toEqual([
      'us-west-2',
    ]);
    const cfg = readKubeVelaConfig(
      new ConfigReader({
        kubevela: {
          defaultRegion: 'eu-west-1',
          regions: ['eu-west-1', 'eu-central-1'],
        },
      }),
    );
    expect(cfg.regions).toEqual(['eu-west-1', 'eu-central-1']);
  });

  it('refuses a default region outside the configured regions', () => {
    expect(() =>
      readKubeVelaConfig(
        new ConfigReader({
          kubevela: { defaultRegion: 'us-east-1', regions: ['eu-west-1'] },
        }),
      ),
    ).toThrow(
      "kubevela.defaultRegion 'us-east-1' is not one of kubevela.regions (eu-west-1)",
    );
  });

  it('offers every known component and trait type unless narrowed', () => {
    const all = readKubeVelaConfig(new ConfigReader({})).offer;
    expect(all.componentTypes).toEqual(
      expect.arrayContaining([
        'aws-dynamodb-xp',
        'aws-dynamodb-kro',
        'aws-dynamodb-kro-simplified',
        'aws-dynamodb-simple-kro',
        'aws-dynamodb-kratix',
        'session-api',
      ]),
    );
    expect(all.traitTypes).toContain('dynamodb-ttl-xp');
    expect(all.traitTypes).toContain('dynamodb-local-index-kro');
    const narrowed = readKubeVelaConfig(
      new ConfigReader({
        kubevela: { offer: { componentTypes: ['aws-dynamodb-kro'] } },
      }),
    ).offer;
    expect(narrowed.componentTypes).toEqual(['aws-dynamodb-kro']);
    expect(narrowed.traitTypes).toEqual(all.traitTypes);
  });

  it('lets a cluster narrow the allowed namespaces', () => {
    const cfg = readKubeVelaConfig(
      new ConfigReader({
        kubevela: {
          allowedNamespaces: ['team-a', 'team-b'],
          clusters: [
            {
              name: 'prod',
              url: 'https://prod',
              allowedNamespaces: ['team-a'],
            },
            { name: 'dev', url: 'https://dev' },
          ],
        },
      }),
    );
    expect(allowedNamespacesOn(cfg, 'prod')).toEqual(['team-a']);
    expect(allowedNamespacesOn(cfg, 'dev')).toEqual(['team-a', 'team-b']);
    expect(allowedNamespacesOn(cfg, undefined)).toEqual(['team-a']);
  });
});
