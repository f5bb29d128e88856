import {
  summariseApplication,
  type KubeObject,
} from '@vela-tables/plugin-kubevela-node';

/** One line of progress, keyed by what it is about, so that only changes are logged. */
export interface ProgressLine {
  key: string;
  text: string;
}

interface ConditionLike {
  type?: unknown;
  status?: unknown;
  reason?: unknown;
  message?: unknown;
}

/** Each component's health as KubeVela reports it in `status.services`. */
export function componentProgress(application: KubeObject): ProgressLine[] {
  return summariseApplication(application).components.map(c => ({
    key: `component/${c.name}`,
    text: `component ${c.name}: ${c.healthy ? 'healthy' : 'not healthy yet'}${
      c.message ? ` (${c.message})` : ''
    }`,
  }));
}

/** Each condition of each engine resource, in the engine's own words. */
export function engineProgress(
  resources: readonly KubeObject[],
): ProgressLine[] {
  return resources.flatMap(resource => {
    const where = `${resource.kind} ${resource.apiVersion.split('/')[0]} ${
      resource.metadata.namespace ? `${resource.metadata.namespace}/` : ''
    }${resource.metadata.name}`;
    const status = resource.status as
      | { conditions?: unknown; state?: unknown; tableStatus?: unknown }
      | undefined;
    const conditions = Array.isArray(status?.conditions)
      ? (status!.conditions as ConditionLike[])
      : [];
    const lines: ProgressLine[] = conditions
      .filter(c => typeof c?.type === 'string')
      .map(c => ({
        key: `${where}/${String(c.type)}`,
        text: `${where}: ${String(c.type)}=${String(c.status ?? 'Unknown')}${
          typeof c.reason === 'string' && c.reason ? ` ${c.reason}` : ''
        }${typeof c.message === 'string' && c.message ? `: ${c.message}` : ''}`,
      }));
    // KRO instances and ACK Tables also report a state word of their own.
    for (const field of ['state', 'tableStatus'] as const) {
      const value = status?.[field];
      if (typeof value === 'string' && value) {
        lines.push({
          key: `${where}/${field}`,
          text: `${where}: ${field} ${value}`,
        });
      }
    }
    return lines;
  });
}
