import useAsync from 'react-use/esm/useAsync';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { kubevelaApiRef } from '../../api/KubeVelaApi';
import { EngineComparisonTable } from './EngineComparisonTable';

/** Card comparing the infrastructure engines a table can be provisioned with. */
export function EngineComparisonCard() {
  const api = useApi(kubevelaApiRef);
  const { value, loading, error } = useAsync(() => api.getComparison(), [api]);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard
      title="DynamoDB engines compared"
      subheader="Crossplane, KRO + ACK and Kratix behind one KubeVela interface"
    >
      {value && <EngineComparisonTable comparison={value} />}
    </InfoCard>
  );
}
