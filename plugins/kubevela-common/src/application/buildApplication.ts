import type { TableSpec } from '../spec/types';
import type { BuildApplicationOptions } from './buildMetadata';
import { buildMetadata } from './buildMetadata';
import { buildTableComponent } from './buildTableComponent';
import { revalidateSpec } from './revalidateSpec';
import { withTableAdoption } from './tableAdoption';
import type { Application } from './types';

/**
 * The KubeVela Application for one table: the engine's component type with its traits or
 * inline properties, and the catalog-linking labels and annotations. Pure and deterministic;
 * throws `TableSpecError` when the spec breaks a rule (for example a feature the engine lacks).
 */
export function buildApplication(
  spec: TableSpec,
  options: BuildApplicationOptions = {},
): Application {
  const checked = revalidateSpec(spec);
  return {
    apiVersion: 'core.oam.dev/v1beta1',
    kind: 'Application',
    metadata: buildMetadata(checked, options),
    spec: {
      components: [
        withTableAdoption(
          buildTableComponent(checked),
          checked,
          options.adoption,
        ),
      ],
    },
  };
}
