import { EntityEngineComparison } from '../EngineComparison';

/**
 * The entity's DynamoDB tab: the engine comparison seen from its table (its engine
 * highlighted, what its cluster has, live figures and where it could move). The live status
 * is the overview's card.
 */
export function EntityKubeVelaTableContent() {
  return <EntityEngineComparison />;
}
