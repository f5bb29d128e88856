import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { kubevelaFieldExtensions } from './fieldExtensions';

// The new frontend system's form fields, loaded lazily by the FormFieldBlueprint extensions of
// the plugin (alpha.tsx).
export const kubevelaEnginePickerFormField = createFormField(
  kubevelaFieldExtensions.enginePicker,
);
export const kubevelaClusterPickerFormField = createFormField(
  kubevelaFieldExtensions.clusterPicker,
);
export const kubevelaNamespacePickerFormField = createFormField(
  kubevelaFieldExtensions.namespacePicker,
);
export const kubevelaRegionPickerFormField = createFormField(
  kubevelaFieldExtensions.regionPicker,
);
export const kubevelaDeliveryPickerFormField = createFormField(
  kubevelaFieldExtensions.deliveryPicker,
);
export const kubevelaEngineFeatureFormField = createFormField(
  kubevelaFieldExtensions.engineFeature,
);
export const kubevelaTableSpecCheckFormField = createFormField(
  kubevelaFieldExtensions.tableSpecCheck,
);
