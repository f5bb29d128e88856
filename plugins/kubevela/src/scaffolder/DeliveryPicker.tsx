import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { PlatformOffer } from '@vela-tables/plugin-kubevela-common';
import { useEffect } from 'react';
import { platformOfferFrom, usePlatformOffer } from './platformOffer';
import type { PlatformChoice } from './PlatformSelect';
import { PlatformSelect } from './PlatformSelect';
import type { ValidationContext } from './validation';

/** Direct apply: what every platform offers, and the only choice without GitOps delivery. */
const APPLY = 'apply';
const PULL_REQUEST = 'pullRequest';

/** How the Application may reach the cluster: a pull request only where GitOps is configured. */
export function deliveryChoices(offer: PlatformOffer): PlatformChoice[] {
  return [
    { value: APPLY, label: 'Apply it to the cluster now' },
    ...(offer.gitops
      ? [
          {
            value: PULL_REQUEST,
            label: `Propose it as a pull request to ${offer.gitops.repoUrl} (branch ${offer.gitops.targetBranch})`,
          },
        ]
      : []),
  ];
}

/**
 * Picks how the Application reaches the cluster. Shown only when the platform configures GitOps
 * delivery (`gitops` of GET /api/kubevela/platform); otherwise hidden and kept at direct apply.
 */
export function DeliveryPicker(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, name, schema, idSchema, required } = props;
  const offer = usePlatformOffer();
  const offersPullRequest = Boolean(offer.value?.gitops);
  useEffect(() => {
    if (offer.value && !offersPullRequest && formData !== APPLY) {
      onChange(APPLY);
    }
  }, [offer.value, offersPullRequest, formData, onChange]);

  if (!offer.value || !offersPullRequest) {
    return null;
  }
  return (
    <PlatformSelect
      id={idSchema?.$id ?? name}
      label={schema.title ?? name}
      value={formData}
      choices={deliveryChoices(offer.value)}
      onChange={onChange}
      required={required}
      problems={[]}
      description={schema.description}
    />
  );
}

/** Refuses a delivery the platform does not offer (a pull request without GitOps). */
export async function deliveryValidation(
  value: string | undefined,
  validation: Parameters<CustomFieldValidator<unknown>>[1],
  context: ValidationContext,
) {
  const offer = await platformOfferFrom(context.apiHolder);
  const offered = deliveryChoices(offer).map(choice => choice.value);
  if (value && !offered.includes(value)) {
    validation.addError(
      value === PULL_REQUEST
        ? 'delivery: this platform configures no GitOps delivery (kubevela.gitops); the Application can only be applied'
        : `delivery: '${value}' is not offered; choose one of ${offered.join(
            ', ',
          )}`,
    );
  }
}
