import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import { ComparisonError } from './ComparisonError';
import { EngineComparisonTable } from './EngineComparisonTable';

/** Card comparing the infrastructure engines a table can be provisioned with, for everyone. */
export function EngineComparisonCard() {
  const api = useApi(kubevelaApiRef);
  const { value, loading, error } = useAsync(() => api.getComparison(), [api]);
  if (loading) {
    return <Progress />;
  }
  return (
    <div data-testid="engine-comparison">
      <InfoCard
        title="DynamoDB engines compared"
        subheader="Crossplane, KRO + ACK and Kratix behind one KubeVela interface"
      >
        {error && <ComparisonError error={error} />}
        {value && <EngineComparisonTable comparison={value} />}
      </InfoCard>
    </div>
  );
}
