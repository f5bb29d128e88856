import type { ComparisonFact, LocalStandIn } from './types';

// Facts every KRO-based engine shares, because they come from KRO and ACK rather than from the
// component definition. Kept in one place so a correction reaches all three engines.

/** KRO's maturity as stated by the seed (API group `kro.run/v1alpha1`). */
export const KRO_MATURITY: ComparisonFact = {
  value: 'Experimental (alpha)',
  note: 'KRO serves its API as kro.run/v1alpha1.',
};

/** Clouds reachable through KRO's cloud operators. */
export const KRO_CLOUD_SUPPORT: ComparisonFact = {
  value: 'Multi-cloud (via ACK/KCC/ASO)',
};

/** How an existing table is adopted through ACK (current mechanism, not the seed's). */
export const ACK_RESOURCE_ADOPTION: ComparisonFact = {
  value:
    'ACK annotations services.k8s.aws/adoption-policy (adopt | adopt-or-create) and services.k8s.aws/adoption-fields',
  note: "The seed's 'AdoptedResource CRD' is outdated: ACK removed that CRD from its controllers in November 2025. At the KRO layer, externalRef references existing Kubernetes objects.",
};

/** Who reconciles the cloud resource. */
export const KRO_RESOURCE_MANAGEMENT: ComparisonFact = {
  value: 'Operator-managed (ACK/KCC/ASO)',
};

/** Who backs KRO. */
export const KRO_VENDOR_BACKING: ComparisonFact = {
  value: 'AWS + Google + Microsoft',
};

/** The local platform runs KRO for real but stands in for the ACK controller. */
export const ACK_STAND_IN: LocalStandIn = {
  replaces: 'ACK DynamoDB controller',
  reason:
    'The ACK modules are not served by the package registries here; KRO itself runs for real and the stand-in writes only the status fields ACK writes.',
};
