import { ConfigReader } from '@backstage/config';
import { getTestPlatform } from '@internal/local-platform';
import { readKubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import type { KubeVelaConfig } from '@vela-tables/plugin-kubevela-node';

/**
 * The `kubevela` settings of a portal that uses the test run's local platform as cluster
 * `local` and its DynamoDB server as `kubevela.aws`, read through `readKubeVelaConfig` (so the
 * offer is the platform's default: every known component and trait type, unless given).
 */
export function platformSettings(options: {
  allowedNamespaces: string[];
  token?: string;
  offer?: { componentTypes?: string[]; traitTypes?: string[] };
}): KubeVelaConfig {
  const info = getTestPlatform();
  return readKubeVelaConfig(
    new ConfigReader({
      kubevela: {
        allowedNamespaces: options.allowedNamespaces,
        ...(options.offer ? { offer: options.offer } : {}),
        aws: {
          endpoint: info.dynamodb!.endpoint,
          region: info.dynamodb!.region,
          accessKeyId: 'test',
          secretAccessKey: 'test',
        },
        clusters: [
          {
            name: 'local',
            url: info.kubernetes.server,
            serviceAccountToken: options.token ?? info.kubernetes.adminToken,
            caData: info.kubernetes.caData,
          },
        ],
      },
    }),
  );
}
