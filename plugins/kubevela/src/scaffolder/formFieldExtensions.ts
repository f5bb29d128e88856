import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

// One FormFieldBlueprint extension per field; each attaches to the scaffolder's form fields API
// (`api:scaffolder/form-fields`) and loads its field only when a form needs it.
const load = () => import('./formFields');

/** The KubeVela scaffolder form fields as extensions of the new frontend system. */
export const kubevelaFormFieldExtensions = [
  FormFieldBlueprint.make({
    name: 'kubevela-engine-picker',
    params: {
      field: () => load().then(m => m.kubevelaEnginePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-cluster-picker',
    params: {
      field: () => load().then(m => m.kubevelaClusterPickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-namespace-picker',
    params: {
      field: () => load().then(m => m.kubevelaNamespacePickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-region-picker',
    params: {
      field: () => load().then(m => m.kubevelaRegionPickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-delivery-picker',
    params: {
      field: () => load().then(m => m.kubevelaDeliveryPickerFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-engine-feature',
    params: {
      field: () => load().then(m => m.kubevelaEngineFeatureFormField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kubevela-table-spec-check',
    params: {
      field: () => load().then(m => m.kubevelaTableSpecCheckFormField),
    },
  }),
];
