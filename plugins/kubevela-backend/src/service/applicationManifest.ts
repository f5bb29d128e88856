import { applicationToYaml } from '@vela-tables/plugin-kubevela-common';
import type { Application } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The Application as a reader wants to see it (what `kubectl get -o yaml` shows without the
 * server's bookkeeping): `managedFields` and kubectl's last-applied copy are dropped, being long
 * and of no use to someone reading the table's definition. Serialised like the Applications the
 * actions write.
 */
export function applicationManifest(application: KubeObject): {
  yaml: string;
} {
  const { managedFields: _managed, ...metadata } =
    application.metadata as KubeObject['metadata'] & {
      managedFields?: unknown;
    };
  const annotations = Object.fromEntries(
    Object.entries(metadata.annotations ?? {}).filter(
      ([key]) => key !== LAST_APPLIED,
    ),
  );
  const { annotations: _all, ...rest } = metadata;
  const shown = {
    ...application,
    metadata: Object.keys(annotations).length ? { ...rest, annotations } : rest,
  };
  return { yaml: applicationToYaml(shown as unknown as Application) };
}
