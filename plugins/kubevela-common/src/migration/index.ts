export { MigrationRefusedError } from './MigrationRefusedError';
export { LIKE_FOR_LIKE_MIGRATIONS, isLikeForLike } from './likeForLike';
export { planMigration, migrationPlanOrRefusal } from './planMigration';
export { retainingComponent } from './retainingComponent';
export { tableComponentToMigrate } from './tableComponentToMigrate';
export type { ApplicationWithComponents } from './tableComponentToMigrate';
export type { MigrationPlan, TableComponent } from './types';
