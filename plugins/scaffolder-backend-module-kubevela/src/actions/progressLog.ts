import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ProgressLine } from './progressLines';

/**
 * Writes progress lines to the task log, each only when its text differs from the last one
 * written under the same key, so a long wait logs changes rather than the same state again.
 */
export class ProgressLog {
  private readonly last = new Map<string, string>();

  constructor(private readonly logger: LoggerService) {}

  /** Logs the lines that changed since the last call; returns how many were written. */
  report(lines: readonly ProgressLine[]): number {
    let written = 0;
    for (const line of lines) {
      if (this.last.get(line.key) === line.text) continue;
      this.last.set(line.key, line.text);
      this.logger.info(line.text);
      written++;
    }
    return written;
  }
}
