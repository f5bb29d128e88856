import type { KubeObject } from '@vela-tables/plugin-kubevela-node';
import { ANNOTATION_EXTERNAL_NAME } from './constants';

/**
 * The provider's initializers, run before every observation (upjet's tagger, then
 * crossplane-runtime's NameAsExternalName). Each returns the merge patch it would make, or
 * undefined when the object already has what it sets.
 */

/**
 * upjet's tagger: `spec.forProvider.tags` gets `crossplane-kind` (lower-case kind and group),
 * `crossplane-name` and `crossplane-providerconfig`, so that the table in AWS says which managed
 * resource owns it. Not for an Observe-only resource, whose table is never written.
 */
export function taggerPatch(
  object: KubeObject,
  onlyObserve: boolean,
): Record<string, unknown> | undefined {
  if (onlyObserve) return undefined;
  const group = object.apiVersion.split('/')[0];
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const providerConfig = (spec.providerConfigRef ?? {}) as { name?: string };
  const wanted: Record<string, string> = {
    'crossplane-kind': `${object.kind}.${group}`.toLowerCase(),
    'crossplane-name': object.metadata.name,
    'crossplane-providerconfig': providerConfig.name ?? '',
  };
  const forProvider = (spec.forProvider ?? {}) as Record<string, unknown>;
  const tags = (forProvider.tags ?? {}) as Record<string, unknown>;
  const missing = Object.entries(wanted).filter(([k, v]) => tags[k] !== v);
  if (!missing.length) return undefined;
  return {
    spec: { forProvider: { tags: Object.fromEntries(missing) } },
  };
}

/** NameAsExternalName: the external name defaults to the resource's name. */
export function externalNamePatch(
  object: KubeObject,
): Record<string, unknown> | undefined {
  if (object.metadata.annotations?.[ANNOTATION_EXTERNAL_NAME]) return undefined;
  return {
    metadata: {
      annotations: { [ANNOTATION_EXTERNAL_NAME]: object.metadata.name },
    },
  };
}
