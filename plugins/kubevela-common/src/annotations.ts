/** Entity annotation naming the KubeVela Application that backs the entity. */
export const ANNOTATION_APPLICATION_NAME = 'app.oam.dev/name';
/** Entity annotation naming the Application's namespace (default `default`). */
export const ANNOTATION_APPLICATION_NAMESPACE = 'app.oam.dev/namespace';
/** Entity annotation naming the cluster the Application runs in (optional). */
export const ANNOTATION_KUBEVELA_CLUSTER = 'kubevela.io/cluster';
/** The Kubernetes plugin's annotation and label, kept so that plugin finds the same objects. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
/** Application annotation naming the Software Template that created it. */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';
/**
 * Application annotation (or label) naming the owner of the table's catalog entity, an entity
 * ref such as `group:default/team-a`; read by the catalog module that ingests Applications.
 */
export const ANNOTATION_OWNER = 'vela-tables.io/owner';
/** Application label saying who manages it. */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
/** Value of `app.kubernetes.io/managed-by` on every Application the portal creates. */
export const MANAGED_BY_VALUE = 'backstage-kubevela';
/** Application label naming the engine id. */
export const LABEL_ENGINE = 'vela-tables.io/engine';

/**
 * Annotation a local stand-in (for the ACK controller, Crossplane's AWS provider or Kratix) puts
 * on every engine resource it manages; its value names the controller it stands in for. The
 * status card shows such resources as "local stand-in". Real controllers never set it.
 */
export const ANNOTATION_STAND_IN = 'vela-tables.io/stand-in';

/** The Namespace KubeVela uses when an entity does not name one. */
export const DEFAULT_APPLICATION_NAMESPACE = 'default';

/** The smallest entity shape the helpers read (any catalog `Entity` fits). */
export interface EntityLike {
  /** Entity metadata. */
  metadata: {
    /** Entity annotations. */
    annotations?: Readonly<Record<string, string | undefined>>;
  };
}

/** Where an entity's Application lives. */
export interface ApplicationRef {
  /** Application name. */
  name: string;
  /** Application namespace. */
  namespace: string;
  /** Cluster name, when the entity names one. */
  cluster?: string;
}

function annotation(entity: EntityLike, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key]?.trim();
  return value ? value : undefined;
}

/** Whether the entity is linked to a KubeVela Application. */
export function isApplicationLinked(entity: EntityLike): boolean {
  return annotation(entity, ANNOTATION_APPLICATION_NAME) !== undefined;
}

/** The Application an entity is linked to, or `undefined` when it has no `app.oam.dev/name`. */
export function getApplicationRefFromEntity(
  entity: EntityLike,
): ApplicationRef | undefined {
  const name = annotation(entity, ANNOTATION_APPLICATION_NAME);
  if (!name) {
    return undefined;
  }
  const cluster = annotation(entity, ANNOTATION_KUBEVELA_CLUSTER);
  return {
    name,
    namespace:
      annotation(entity, ANNOTATION_APPLICATION_NAMESPACE) ??
      DEFAULT_APPLICATION_NAMESPACE,
    ...(cluster ? { cluster } : {}),
  };
}
