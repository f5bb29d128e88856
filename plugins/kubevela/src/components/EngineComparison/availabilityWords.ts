import type { EngineAvailability } from '../../api/types';

/** Whether an engine can take a table on the cluster: installed, and its controller not seen idle. */
export function isAvailable(a: EngineAvailability): boolean {
  return (
    a.crdsPresent && a.definitionInstalled && a.controllerObserved !== false
  );
}

/** What the backend could not check (it then reports the engine as not installed). */
export function uncheckedOf(a: EngineAvailability): string[] {
  // `unchecked` is newer than some backends; read it without requiring it.
  return (a as EngineAvailability & { unchecked?: string[] }).unchecked ?? [];
}

/** An engine's availability on a cluster in a few words; the backend's summary says why. */
export function availabilityWords(a: EngineAvailability): string {
  if ((!a.crdsPresent || !a.definitionInstalled) && uncheckedOf(a).length) {
    return 'Could not be checked';
  }
  if (!a.crdsPresent && !a.definitionInstalled) return 'Not installed';
  if (!a.crdsPresent) return "Not installed: the engine's CRDs are missing";
  if (!a.definitionInstalled) {
    return 'Not offered: its KubeVela ComponentDefinition is missing';
  }
  if (a.controllerObserved === false) {
    return 'Installed, but no controller was seen working';
  }
  return a.standIn ? 'Available (local stand-in)' : 'Available';
}
