/** The component and trait types the platform lets the portal apply (`kubevela.offer`). */
export interface OfferedTypes {
  componentTypes: readonly string[];
  traitTypes: readonly string[];
}

interface ComponentLike {
  type?: unknown;
  traits?: Array<{ type?: unknown }>;
}

/**
 * Why the platform would refuse to apply an Application with this spec, naming each component and trait
 * type it does not offer; undefined when it offers them all. The actions refuse such an
 * Application with this message, and the engine comparison gives it for a move the migrate
 * action would refuse.
 */
export function typesNotOffered(
  offer: OfferedTypes,
  applicationSpec: unknown,
): string | undefined {
  const listed = (applicationSpec as { components?: unknown } | undefined)
    ?.components;
  const components = Array.isArray(listed) ? (listed as ComponentLike[]) : [];
  const problems: string[] = [];
  components.forEach((component, i) => {
    const type = String(component?.type ?? '');
    if (!offer.componentTypes.includes(type)) {
      problems.push(
        `spec.components[${i}].type: component type '${type}' is not offered by the platform; offered: ${offer.componentTypes.join(
          ', ',
        )}`,
      );
    }
    const traits = Array.isArray(component?.traits) ? component.traits : [];
    traits.forEach((trait, j) => {
      const traitType = String(trait?.type ?? '');
      if (!offer.traitTypes.includes(traitType)) {
        problems.push(
          `spec.components[${i}].traits[${j}].type: trait type '${traitType}' is not offered by the platform; offered: ${
            offer.traitTypes.join(', ') || 'none'
          }`,
        );
      }
    });
  });
  return problems.length > 0
    ? `The Application uses types the platform does not offer:\n- ${problems.join(
        '\n- ',
      )}`
    : undefined;
}
