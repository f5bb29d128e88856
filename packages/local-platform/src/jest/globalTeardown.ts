import {
  ENV_DYNAMODB_ENDPOINT,
  ENV_KUBECONFIG,
  ENV_PLATFORM_JSON,
} from '../testing';
import { GLOBAL_KEY, startedPlatform } from './globalSetup';

/**
 * Jest globalTeardown: stops the platform globalSetup started (a reused one is left running). In
 * watch mode the platform stays up between runs (test workers keep the environment they started
 * with) and is stopped when jest exits.
 */
export default async function globalTeardown(globalConfig?: {
  watch?: boolean;
  watchAll?: boolean;
}): Promise<void> {
  const platform = startedPlatform();
  if (!platform || globalConfig?.watch || globalConfig?.watchAll) return;
  await platform.stop();
  delete (globalThis as Record<string, unknown>)[GLOBAL_KEY];
  delete process.env[ENV_PLATFORM_JSON];
  delete process.env[ENV_KUBECONFIG];
  delete process.env[ENV_DYNAMODB_ENDPOINT];
}
