import type { EngineId } from '../engines/types';

/**
 * Engine pairs whose components take the same parameters and whose traits come in the same
 * seven families with the same parameters: moving between them is a change of type and trait
 * names, which is all the engine migration does.
 */
export const LIKE_FOR_LIKE_MIGRATIONS: ReadonlyArray<
  readonly [EngineId, EngineId]
> = [
  ['crossplane', 'kro-simplified'],
  ['kro-simplified', 'crossplane'],
];

/** Whether the engine migration moves tables from one engine to the other. */
export function isLikeForLike(from: EngineId, to: EngineId): boolean {
  return LIKE_FOR_LIKE_MIGRATIONS.some(([a, b]) => a === from && b === to);
}
