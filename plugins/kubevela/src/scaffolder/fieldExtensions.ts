import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { DeliveryPicker, deliveryValidation } from './DeliveryPicker';
import { EngineFeatureField } from './EngineFeatureField';
import {
  ClusterPicker,
  EnginePicker,
  NamespacePicker,
  RegionPicker,
} from './platformPickers';
import { TableSpecCheck } from './TableSpecCheck';
import { pickerValidation, tableSpecCheckValidation } from './validation';

/**
 * The scaffolder form fields of templates/dynamodb-table (`ui:field` names), for both frontend
 * systems: the legacy `createScaffolderFieldExtension` and the new system's FormFieldBlueprint.
 */
export const kubevelaFieldExtensions = {
  enginePicker: {
    name: 'KubeVelaEnginePicker',
    component: EnginePicker,
    validation: pickerValidation('engine'),
  },
  clusterPicker: {
    name: 'KubeVelaClusterPicker',
    component: ClusterPicker,
    validation: pickerValidation('cluster'),
  },
  namespacePicker: {
    name: 'KubeVelaNamespacePicker',
    component: NamespacePicker,
    validation: pickerValidation('namespace'),
  },
  regionPicker: {
    name: 'KubeVelaRegionPicker',
    component: RegionPicker,
    validation: pickerValidation('region'),
  },
  deliveryPicker: {
    name: 'KubeVelaDeliveryPicker',
    component: DeliveryPicker,
    validation: deliveryValidation,
  },
  engineFeature: {
    name: 'KubeVelaEngineFeature',
    component: EngineFeatureField,
  },
  tableSpecCheck: {
    name: 'KubeVelaTableSpecCheck',
    component: TableSpecCheck,
    validation: tableSpecCheckValidation,
  },
} satisfies Record<string, FieldExtensionOptions<any, any>>;
