// The objects below have exactly the shape `createPermission` of
// @backstage/plugin-permission-common returns. They are written out rather than built with it
// because this package runs in the browser too and imports nothing but zod and yaml
// (browserSafety.test.ts); the backend passes them to the permission framework as they are.

/** The catalog's resource type for entities (`RESOURCE_TYPE_CATALOG_ENTITY`). */
export const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/** A permission on one catalog entity: the Backstage `ResourcePermission<'catalog-entity'>` shape. */
export interface KubeVelaEntityPermission {
  type: 'resource';
  name: string;
  attributes: { action?: 'create' | 'read' | 'update' | 'delete' };
  resourceType: typeof CATALOG_ENTITY_RESOURCE_TYPE;
}

/** A permission without a resource: the Backstage `BasicPermission` shape. */
export interface KubeVelaBasicPermission {
  type: 'basic';
  name: string;
  attributes: { action?: 'create' | 'read' | 'update' | 'delete' };
}

/**
 * Reading the live status of the table behind a catalog entity. A resource permission on the
 * entity, so a policy can decide per entity, e.g. with the catalog's own rules
 * (`isEntityOwner`, `hasAnnotation`).
 */
export const kubevelaTableReadPermission: KubeVelaEntityPermission = {
  type: 'resource',
  name: 'kubevela.table.read',
  attributes: { action: 'read' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
};

/** Creating or changing a table (applying its KubeVela Application). */
export const kubevelaTableCreatePermission: KubeVelaBasicPermission = {
  type: 'basic',
  name: 'kubevela.table.create',
  attributes: { action: 'create' },
};

/** Deleting a table (deleting its KubeVela Application). */
export const kubevelaTableDeletePermission: KubeVelaBasicPermission = {
  type: 'basic',
  name: 'kubevela.table.delete',
  attributes: { action: 'delete' },
};

/** Every permission of the Vela Tables plugins, for registration with the permission framework. */
export const kubevelaPermissions: ReadonlyArray<
  KubeVelaEntityPermission | KubeVelaBasicPermission
> = [
  kubevelaTableReadPermission,
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
];
