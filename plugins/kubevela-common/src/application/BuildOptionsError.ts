/** Thrown when an option of an Application builder (not the table spec) is invalid. */
export class BuildOptionsError extends Error {
  /** The offending option, e.g. `port`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.name = 'BuildOptionsError';
    this.option = option;
  }
}
