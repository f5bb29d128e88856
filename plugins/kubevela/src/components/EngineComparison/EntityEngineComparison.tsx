import { InfoCard, Progress } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import { ComparisonError } from './ComparisonError';
import { EntityComparisonView } from './EntityComparisonView';

/** The engine comparison for one entity's table, by reference (`kind:namespace/name`). */
export function EngineComparisonForEntity(props: { entityRef: string }) {
  const api = useApi(kubevelaApiRef);
  const { value, loading, error } = useAsync(
    () => api.getEntityComparison(props.entityRef),
    [api, props.entityRef],
  );
  if (loading) {
    return (
      <div data-testid="engine-comparison-loading">
        <Progress />
      </div>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title="DynamoDB engines compared">
        <ComparisonError error={error ?? new Error('no answer')} />
      </InfoCard>
    );
  }
  return <EntityComparisonView comparison={value} />;
}

/** The engine comparison for the entity on the page (its DynamoDB tab). */
export function EntityEngineComparison() {
  const { entity } = useEntity();
  return <EngineComparisonForEntity entityRef={stringifyEntityRef(entity)} />;
}
