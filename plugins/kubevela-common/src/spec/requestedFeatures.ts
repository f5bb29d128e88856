import type { TableFeature } from '../engines/types';
import type { BillingMode } from './types';

/** The settings that decide which optional features a table asks for. */
export interface FeatureSettings {
  /** Billing mode; PROVISIONED asks for provisioned capacity. */
  billingMode: BillingMode;
  /** TTL settings, if any. */
  ttl?: { enabled: boolean };
  /** Stream settings, if any. */
  stream?: { enabled: boolean };
  /** Encryption settings, if any. */
  encryption?: { enabled: boolean };
  /** Deletion protection flag. */
  deletionProtection: boolean;
  /** Point-in-time recovery flag. */
  pointInTimeRecovery: boolean;
  /** Global secondary indexes. */
  globalSecondaryIndexes: readonly unknown[];
  /** Local secondary indexes. */
  localSecondaryIndexes: readonly unknown[];
  /** Resource tags. */
  tags: Readonly<Record<string, string>>;
}

/** A feature the spec turns on and the spec fields that turn it on. */
export interface RequestedFeature {
  /** The feature. */
  feature: TableFeature;
  /** Top-level spec fields that ask for it, e.g. `['stream']`. */
  fields: string[];
}

/**
 * The features a spec turns on. A feature that is present but disabled (`enabled: false`,
 * `deletionProtection: false`, no indexes, no tags) is not requested: it is simply off.
 */
export function requestedFeatures(
  settings: FeatureSettings,
): RequestedFeature[] {
  const requested: RequestedFeature[] = [];
  if (settings.ttl?.enabled) {
    requested.push({ feature: 'ttl', fields: ['ttl'] });
  }
  if (settings.stream?.enabled) {
    requested.push({ feature: 'streams', fields: ['stream'] });
  }
  if (settings.encryption?.enabled) {
    requested.push({ feature: 'encryption', fields: ['encryption'] });
  }
  const protectionFields = [
    ...(settings.deletionProtection ? ['deletionProtection'] : []),
    ...(settings.pointInTimeRecovery ? ['pointInTimeRecovery'] : []),
  ];
  if (protectionFields.length > 0) {
    requested.push({ feature: 'protection', fields: protectionFields });
  }
  if (settings.billingMode === 'PROVISIONED') {
    requested.push({
      feature: 'provisioned-capacity',
      fields: ['billingMode'],
    });
  }
  if (settings.globalSecondaryIndexes.length > 0) {
    requested.push({
      feature: 'global-index',
      fields: ['globalSecondaryIndexes'],
    });
  }
  if (settings.localSecondaryIndexes.length > 0) {
    requested.push({
      feature: 'local-index',
      fields: ['localSecondaryIndexes'],
    });
  }
  if (Object.keys(settings.tags).length > 0) {
    requested.push({ feature: 'tags', fields: ['tags'] });
  }
  return requested;
}
