import type { AckTableSpec } from '@vela-tables/plugin-kubevela-node';
import { withoutSystemTags } from './controllerTags';
import { computeDelta } from './delta';
import { mergePatch } from './mergePatch';

/**
 * patchResourceMetadataAndSpec after a create or a delete: when Delta(spec, latest) differs at
 * all, the runtime merge-patches the spec from the spec with customPreCompare's defaults filled in
 * to what the resource manager returned (its system tags filtered out). That is how a
 * PAY_PER_REQUEST create writes `provisionedThroughput: {0, 0}` into every GSI of the spec, and
 * how the delete path copies DynamoDB's values (deletion protection, the KMS key) into it.
 * Undefined when nothing would change.
 */
export function runtimeSpecPatch(
  spec: AckTableSpec,
  latest: AckTableSpec,
): Record<string, unknown> | undefined {
  const delta = computeDelta(
    { ...spec, tags: withoutSystemTags(spec.tags) },
    { ...latest, tags: withoutSystemTags(latest.tags) },
  );
  if (!delta.paths.length) return undefined;
  return mergePatch(delta.desired, delta.latest);
}

/**
 * The spec an `adopt` writes: DynamoDB's values replace the whole spec (user tags only). The
 * merge patch goes from the spec as the user wrote it, without filled-in defaults, so billing
 * mode, table class and deletion protection are written out.
 */
export function adoptionSpecPatch(
  spec: AckTableSpec,
  latest: AckTableSpec,
): Record<string, unknown> | undefined {
  return mergePatch(spec, { ...latest, tags: withoutSystemTags(latest.tags) });
}
