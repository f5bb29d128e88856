import Typography from '@material-ui/core/Typography';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect, useMemo } from 'react';
import {
  engineFeatureSupport,
  isEngineFeatureKey,
} from './engineFeatureSupport';
import { formDataOf } from './platformPickers';
import { sameValue } from './sameValue';

/**
 * Shows a field of the template (rendered by the scaffolder's own form) only when the chosen
 * engine offers its feature, per the engine catalogue (`ui:options.feature`). A hidden field is
 * put back to its schema default (off), so nothing the user can no longer see reaches the build.
 */
export function EngineFeatureField(
  props: FieldExtensionComponentProps<unknown>,
) {
  const { uiSchema, registry, schema, formData, onChange, name } = props;
  const feature = uiSchema?.['ui:options']?.feature;
  const support = isEngineFeatureKey(feature)
    ? engineFeatureSupport(formDataOf(props).engine, feature)
    : { shown: true };
  const defaults = useMemo(
    () => registry.schemaUtils.getDefaultFormState(schema, undefined),
    [registry, schema],
  );
  useEffect(() => {
    if (!support.shown && !sameValue(formData, defaults)) {
      onChange(defaults);
    }
  }, [support.shown, formData, defaults, onChange]);

  if (!isEngineFeatureKey(feature)) {
    throw new Error(
      `KubeVelaEngineFeature field '${name}' needs ui:options.feature, one of the engine catalogue's table features, customKeys, featureMode or crossplane; got '${String(
        feature,
      )}'`,
    );
  }
  if (!support.shown) {
    return support.note ? (
      <Typography variant="body2" color="textSecondary" paragraph>
        {schema.title ?? name}: {support.note}
      </Typography>
    ) : null;
  }
  // The scaffolder's own rendering of the field, without this wrapper.
  const { SchemaField } = registry.fields;
  const { 'ui:field': _wrapper, ...ownUiSchema } = uiSchema ?? {};
  return <SchemaField {...props} uiSchema={ownUiSchema} />;
}
