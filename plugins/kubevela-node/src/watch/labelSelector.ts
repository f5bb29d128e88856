/**
 * Whether labels match an equality-based selector (`a=b,c==d,e!=f`), the only form the status
 * readers use. Set-based selectors are refused so that a caller never gets a silently wrong
 * answer from memory.
 */
export function matchesLabelSelector(
  labels: Readonly<Record<string, string>> | undefined,
  selector: string | undefined,
): boolean {
  if (!selector?.trim()) return true;
  return selector.split(',').every(term => {
    const t = term.trim();
    const ne = /^([^!=\s]+)\s*!=\s*(\S*)$/.exec(t);
    if (ne) return labels?.[ne[1]] !== ne[2];
    const eq = /^([^!=\s]+)\s*==?\s*(\S*)$/.exec(t);
    if (eq) return labels?.[eq[1]] === eq[2];
    throw new Error(
      `label selector term '${t}' is not an equality (k=v, k==v, k!=v); the watch cache cannot answer it`,
    );
  });
}

/** The `key=value` (or `key==value`) terms of an equality-based selector, in order. */
export function equalityTerms(
  selector: string | undefined,
): Array<{ key: string; value: string }> {
  if (!selector?.trim()) return [];
  return selector.split(',').flatMap(term => {
    const eq = /^([^!=\s]+)\s*==?\s*(\S*)$/.exec(term.trim());
    return eq ? [{ key: eq[1], value: eq[2] }] : [];
  });
}
