import { isPidAlive } from './processes';
import { STAND_INS_PROCESS } from './standIns';
import type { PlatformVersions } from './binaries';
import type { PlatformInfo } from './state';

/** One part of a run, real or stand-in, as the CLI's `status` lists it. */
export interface PlatformPart {
  /** the process name, or the stand-in's name */
  name: string;
  /** the version it runs; for a stand-in, `local stand-in for <what> <real version>` */
  version: string;
  pid: number;
  alive: boolean;
  /** true for the engine stand-ins (not the real controllers) */
  standIn: boolean;
}

/**
 * Every part of a run: each real process with the version it runs (from platform.json), then
 * each engine stand-in with what it stands in for. The stand-ins' process is listed through its
 * stand-ins, so that none of them passes for a real controller.
 */
export function platformParts(
  info: PlatformInfo,
  alive: (pid: number) => boolean = isPidAlive,
): PlatformPart[] {
  const versions: Record<string, string> = {
    'kube-apiserver': info.kubernetes.version,
    ...info.versions,
  };
  const real = info.processes
    .filter(p => p.name !== STAND_INS_PROCESS)
    .map(p => ({
      name: p.name,
      version: versions[p.name] ?? 'unknown',
      pid: p.pid,
      alive: alive(p.pid),
      standIn: false,
    }));
  const standIns = info.standIns;
  const stood = (standIns?.parts ?? []).map(part => ({
    name: part.name,
    version: `local stand-in for ${part.standsInFor}`,
    pid: standIns?.pid ?? 0,
    alive: alive(standIns?.pid ?? 0),
    standIn: true,
  }));
  return [...real, ...stood];
}

/** The parts as aligned text lines (name, version, pid). */
export function formatParts(parts: PlatformPart[]): string[] {
  const width = Math.max(0, ...parts.map(p => p.name.length));
  const versionWidth = Math.max(0, ...parts.map(p => p.version.length));
  return parts.map(
    p =>
      `  ${p.name.padEnd(width)}  ${p.version.padEnd(versionWidth)}  pid ${
        p.pid
      }${p.alive ? '' : ' (dead)'}`,
  );
}

/** The versions of the control plane's processes, by process name (platform.json `versions`). */
export function controlPlaneVersions(
  versions: PlatformVersions,
): Record<string, string> {
  return {
    etcd: versions.etcd,
    'kube-apiserver': versions.kubernetes,
    'kube-controller-manager': versions.kubernetes,
    moto: versions.moto,
  };
}
