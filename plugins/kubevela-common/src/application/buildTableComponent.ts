import { ENGINES } from '../engines/catalogue';
import type { TableSpec } from '../spec/types';
import {
  crossplaneTableProperties,
  kratixTableProperties,
  kroInlineTableProperties,
  sharedTableProperties,
  simpleKroTableProperties,
} from './tableProperties';
import { tableTraits } from './tableTraits';
import type {
  ApplicationComponent,
  ApplicationTrait,
  TableComponentProperties,
} from './types';

function component(
  spec: TableSpec,
  properties: TableComponentProperties,
  traits: ApplicationTrait[] = [],
): ApplicationComponent {
  return {
    name: spec.componentName,
    type: ENGINES[spec.engine].componentType,
    properties,
    ...(traits.length > 0 ? { traits } : {}),
  };
}

function componentWithTraits(
  spec: TableSpec,
  properties: TableComponentProperties,
): ApplicationComponent {
  const traitNames = ENGINES[spec.engine].traits;
  if (!traitNames) {
    throw new Error(`Engine '${spec.engine}' has no traits`);
  }
  return component(spec, properties, tableTraits(spec, traitNames));
}

/** The table component for a validated spec, shaped per the engine's contract. */
export function buildTableComponent(spec: TableSpec): ApplicationComponent {
  switch (spec.engine) {
    case 'crossplane':
      return componentWithTraits(spec, crossplaneTableProperties(spec));
    case 'kro-simplified':
      return componentWithTraits(spec, sharedTableProperties(spec));
    case 'kro':
      return spec.featureMode === 'inline'
        ? component(spec, kroInlineTableProperties(spec))
        : componentWithTraits(spec, sharedTableProperties(spec));
    case 'kro-simple':
      return component(spec, simpleKroTableProperties(spec));
    case 'kratix':
      return component(spec, kratixTableProperties(spec));
    default:
      return assertNever(spec.engine);
  }
}

function assertNever(engine: never): never {
  throw new Error(`Unknown engine '${String(engine)}'`);
}
