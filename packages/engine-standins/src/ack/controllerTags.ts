import type { AckTableSpec, AckTag } from '@vela-tables/plugin-kubevela-node';
import {
  CONTROLLER_VERSION_TAG_VALUE,
  TAG_CONTROLLER_VERSION,
  TAG_NAMESPACE,
} from './constants';

/** The tags ACK's runtime puts on every table it manages (its default resource tags). */
export function controllerTags(namespace: string): AckTag[] {
  return [
    { key: TAG_CONTROLLER_VERSION, value: CONTROLLER_VERSION_TAG_VALUE },
    { key: TAG_NAMESPACE, value: namespace },
  ];
}

/**
 * EnsureTags: the spec's tags followed by the controller's tags it does not set itself. Only the
 * copy sent to DynamoDB and compared with it carries them; spec.tags in the cluster never does.
 */
export function withControllerTags(
  spec: AckTableSpec,
  namespace: string,
): AckTableSpec {
  const own = spec.tags ?? [];
  const added = controllerTags(namespace).filter(
    t => !own.some(o => o.key === t.key),
  );
  return { ...spec, tags: [...own, ...added] };
}

/** Whether a tag is one ACK never writes into spec.tags (`aws:*` and its own). */
export function isSystemTag(key: string | undefined): boolean {
  return (
    !!key &&
    (key.startsWith('aws:') ||
      key === TAG_CONTROLLER_VERSION ||
      key === TAG_NAMESPACE)
  );
}

/** FilterSystemTags: the tags that may appear in spec.tags. */
export function withoutSystemTags(
  tags: readonly AckTag[] | undefined,
): AckTag[] {
  return (tags ?? []).filter(t => !isSystemTag(t.key));
}

/**
 * mirrorAWSTags: tags AWS itself put on the table (`aws:*`) count as desired, so that the
 * controller never tries to remove them.
 */
export function mirrorAwsTags(
  desired: AckTableSpec,
  latest: AckTableSpec,
): AckTableSpec {
  const awsTags = (latest.tags ?? []).filter(t => t.key?.startsWith('aws:'));
  if (!awsTags.length) return desired;
  const own = (desired.tags ?? []).filter(
    t => !awsTags.some(a => a.key === t.key),
  );
  return { ...desired, tags: [...own, ...awsTags] };
}
