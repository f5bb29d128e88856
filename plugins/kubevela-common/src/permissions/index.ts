export {
  CATALOG_ENTITY_RESOURCE_TYPE,
  kubevelaPermissions,
  kubevelaTableCreatePermission,
  kubevelaTableDeletePermission,
  kubevelaTableReadPermission,
} from './permissions';
export type {
  KubeVelaBasicPermission,
  KubeVelaEntityPermission,
} from './permissions';
