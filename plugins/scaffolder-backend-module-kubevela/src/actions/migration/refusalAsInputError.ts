import { InputError } from '@backstage/errors';
import { MigrationRefusedError } from '@vela-tables/plugin-kubevela-common';

/**
 * Runs a step of the shared migration plan, turning its refusal into the InputError a template
 * step reports as bad input (the message is the one the engine comparison shows as well).
 */
export function refusalAsInputError<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof MigrationRefusedError) throw new InputError(e.message);
    throw e;
  }
}
