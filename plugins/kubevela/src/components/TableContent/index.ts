export { EntityKubeVelaTableContent } from './EntityKubeVelaTableContent';
