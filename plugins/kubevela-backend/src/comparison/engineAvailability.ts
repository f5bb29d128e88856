import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import type {
  EngineAvailability,
  EngineId,
  EngineKindEvidence,
} from '@vela-tables/plugin-kubevela-common';

/** The installed ComponentDefinitions of a cluster, or why they could not be read. */
export type InstalledDefinitions =
  | { names: ReadonlySet<string> }
  | { error: string };

/** What one cluster shows, for {@link engineAvailability}. */
export interface ClusterEvidence {
  cluster: string;
  /** Per kind (by `apiVersion|kind`): what the watch shows, and why it cannot tell. */
  kinds: ReadonlyMap<string, EngineKindEvidence & { why?: string }>;
  definitions: InstalledDefinitions;
}

const label = (k: { kind: string; apiVersion: string }) =>
  `${k.kind} (${k.apiVersion})`;

/**
 * Whether one cluster can serve one engine, from what the backend's watches hold and the
 * installed ComponentDefinitions. The engine's kinds are grouped by name: kinds of the same
 * name are alternatives (Crossplane's cluster-scoped and namespaced `Table`), kinds of
 * different names form a chain (a KRO instance and the ACK `Table` it creates), and every link
 * of the chain needs one kind served and, for `controllerObserved`, its controller seen working.
 */
export function engineAvailability(
  engine: EngineId,
  evidence: ClusterEvidence,
): EngineAvailability {
  const definition = ENGINES[engine];
  const kinds: EngineKindEvidence[] = [];
  const unchecked: string[] = [];
  for (const k of definition.resources) {
    const seen = evidence.kinds.get(`${k.apiVersion}|${k.kind}`);
    const { why, ...kind } = seen ?? {
      apiVersion: k.apiVersion,
      kind: k.kind,
      objects: 0,
      why: 'not watched by the backend',
    };
    kinds.push(kind);
    if (kind.served === undefined && why) {
      unchecked.push(`${label(k)}: ${why}`);
    }
  }
  const links = [...new Set(kinds.map(k => k.kind))].map(name =>
    kinds.filter(k => k.kind === name),
  );
  const crdsPresent = links.every(link => link.some(k => k.served === true));
  // Per link, judged on the kinds that have objects; links without objects do not count.
  const judged = links
    .map(link => link.filter(k => k.objects > 0))
    .filter(link => link.length > 0)
    .map(link => link.some(k => k.controllerObserved === true));
  const controllerObserved =
    judged.length === 0 ? undefined : judged.every(Boolean);
  const withObjects = kinds.filter(k => k.objects > 0);
  const standIns = [
    ...new Set(kinds.flatMap(k => (k.standIn ? [k.standIn] : []))),
  ];
  const standIn = withObjects.length === 0 ? undefined : standIns.length > 0;

  let definitionInstalled = false;
  if ('names' in evidence.definitions) {
    definitionInstalled = evidence.definitions.names.has(
      definition.componentType,
    );
  } else {
    unchecked.push(
      `ComponentDefinition ${definition.componentType}: ${evidence.definitions.error}`,
    );
  }

  const missing = links
    .filter(link => link.every(k => k.served === false))
    .map(link => link.map(label).join(' or '));
  const parts: string[] = [];
  if (crdsPresent) {
    parts.push(
      `CRDs served: ${kinds
        .filter(k => k.served)
        .map(label)
        .join(', ')}`,
    );
  } else if (missing.length > 0) {
    parts.push(`CRDs not served: ${missing.join(', ')}`);
  }
  if ('names' in evidence.definitions) {
    parts.push(
      `ComponentDefinition ${definition.componentType} ${
        definitionInstalled ? 'installed' : 'not installed'
      } in vela-system`,
    );
  }
  if (withObjects.length === 0) {
    parts.push('no resources yet to see a controller working');
  } else {
    parts.push(
      withObjects
        .map(
          k =>
            `${k.objects} ${k.kind}: ${
              k.controllerObserved
                ? 'a controller wrote their conditions since creation'
                : 'no condition written since creation'
            }`,
        )
        .join('; '),
    );
  }
  if (standIns.length > 0) {
    parts.push(`managed by a local stand-in for ${standIns.join(', ')}`);
  }
  if (unchecked.length > 0) parts.push(`not checked: ${unchecked.join('; ')}`);
  const available = crdsPresent && definitionInstalled;
  return {
    engine,
    cluster: evidence.cluster,
    crdsPresent,
    definitionInstalled,
    ...(controllerObserved !== undefined ? { controllerObserved } : {}),
    ...(standIn !== undefined ? { standIn } : {}),
    kinds,
    ...(unchecked.length > 0 ? { unchecked } : {}),
    summary: `${available ? 'Available' : 'Not available'} on cluster ${
      evidence.cluster
    }: ${parts.join('; ')}.`,
  };
}
