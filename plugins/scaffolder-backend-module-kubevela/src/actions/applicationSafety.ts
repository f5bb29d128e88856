import { InputError, NotAllowedError } from '@backstage/errors';
import { allowedNamespacesOn } from '@vela-tables/plugin-kubevela-node';
import type {
  KubeObject,
  KubeVelaConfig,
} from '@vela-tables/plugin-kubevela-node';

/** The settings the safety checks read. */
export type SafetySettings = Pick<
  KubeVelaConfig,
  'allowedNamespaces' | 'clusters' | 'offer'
>;

/**
 * Refuses a namespace the platform does not allow on the cluster (its own
 * `allowedNamespaces`, else `kubevela.allowedNamespaces`), before the cluster is called.
 */
export function assertNamespaceAllowed(
  settings: SafetySettings,
  clusterName: string,
  namespace: string,
  field = 'metadata.namespace',
): void {
  const allowed = allowedNamespacesOn(settings, clusterName);
  if (!allowed.includes(namespace)) {
    throw new NotAllowedError(
      `${field}: namespace '${namespace}' is not allowed for Applications on cluster '${clusterName}'; allowed: ${allowed.join(
        ', ',
      )}`,
    );
  }
}

interface ComponentLike {
  type?: unknown;
  traits?: Array<{ type?: unknown }>;
}

/**
 * Refuses an Application with a component or trait type the platform does not offer
 * (`kubevela.offer`), naming each offending field; one InputError lists them all.
 */
export function assertTypesOffered(
  settings: Pick<KubeVelaConfig, 'offer'>,
  application: KubeObject,
): void {
  const spec = application.spec as { components?: unknown } | undefined;
  const components = Array.isArray(spec?.components)
    ? (spec!.components as ComponentLike[])
    : [];
  const problems: string[] = [];
  components.forEach((component, i) => {
    const type = String(component?.type ?? '');
    if (!settings.offer.componentTypes.includes(type)) {
      problems.push(
        `spec.components[${i}].type: component type '${type}' is not offered by the platform; offered: ${settings.offer.componentTypes.join(
          ', ',
        )}`,
      );
    }
    const traits = Array.isArray(component?.traits) ? component.traits : [];
    traits.forEach((trait, j) => {
      const traitType = String(trait?.type ?? '');
      if (!settings.offer.traitTypes.includes(traitType)) {
        problems.push(
          `spec.components[${i}].traits[${j}].type: trait type '${traitType}' is not offered by the platform; offered: ${
            settings.offer.traitTypes.join(', ') || 'none'
          }`,
        );
      }
    });
  });
  if (problems.length > 0) {
    throw new InputError(
      `The Application uses types the platform does not offer:\n- ${problems.join(
        '\n- ',
      )}`,
    );
  }
}
