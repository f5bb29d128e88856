import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_OWNER,
  ANNOTATION_SOURCE_TEMPLATE,
  LABEL_ENGINE,
  LABEL_MANAGED_BY,
} from '@vela-tables/plugin-kubevela-common';
import type {
  EngineId,
  TableComponent,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

const OWN_LABELS = [LABEL_MANAGED_BY, ANNOTATION_KUBERNETES_ID, LABEL_ENGINE];
// Every annotation the builder writes (buildMetadata): the apply is server-side with the portal's
// field manager, so one left out here is removed, and the catalog entity would lose its owner.
const OWN_ANNOTATIONS = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_SOURCE_TEMPLATE,
  ANNOTATION_OWNER,
];

function pick(
  from: Record<string, string> | undefined,
  keys: readonly string[],
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    if (from?.[key] !== undefined) picked[key] = from[key];
  }
  return picked;
}

/**
 * The object to apply for the live Application with one component replaced: its spec, and only
 * the portal's own labels and annotations (vela-core's stay vela-core's), with the engine label
 * set to the engine the component now uses, because status readers go by that label first.
 */
export function applicationWithComponent(
  live: KubeObject,
  component: TableComponent,
  engine: EngineId,
): KubeObject {
  const spec = (live.spec ?? {}) as { components?: TableComponent[] };
  const labels = pick(live.metadata.labels, OWN_LABELS);
  if (labels[LABEL_ENGINE] !== undefined) labels[LABEL_ENGINE] = engine;
  return {
    apiVersion: live.apiVersion,
    kind: live.kind,
    metadata: {
      name: live.metadata.name,
      namespace: live.metadata.namespace,
      labels,
      annotations: pick(live.metadata.annotations, OWN_ANNOTATIONS),
    },
    spec: {
      ...spec,
      components: (spec.components ?? []).map(c =>
        c.name === component.name ? component : c,
      ),
    },
  };
}
