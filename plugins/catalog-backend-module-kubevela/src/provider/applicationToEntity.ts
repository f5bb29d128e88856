import { createHash } from 'node:crypto';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_APPLICATION_NAME,
  ANNOTATION_APPLICATION_NAMESPACE,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBEVELA_CLUSTER,
  ANNOTATION_SOURCE_TEMPLATE,
  LABEL_ENGINE,
  ANNOTATION_OWNER,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
} from '@vela-tables/plugin-kubevela-common';
import type { KubeObject } from '@vela-tables/plugin-kubevela-node';

/** Application annotation or label naming the entity's owner (an entity ref, or a group name in a label). */
export const OWNER_KEY = ANNOTATION_OWNER;
/** Application annotation or label naming the entity's system. */
export const SYSTEM_KEY = 'vela-tables.io/system';
/** The entity type of an ingested table. */
export const TABLE_ENTITY_TYPE = 'dynamodb-table';

/** Whether an Application is one of ours: made by the portal, or labelled with an engine. */
export function isTableApplication(application: KubeObject): boolean {
  const labels = application.metadata.labels ?? {};
  return (
    labels[LABEL_MANAGED_BY] === MANAGED_BY_VALUE ||
    Boolean(labels[LABEL_ENGINE])
  );
}

// Catalog names: at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric.
const ENTITY_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** A valid catalog name from `base`: kept when valid, else cut with a short hash of the whole. */
export function toEntityName(base: string): string {
  if (ENTITY_NAME.test(base)) return base;
  const hash = createHash('sha256').update(base).digest('hex').slice(0, 8);
  const cleaned = base
    .replace(/[^A-Za-z0-9-_.]/g, '-')
    .slice(0, 54)
    .replace(/[^A-Za-z0-9]+$/, '');
  return `${cleaned}-${hash}`;
}

function pick(application: KubeObject, key: string): string | undefined {
  const value =
    application.metadata.annotations?.[key] ??
    application.metadata.labels?.[key];
  return value?.trim() ? value.trim() : undefined;
}

/** Where an Application lives, and how its entity is named. */
export interface ApplicationPlacement {
  cluster: string;
  /**
   * Whether the cluster is the first configured one (entities link to it without naming it);
   * entities of other clusters get the cluster in their name, so that two clusters' tables of
   * one namespace never collide.
   */
  defaultCluster: boolean;
  /** Owner when the Application names none. */
  defaultOwner: string;
  /** The provider's location ref, for the managed-by annotations. */
  location: string;
}

/**
 * The catalog entity of a table's Application: a `Resource` of type `dynamodb-table` with the
 * annotations that link it to the Application (app.oam.dev/name, app.oam.dev/namespace,
 * kubevela.io/cluster, backstage.io/kubernetes-id), the engine, the template that made it, and
 * owner and system from the Application's `vela-tables.io/owner` / `vela-tables.io/system`
 * annotation or label.
 */
export function applicationToEntity(
  application: KubeObject,
  placement: ApplicationPlacement,
): Entity {
  const { name } = application.metadata;
  const namespace = application.metadata.namespace ?? 'default';
  const kubernetesId = pick(application, ANNOTATION_KUBERNETES_ID) ?? name;
  const annotations: Record<string, string> = {
    'backstage.io/managed-by-location': placement.location,
    'backstage.io/managed-by-origin-location': placement.location,
    [ANNOTATION_APPLICATION_NAME]: name,
    [ANNOTATION_APPLICATION_NAMESPACE]: namespace,
    [ANNOTATION_KUBEVELA_CLUSTER]: placement.cluster,
    [ANNOTATION_KUBERNETES_ID]: kubernetesId,
  };
  const engine = application.metadata.labels?.[LABEL_ENGINE];
  if (engine) annotations[LABEL_ENGINE] = engine;
  const template =
    application.metadata.annotations?.[ANNOTATION_SOURCE_TEMPLATE];
  if (template) annotations[ANNOTATION_SOURCE_TEMPLATE] = template;
  const system = pick(application, SYSTEM_KEY);
  // The entity lives in the catalog namespace named like the Kubernetes namespace (both are DNS
  // labels), and is named like the Kubernetes plugin's id, so that one Application is one ref.
  const entityName = toEntityName(
    placement.defaultCluster
      ? kubernetesId
      : `${kubernetesId}.${placement.cluster}`,
  );
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityName,
      namespace,
      title: `${name} (${namespace}${
        placement.cluster ? ` on ${placement.cluster}` : ''
      })`,
      description: `DynamoDB table of KubeVela Application ${namespace}/${name} on cluster ${placement.cluster}`,
      annotations,
    },
    spec: {
      type: TABLE_ENTITY_TYPE,
      owner: pick(application, OWNER_KEY) ?? placement.defaultOwner,
      ...(system ? { system } : {}),
    },
  };
}
