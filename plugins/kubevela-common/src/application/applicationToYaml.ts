import { stringify } from 'yaml';
import type { Application } from './types';

/**
 * Serialises an Application to YAML, once, with the `yaml` library. Strings are quoted by YAML
 * 1.1 rules because kubectl and vela read manifests with a YAML 1.1 parser, where an unquoted
 * `yes`, `on` or `0123` would stop being a string; the output parses the same under YAML 1.2.
 */
export function applicationToYaml(app: Application): string {
  return stringify(app, {
    version: '1.1',
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}
