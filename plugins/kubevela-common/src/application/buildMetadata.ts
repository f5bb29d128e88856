import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_OWNER,
  ANNOTATION_SOURCE_TEMPLATE,
  LABEL_ENGINE,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
} from '../annotations';
import { isPlainText } from '../spec/primitives';
import type { TableSpec } from '../spec/types';
import { BuildOptionsError } from './BuildOptionsError';
import type { TableAdoptionOptions } from './tableAdoption';
import type { Application } from './types';

/** How the Application is linked back to the catalog. */
export interface BuildApplicationOptions {
  /** Name of the catalog entity that owns the table (default: the Application name). */
  entityName?: string;
  /** Reference of the Software Template that created it, e.g. `template:default/dynamodb-table`. */
  sourceTemplate?: string;
  /** Owner of the table's catalog entity, an entity ref such as `group:default/team-a`. */
  owner?: string;
  /** Adopt an existing table and/or keep the table when the engine resource is deleted. */
  adoption?: TableAdoptionOptions;
}

// An entity ref as the catalog writes it: [kind:][namespace/]name, without spaces or line breaks.
const OWNER_REF =
  /^([A-Za-z][-A-Za-z0-9]*:)?([a-z0-9][-a-z0-9]*\/)?[A-Za-z0-9][-A-Za-z0-9_.]*$/;

// Kubernetes label values: at most 63 characters, alphanumerics with '-', '_' and '.' inside.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Metadata with the contract's entity-linking labels and annotations. */
export function buildMetadata(
  spec: TableSpec,
  options: BuildApplicationOptions,
): Application['metadata'] {
  const entityName = options.entityName ?? spec.applicationName;
  if (
    entityName.length === 0 ||
    entityName.length > 63 ||
    !LABEL_VALUE.test(entityName)
  ) {
    throw new BuildOptionsError(
      'entityName',
      `entityName '${entityName}' must be a valid Kubernetes label value (at most 63 letters, digits, '-', '_' or '.')`,
    );
  }
  const annotations: Record<string, string> = {
    [ANNOTATION_KUBERNETES_ID]: entityName,
  };
  if (options.sourceTemplate !== undefined) {
    if (options.sourceTemplate === '' || !isPlainText(options.sourceTemplate)) {
      throw new BuildOptionsError(
        'sourceTemplate',
        'sourceTemplate must be a non-empty entity reference without line breaks',
      );
    }
    annotations[ANNOTATION_SOURCE_TEMPLATE] = options.sourceTemplate;
  }
  if (options.owner !== undefined) {
    if (!OWNER_REF.test(options.owner)) {
      throw new BuildOptionsError(
        'owner',
        `owner '${options.owner}' must be an entity reference such as group:default/team-a or user:default/jane`,
      );
    }
    annotations[ANNOTATION_OWNER] = options.owner;
  }
  return {
    name: spec.applicationName,
    namespace: spec.namespace,
    labels: {
      [LABEL_MANAGED_BY]: MANAGED_BY_VALUE,
      [ANNOTATION_KUBERNETES_ID]: entityName,
      [LABEL_ENGINE]: spec.engine,
    },
    annotations,
  };
}
