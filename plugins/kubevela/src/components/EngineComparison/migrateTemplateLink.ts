import type { EngineId } from '@vela-tables/plugin-kubevela-common';

/** Where the Software Template that moves a table to another engine lives in the portal. */
export const MIGRATE_TEMPLATE_PATH =
  '/create/templates/default/migrate-dynamodb-engine';

/** A link to the migrate template with the entity and the target engine filled in. */
export function migrateTemplateLink(
  entityRef: string,
  targetEngine: EngineId,
): string {
  // The scaffolder fills the form from the `formData` query parameter.
  const formData = JSON.stringify({ entityRef, targetEngine });
  return `${MIGRATE_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}
