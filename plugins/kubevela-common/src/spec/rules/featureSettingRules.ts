import type { RuleIssue, TableSpecRule } from './ruleTypes';

/** Settings inside a feature that depend on each other (stream view type, KMS key). */
export const featureSettingRules: TableSpecRule = draft => {
  const issues: RuleIssue[] = [];
  if (draft.stream?.enabled && !draft.stream.viewType) {
    issues.push({
      path: ['stream', 'viewType'],
      message:
        'viewType is required when the stream is enabled: KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES',
    });
  }
  if (
    draft.encryption?.kmsKeyId !== undefined &&
    draft.encryption.sseType !== 'KMS'
  ) {
    issues.push({
      path: ['encryption', 'kmsKeyId'],
      message: `kmsKeyId is only allowed with sseType KMS, not ${draft.encryption.sseType}`,
    });
  }
  return issues;
};

/** Crossplane management policies: no repeats, and '*' stands alone. */
export const crossplaneRules: TableSpecRule = draft => {
  const policies = draft.crossplane?.managementPolicies;
  if (!policies) {
    return [];
  }
  const issues: RuleIssue[] = [];
  policies.forEach((policy, index) => {
    if (policies.indexOf(policy) !== index) {
      issues.push({
        path: ['crossplane', 'managementPolicies', index],
        message: `management policy '${policy}' is listed more than once`,
      });
    }
  });
  if (policies.includes('*') && policies.length > 1) {
    issues.push({
      path: ['crossplane', 'managementPolicies'],
      message:
        "'*' already means every management policy and cannot be combined with others",
    });
  }
  return issues;
};
