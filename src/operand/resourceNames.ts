import { msg, type Message } from '../k8s/message';
import { LATEST, SKIP } from '../k8s/names';

/** Kubernetes object and namespace names (apimachinery `IsDNS1123Subdomain` / `IsDNS1123Label`). */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A lowercase DNS-safe version of what the user typed, offered as a fix. */
const suggestName = (value: string, allowDots: boolean): string =>
  value
    .toLowerCase()
    .replace(allowDots ? /[^a-z0-9.-]+/g : /[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');

/** Object names: at most 253 characters of lowercase letters, digits, '-' and '.'. */
export const validateDnsSubdomain = (input: string): Message | undefined => {
  const value = input.trim();
  if (value === '') return msg('Enter a name.');
  if (value.length > 253) {
    return msg('A name can have at most 253 characters; this one has {{length}}.', { length: value.length });
  }
  if (SUBDOMAIN.test(value)) return undefined;
  const suggestion = suggestName(value, true);
  if (suggestion && SUBDOMAIN.test(suggestion)) {
    return msg('"{{value}}" is not a valid name. Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, for example "{{suggestion}}".', {
      value,
      suggestion,
    });
  }
  return msg('"{{value}}" is not a valid name. Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.', { value });
};

/** Namespace names and label-sized names: at most 63 characters, no dots. */
export const validateDnsLabel = (input: string): Message | undefined => {
  const value = input.trim();
  if (value === '') return msg('Enter a name.');
  if (value.length > 63) {
    return msg('A name can have at most 63 characters; this one has {{length}}.', { length: value.length });
  }
  if (LABEL.test(value)) return undefined;
  const suggestion = suggestName(value, false);
  if (suggestion && LABEL.test(suggestion)) {
    return msg('"{{value}}" is not a valid name. Use lowercase letters, digits and "-", starting and ending with a letter or digit, for example "{{suggestion}}".', {
      value,
      suggestion,
    });
  }
  return msg('"{{value}}" is not a valid name. Use lowercase letters, digits and "-", starting and ending with a letter or digit.', { value });
};

/** Namespaces are DNS labels. */
export const validateNamespaceName = validateDnsLabel;

/**
 * BackupSchedule and Restore names: object names that the operator also copies into label values
 * (`backup-schedule-name` on every Velero schedule, `acm-restore-name` on the activation record),
 * and label values stop at 63 characters.
 */
export const validateOperatorResourceName = (input: string): Message | undefined => {
  const invalid = validateDnsSubdomain(input);
  if (invalid) return invalid;
  const value = input.trim();
  if (value.length > 63) {
    return msg('Use at most 63 characters (this name has {{length}}): the operator copies the name into a label on the Velero objects it creates.', {
      length: value.length,
    });
  }
  return undefined;
};

/** The operator lower-cases and trims the three backup-name fields before reading them (§2). */
export const normalizeBackupName = (value: string): string => value.trim().toLowerCase();

/** A Restore backup-name field: `latest`, `skip`, or the name of a Velero Backup. */
export const validateBackupNameValue = (input: string | undefined): Message | undefined => {
  const value = normalizeBackupName(input ?? '');
  if (value === '') return msg('Choose "latest", "skip" or the name of a Velero backup.');
  if (value === LATEST || value === SKIP) return undefined;
  if (value.length > 253 || !SUBDOMAIN.test(value)) {
    return msg('"{{value}}" is not a valid backup name. Use "latest", "skip" or the name of an existing Velero backup, such as acm-credentials-schedule-20250101120000.', {
      value,
    });
  }
  return undefined;
};
