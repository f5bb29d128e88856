import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { readKubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { createApplyApplicationAction } from './applyApplication';
import { createBuildApplicationAction } from './buildApplication';
import { createDeleteApplicationAction } from './deleteApplication';
import { createDescribeEngineAction } from './describeEngine';
import { createDiffApplicationAction } from './diffApplication';
import { createDescribeTableAction } from './describeTable';
import { createAdoptTableAction } from './adoptTable';
import { createMigrateEngineAction } from './migrateEngine';
import { createSaveSkeletonAction } from './saveSkeleton';

/** Everything the `kubevela:*` actions need from the backend. */
export interface KubeVelaActionsOptions {
  config: Config;
  /** The permission framework: apply checks `kubevela.table.create`, delete `kubevela.table.delete`. */
  permissions: PermissionsService;
}

/** All `kubevela:*` scaffolder actions. */
export function createKubeVelaActions(options: KubeVelaActionsOptions) {
  const settings = readKubeVelaConfig(options.config);
  const { permissions } = options;
  return [
    createDescribeEngineAction(),
    createBuildApplicationAction({ settings }),
    createDiffApplicationAction({ settings }),
    createApplyApplicationAction({ settings, permissions }),
    createDeleteApplicationAction({ settings, permissions }),
    // H8: adoption and migration (describeTable.ts, adoptTable.ts, migrateEngine.ts)
    createDescribeTableAction({ settings }),
    createAdoptTableAction({ settings }),
    createMigrateEngineAction({ settings, permissions }),
    // H3: keeps a rendered skeleton when no SCM integration publishes it (saveSkeleton.ts)
    createSaveSkeletonAction({ config: options.config }),
  ];
}
