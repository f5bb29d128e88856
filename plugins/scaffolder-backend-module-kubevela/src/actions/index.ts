import type {
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
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
import { withoutServerStack } from './withoutServerStack';

/** Everything the `kubevela:*` actions need from the backend. */
export interface KubeVelaActionsOptions {
  config: Config;
  /** The permission framework: apply checks `kubevela.table.create`, delete `kubevela.table.delete`. */
  permissions: PermissionsService;
  /** Where a failed action's full error goes; the task log gets its message only. */
  logger?: LoggerService;
}

/** All `kubevela:*` scaffolder actions. */
export function createKubeVelaActions(options: KubeVelaActionsOptions) {
  const settings = readKubeVelaConfig(options.config);
  const { permissions } = options;
  const actions = [
    createDescribeEngineAction(),
    createBuildApplicationAction({ settings }),
    createDiffApplicationAction({ settings }),
    createApplyApplicationAction({ settings, permissions }),
    createDeleteApplicationAction({ settings, permissions }),
    createDescribeTableAction({ settings }),
    createAdoptTableAction({ settings }),
    createMigrateEngineAction({ settings, permissions }),
    // keeps a rendered skeleton when no SCM integration publishes it
    createSaveSkeletonAction({ config: options.config }),
  ];
  const logger = options.logger;
  return logger
    ? actions.map(action => withoutServerStack(action, logger))
    : actions;
}
