/**
 * Thrown when the engine migration cannot move a table component; the message says why in the
 * words both the migrate action (as an InputError) and the engine comparison show.
 */
export class MigrationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationRefusedError';
  }
}
