/** The operand layer's input validators in one import. Each returns undefined when the input is valid. */
export { validateCron, parseCron, type CronSchedule, type CronParse, type CronFieldName } from './cron';
export { validateDuration, validatePositiveDuration, validateTtl, parseGoDuration, durationToMs, type DurationParse } from './duration';
export {
  validateDnsSubdomain,
  validateDnsLabel,
  validateNamespaceName,
  validateOperatorResourceName,
  validateBackupNameValue,
  normalizeBackupName,
} from './resourceNames';
export {
  validateRestoreSpec,
  restoreErrors,
  type ValidationIssue,
  type Severity,
  type RestoreOperation,
} from './restoreRules';
