import { ANNOTATION_STAND_IN } from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import type { KubeRest } from './kubeRest';

/**
 * Marks an engine resource as managed by a stand-in (annotation `vela-tables.io/stand-in`), once.
 * This is the one write a real controller does not make; the status card reads it to say
 * "local stand-in". An annotation-only change starts no reconcile in the real controllers
 * (ACK's GenerationChangedPredicate), and the stand-ins filter it the same way.
 */
export async function markStandIn(
  kube: KubeRest,
  path: string,
  object: KubeObject,
  standsInFor: string,
): Promise<KubeObject> {
  if (object.metadata.annotations?.[ANNOTATION_STAND_IN] === standsInFor) {
    return object;
  }
  return kube.mergePatch(path, {
    metadata: { annotations: { [ANNOTATION_STAND_IN]: standsInFor } },
  });
}
