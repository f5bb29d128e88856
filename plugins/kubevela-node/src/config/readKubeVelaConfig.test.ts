import { ConfigReader } from '@backstage/config';
import { readKubeVelaConfig } from './readKubeVelaConfig';

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
});
