import { InputError, NotAllowedError } from '@backstage/errors';
import { typesNotOffered } from '@vela-tables/plugin-kubevela-common';
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

/**
 * Refuses an Application with a component or trait type the platform does not offer
 * (`kubevela.offer`), naming each offending field; one InputError lists them all (the rule and
 * its words are kubevela-common's, shared with the engine comparison).
 */
export function assertTypesOffered(
  settings: Pick<KubeVelaConfig, 'offer'>,
  application: KubeObject,
): void {
  const problem = typesNotOffered(settings.offer, application.spec);
  if (problem) throw new InputError(problem);
}
