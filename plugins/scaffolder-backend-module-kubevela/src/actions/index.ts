import type { Config } from '@backstage/config';
import { readKubeVelaConfig } from '@vela-tables/plugin-kubevela-node';
import { createApplyApplicationAction } from './applyApplication';
import { createBuildApplicationAction } from './buildApplication';
import { createDescribeEngineAction } from './describeEngine';

/** Everything the `kubevela:*` actions need from the backend. */
export interface KubeVelaActionsOptions {
  config: Config;
}

/** All `kubevela:*` scaffolder actions. */
export function createKubeVelaActions(options: KubeVelaActionsOptions) {
  const settings = readKubeVelaConfig(options.config);
  return [
    createDescribeEngineAction(),
    createBuildApplicationAction({ settings }),
    createApplyApplicationAction({ settings }),
  ];
}
