import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** ACK's annotation naming an ACK resource's region (the ACK runtime reads it). */
const ACK_REGION_ANNOTATION = 'services.k8s.aws/region';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function at(obj: unknown, ...path: string[]): unknown {
  let v: unknown = obj;
  for (const p of path)
    v =
      v && typeof v === 'object'
        ? (v as Record<string, unknown>)[p]
        : undefined;
  return v;
}

/**
 * The AWS region the engine resource puts its table in: an ACK `Table`'s
 * `services.k8s.aws/region` annotation, else the region ACK reported in
 * `status.ackResourceMetadata`; a Crossplane `Table`'s `spec.forProvider.region`, else
 * `status.atProvider.region`; a KRO instance's or a Kratix request's `spec.region` (the field
 * our RGDs put into the ACK annotation and the Promise's pipeline passes on). Undefined for
 * other kinds or when the resource names none: the caller then uses `kubevela.aws.region`,
 * which defaults to `kubevela.defaultRegion`. The endpoint is not on the resources (it is the
 * controller's or ProviderConfig's setting), so it comes from `kubevela.aws.endpoint`.
 */
export function regionOfEngineResource(
  resource: KubeObject,
): string | undefined {
  const group = resource.apiVersion.split('/')[0];
  if (group === 'kro.run' || group === 'dynamodb.kratix.io') {
    return text(at(resource, 'spec', 'region'));
  }
  if (resource.kind !== 'Table') return undefined;
  if (group === 'dynamodb.services.k8s.aws') {
    return (
      text(resource.metadata.annotations?.[ACK_REGION_ANNOTATION]) ??
      text(at(resource, 'status', 'ackResourceMetadata', 'region'))
    );
  }
  if (
    group === 'dynamodb.aws.upbound.io' ||
    group === 'dynamodb.aws.m.upbound.io'
  ) {
    return (
      text(at(resource, 'spec', 'forProvider', 'region')) ??
      text(at(resource, 'status', 'atProvider', 'region'))
    );
  }
  return undefined;
}

/**
 * The region of the table behind a chain of engine resources: the one the resource that talks
 * to AWS names (`preferred`), else the first other resource of the chain that names one (a KRO
 * instance before its ACK Table exists, a Kratix request); undefined when none does.
 */
export function regionOfEngineResources(
  resources: readonly KubeObject[],
  preferred?: KubeObject,
): string | undefined {
  const first = preferred ? regionOfEngineResource(preferred) : undefined;
  if (first) return first;
  for (const r of resources) {
    const region = regionOfEngineResource(r);
    if (region) return region;
  }
  return undefined;
}
