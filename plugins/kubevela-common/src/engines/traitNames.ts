import type { TraitFamily } from './types';

/** The trait families in the order the builder attaches them. */
export const TRAIT_FAMILIES: readonly TraitFamily[] = [
  'ttl',
  'streams',
  'encryption',
  'protection',
  'provisioned-capacity',
  'global-index',
  'local-index',
];

/** Trait names of one engine family, following the seeds' `dynamodb-<family>-<suffix>` rule. */
export function traitNamesWithSuffix(
  suffix: 'xp' | 'kro',
): Readonly<Record<TraitFamily, string>> {
  const names = {} as Record<TraitFamily, string>;
  for (const family of TRAIT_FAMILIES) {
    names[family] = `dynamodb-${family}-${suffix}`;
  }
  return names;
}
