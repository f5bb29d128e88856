import {
  ackTableModel,
  crossplaneTableModel,
} from '@vela-tables/plugin-kubevela-node';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** ACK's per-resource deletion policy annotation; `retain` keeps the table in AWS. */
export const ACK_DELETION_POLICY_ANNOTATION =
  'services.k8s.aws/deletion-policy';

const CLUSTER_SCOPED_CROSSPLANE_GROUP = 'dynamodb.aws.upbound.io';

// `*` without Delete: every other action crossplane-runtime knows (a supported combination).
const KEEP_ALL_BUT_DELETE = ['Observe', 'Create', 'Update', 'LateInitialize'];

type Json = Record<string, unknown>;

/**
 * The merge patch that makes an engine resource leave its DynamoDB table in place when it is
 * deleted, or undefined when the resource does not call AWS itself (KRO instances and Kratix
 * requests: their ACK Table gets the patch) or already keeps the table:
 * - ACK `Table`: annotation `services.k8s.aws/deletion-policy: retain` (read by the controller
 *   when the Table is deleted);
 * - Crossplane `Table`, cluster-scoped: `spec.deletionPolicy: Orphan`;
 * - Crossplane `Table`, namespaced (Crossplane v2, no deletionPolicy): its `managementPolicies`
 *   without `Delete` (`*` becomes every other action), which crossplane-runtime supports.
 */
export function retainTablePatch(resource: KubeObject): Json | undefined {
  if (retainsTable(resource)) return undefined;
  if (ackTableModel.is(resource)) {
    return {
      metadata: { annotations: { [ACK_DELETION_POLICY_ANNOTATION]: 'retain' } },
    };
  }
  if (crossplaneTableModel.is(resource)) {
    if (resource.apiVersion.startsWith(`${CLUSTER_SCOPED_CROSSPLANE_GROUP}/`)) {
      return { spec: { deletionPolicy: 'Orphan' } };
    }
    const spec = (resource.spec ?? {}) as unknown as Json;
    const policies = Array.isArray(spec.managementPolicies)
      ? (spec.managementPolicies as string[])
      : ['*'];
    return {
      spec: {
        managementPolicies: policies.includes('*')
          ? KEEP_ALL_BUT_DELETE
          : policies.filter(p => p !== 'Delete'),
      },
    };
  }
  return undefined;
}

/**
 * Whether deleting this engine resource leaves the table in DynamoDB. Undefined for resources
 * that do not call AWS themselves. Crossplane follows crossplane-runtime: the table is deleted
 * only with deletionPolicy Delete (the default) and a management policy that includes Delete or
 * `*`, or a non-default policy set naming Delete.
 */
export function retainsTable(resource: KubeObject): boolean | undefined {
  if (ackTableModel.is(resource)) {
    return (
      resource.metadata.annotations?.[ACK_DELETION_POLICY_ANNOTATION] ===
      'retain'
    );
  }
  if (crossplaneTableModel.is(resource)) {
    const spec = (resource.spec ?? {}) as unknown as Json;
    const policies = Array.isArray(spec.managementPolicies)
      ? (spec.managementPolicies as string[])
      : ['*'];
    const isDefault = policies.length === 1 && policies[0] === '*';
    const deletionPolicy =
      typeof spec.deletionPolicy === 'string' ? spec.deletionPolicy : 'Delete';
    const deletes =
      (deletionPolicy === 'Delete' &&
        (policies.includes('Delete') || policies.includes('*'))) ||
      (!isDefault && policies.includes('Delete'));
    return !deletes;
  }
  return undefined;
}
