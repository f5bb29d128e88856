import type { Config } from '@backstage/config';
import { createDescribeEngineAction } from './describeEngine';

/** Everything the `kubevela:*` actions need from the backend. */
export interface KubeVelaActionsOptions {
  config: Config;
}

/** All `kubevela:*` scaffolder actions. */
export function createKubeVelaActions(_options: KubeVelaActionsOptions) {
  return [createDescribeEngineAction()];
}
