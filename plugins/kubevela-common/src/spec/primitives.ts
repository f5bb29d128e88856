import { z } from 'zod';

// Line breaks and other control characters are refused in every string, because each value ends
// up in YAML, in Kubernetes objects and in log lines where they could forge structure.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Message used whenever a string carries a control character or line break. */
export const CONTROL_CHARACTER_MESSAGE =
  'must not contain line breaks or other control characters';

/** Whether a string is free of control characters and line breaks. */
export function isPlainText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}

/** A rule a string must satisfy and the message shown when it does not. */
export type StringCheck = readonly [(value: string) => boolean, string];

/**
 * A string schema that reports only the first failing check, so one bad value yields one
 * message. The control-character check always comes first.
 */
export function checkedString(...checks: StringCheck[]) {
  const all: StringCheck[] = [
    [isPlainText, CONTROL_CHARACTER_MESSAGE],
    ...checks,
  ];
  return z.string().superRefine((value, ctx) => {
    const failed = all.find(([holds]) => !holds(value));
    if (failed) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: failed[1] });
    }
  });
}

/** A check that a string is `min`–`max` characters long. */
export function lengthBetween(
  min: number,
  max: number,
  what: string,
): StringCheck {
  const rule =
    min === 0
      ? `at most ${max} characters long`
      : `${min}–${max} characters long`;
  return [
    value => value.length >= min && value.length <= max,
    `${what} must be ${rule}`,
  ];
}

/** Free text of `min`–`max` characters without control characters. */
export function plainText(min: number, max: number, what: string) {
  return checkedString(lengthBetween(min, max, what));
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * An RFC 1123 DNS label (lowercase alphanumerics and '-', starting and ending alphanumeric,
 * at most 63 characters). Kubernetes allows 253-character subdomains for Application names, but
 * KubeVela copies the name into labels (63 at most), so the label rule is the safe one.
 */
export function dnsLabel(what: string) {
  return checkedString(lengthBetween(1, 63, what), [
    value => DNS_LABEL.test(value),
    `${what} must be a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit`,
  ]);
}

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** An RFC 1123 subdomain (Kubernetes object name), at most 253 characters. */
export function dnsSubdomain(what: string) {
  return checkedString(lengthBetween(1, 253, what), [
    value => DNS_SUBDOMAIN.test(value),
    `${what} must be a Kubernetes object name: lowercase letters, digits, '-' and '.'`,
  ]);
}

/** Characters DynamoDB allows in table and index names. */
export const DYNAMODB_NAME_CHARACTERS = /^[A-Za-z0-9_.-]+$/;

/** A check that a name uses only the characters DynamoDB allows in table and index names. */
export function dynamoDbNameCharacters(what: string): StringCheck {
  return [
    value => DYNAMODB_NAME_CHARACTERS.test(value),
    `${what} may contain only letters, digits, '_', '.' and '-'`,
  ];
}

/** An index name as DynamoDB allows it: 3–255 of `[A-Za-z0-9_.-]`. */
export function indexName() {
  return checkedString(
    lengthBetween(3, 255, 'index name'),
    dynamoDbNameCharacters('index name'),
  );
}

/** An attribute name: 1–255 characters (DynamoDB's limit for key and projected attributes). */
export function attributeName() {
  return plainText(1, 255, 'attribute name');
}

// Covers standard (us-west-2), GovCloud (us-gov-west-1), ISO (us-isob-east-1) and sovereign
// (eusc-de-east-1) region names.
const AWS_REGION = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/;

/** An AWS region name such as `us-west-2`. */
export function awsRegion() {
  return checkedString([
    value => AWS_REGION.test(value),
    "region must be an AWS region name such as 'us-west-2'",
  ]);
}

/** Provisioned read or write capacity units: a whole number of at least 1. */
export function capacityUnits(what: string) {
  return z
    .number({ invalid_type_error: `${what} must be a number` })
    .int({ message: `${what} must be a whole number` })
    .min(1, { message: `${what} must be at least 1` })
    .max(Number.MAX_SAFE_INTEGER, { message: `${what} is too large` });
}

// AWS tag rule (DynamoDB TagResource): Unicode letters, digits, white space and _ . : / = + - @.
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** A tag key: 1–128 allowed characters, not starting with the reserved `aws:` prefix. */
export function tagKey() {
  return checkedString(
    lengthBetween(1, 128, 'tag key'),
    [
      value => TAG_CHARACTERS.test(value),
      'tag key may contain only letters, digits, spaces and _ . : / = + - @',
    ],
    [
      value => !value.toLowerCase().startsWith('aws:'),
      "tag key must not start with the reserved prefix 'aws:'",
    ],
  );
}

/** A tag value: 0–256 allowed characters. */
export function tagValue() {
  return checkedString(lengthBetween(0, 256, 'tag value'), [
    value => TAG_CHARACTERS.test(value),
    'tag value may contain only letters, digits, spaces and _ . : / = + - @',
  ]);
}

const KMS_KEY_ID = /^[A-Za-z0-9:/_.-]+$/;

/** A KMS key id, key ARN, alias name or alias ARN. */
export function kmsKeyId() {
  return checkedString(lengthBetween(1, 2048, 'kmsKeyId'), [
    value => KMS_KEY_ID.test(value),
    "kmsKeyId must be a KMS key id, key ARN, alias name ('alias/...') or alias ARN",
  ]);
}
