import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import { ENGINES } from '@vela-tables/plugin-kubevela-common';
import { useEffect } from 'react';
import { checkTableForm, issueLine, targetCluster } from './checkTableForm';
import type { TableFormData } from './formToTableInput';
import { isFilledIn } from './formToTableInput';
import { usePlatformOffer } from './platformOffer';
import type { PlatformChoice } from './PlatformSelect';
import { PlatformSelect } from './PlatformSelect';

type PickerProps = FieldExtensionComponentProps<string>;

/** The order in which the pickers of a page fill in their first choice. */
const PICKER_ORDER = ['engine', 'cluster', 'namespace', 'region'];

/** What one picker offers and which choice it starts with. */
interface PickerModel {
  choices: (offer: PlatformOffer, form: TableFormData) => PlatformChoice[];
  initial: (offer: PlatformOffer, form: TableFormData) => string | undefined;
  describe?: (value: string | undefined) => string | undefined;
}

/** The whole form's values, which the scaffolder passes to every field as `formContext.formData`. */
export function formDataOf(props: { formContext?: unknown }): TableFormData {
  const context = props.formContext as { formData?: TableFormData } | undefined;
  return context?.formData ?? {};
}

function createPicker(model: PickerModel) {
  return function PlatformPicker(props: PickerProps) {
    const { formData, onChange, name, schema, idSchema, required } = props;
    const offer = usePlatformOffer();
    const form = { ...formDataOf(props), [name]: formData };
    const initial = offer.value ? model.initial(offer.value, form) : undefined;
    // rjsf keeps only the last of several field changes made at once, so the pickers of a page
    // fill in their first choice one after the other, in PICKER_ORDER.
    const waitFor = PICKER_ORDER.slice(0, PICKER_ORDER.indexOf(name)).filter(
      field =>
        field in (props.registry.rootSchema.properties ?? {}) &&
        !isFilledIn(formDataOf(props), field),
    );
    const ready = waitFor.length === 0;
    // The platform's first choice (or its default region) until the user picks another.
    useEffect(() => {
      if (ready && (formData === undefined || formData === '') && initial) {
        onChange(initial);
      }
    }, [ready, formData, initial, onChange]);

    const problems = offer.error
      ? [
          `cannot read what the platform offers (GET /api/kubevela/platform): ${offer.error.message}`,
        ]
      : (offer.value ? checkTableForm(form, offer.value).errors : [])
          .filter(issue => issue.formField === name)
          .map(issueLine);
    return (
      <PlatformSelect
        id={idSchema?.$id ?? name}
        label={schema.title ?? name}
        value={formData}
        choices={offer.value ? model.choices(offer.value, form) : []}
        onChange={onChange}
        required={required}
        disabled={offer.loading}
        problems={problems}
        description={model.describe?.(formData) ?? schema.description}
      />
    );
  };
}

/** Picks one of the engines whose component type the platform offers. */
export const EnginePicker = createPicker({
  choices: offer =>
    offer.engines.map(id => ({
      value: id,
      label: `${ENGINES[id].title} (${ENGINES[id].componentType})`,
    })),
  initial: offer => offer.engines[0],
  describe: value =>
    value && value in ENGINES
      ? ENGINES[value as keyof typeof ENGINES].description
      : undefined,
});

/** Picks one of the clusters the platform configures. */
export const ClusterPicker = createPicker({
  choices: offer => offer.clusters.map(c => ({ value: c.name, label: c.name })),
  initial: offer => offer.clusters[0]?.name,
});

/** Picks one of the namespaces the platform allows on the chosen cluster. */
export const NamespacePicker = createPicker({
  choices: (offer, form) =>
    (targetCluster(form, offer)?.allowedNamespaces ?? []).map(ns => ({
      value: ns,
      label: ns,
    })),
  initial: (offer, form) => targetCluster(form, offer)?.allowedNamespaces[0],
});

/** Picks one of the regions the platform configures; starts with its default region. */
export const RegionPicker = createPicker({
  choices: offer => offer.regions.map(r => ({ value: r, label: r })),
  initial: offer => offer.defaultRegion,
});
