import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** How a managed child process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A child process of the local platform, with its output in a log file. */
export interface ManagedProcess {
  name: string;
  pid: number;
  command: string;
  args: string[];
  logFile: string;
  /** Resolves when the process has exited. */
  exited: Promise<ProcessExit>;
  /** True until the process exits. */
  isRunning(): boolean;
  /** SIGTERM, wait for exit (SIGKILL after `timeoutMs`); resolves with the milliseconds it took. */
  stop(timeoutMs?: number): Promise<number>;
  /** The last lines of the log file, for error messages. */
  tail(lines?: number): string;
}

/** Options for {@link startProcess}. */
export interface StartProcessOptions {
  logFile: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Reads the last lines of a log file ('' when it cannot be read). */
export function tailFile(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

/** Starts a child process whose stdout and stderr go to `logFile`. */
export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: StartProcessOptions,
): ManagedProcess {
  const fd = openSync(options.logFile, 'a');
  let child;
  try {
    child = spawn(command, args, {
      stdio: ['ignore', fd, fd],
      env: options.env ?? process.env,
      cwd: options.cwd,
    });
  } finally {
    closeSync(fd);
  }
  let running = true;
  const exited = new Promise<ProcessExit>(resolve => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
    child.once('error', () => {
      running = false;
      resolve({ code: null, signal: null });
    });
  });
  if (child.pid === undefined) {
    throw new Error(
      `could not start ${name} (${command}): see ${options.logFile}`,
    );
  }
  const pid = child.pid;
  const managed: ManagedProcess = {
    name,
    pid,
    command,
    args,
    logFile: options.logFile,
    exited,
    isRunning: () => running,
    tail: (lines = 20) => tailFile(options.logFile, lines),
    async stop(timeoutMs = 15000) {
      const start = Date.now();
      if (!running) return 0;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>(resolve => {
        timer = setTimeout(() => {
          if (running) child.kill('SIGKILL');
          resolve();
        }, timeoutMs);
      });
      await Promise.race([exited, killed]);
      await exited;
      clearTimeout(timer);
      return Date.now() - start;
    },
  };
  return managed;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/**
 * Calls `probe` every `intervalMs` until it returns true; fails after `timeoutMs`, or at once when
 * `process` exits first (with the end of its log in the message). On failure `process` is stopped.
 */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; process?: ManagedProcess },
): Promise<number> {
  try {
    return await pollUntil(what, probe, options);
  } catch (error) {
    await options.process?.stop(5000);
    throw error;
  }
}

async function pollUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; process?: ManagedProcess },
): Promise<number> {
  const start = Date.now();
  const interval = options.intervalMs ?? 50;
  for (;;) {
    if (options.process && !options.process.isRunning()) {
      const exit = await options.process.exited;
      throw new Error(
        `${options.process.name} exited (code ${exit.code}, signal ${exit.signal}) before ${what}; ` +
          `log ${options.process.logFile}:\n${options.process.tail(30)}`,
      );
    }
    let ok = false;
    try {
      ok = await probe();
    } catch {
      ok = false;
    }
    if (ok) return Date.now() - start;
    if (Date.now() - start > options.timeoutMs) {
      const log = options.process
        ? `; log ${options.process.logFile}:\n${options.process.tail(30)}`
        : '';
      throw new Error(
        `timed out after ${options.timeoutMs} ms waiting for ${what}${log}`,
      );
    }
    await sleep(interval);
  }
}

/** True when a process with this pid exists (and is not a zombie). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(
      stat.lastIndexOf(')') + 2,
      stat.lastIndexOf(')') + 3,
    );
    return state !== 'Z';
  } catch {
    return true;
  }
}

/** The command line of a pid ('' when unknown). */
export function pidCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .join(' ')
      .trim();
  } catch {
    return '';
  }
}
