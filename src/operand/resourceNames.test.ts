import {
  normalizeBackupName,
  validateBackupNameValue,
  validateDnsLabel,
  validateDnsSubdomain,
  validateOperatorResourceName,
} from './resourceNames';

describe('validateDnsSubdomain (object names)', () => {
  it.each(['schedule-acm', 'a', '0', 'restore.acm.v2', 'a'.repeat(253), ' padded '])('accepts %p', (name) => {
    expect(validateDnsSubdomain(name)).toBeUndefined();
  });

  it('asks for a name when empty', () => {
    expect(validateDnsSubdomain('  ')?.key).toBe('Enter a name.');
  });

  it('counts the characters of a name that is too long', () => {
    expect(validateDnsSubdomain('a'.repeat(254))).toEqual({
      key: 'A name can have at most 253 characters; this one has {{length}}.',
      params: { length: 254 },
    });
  });

  it('offers a lowercase DNS-safe fix', () => {
    expect(validateDnsSubdomain('Schedule_ACM')?.params).toEqual({ value: 'Schedule_ACM', suggestion: 'schedule-acm' });
  });

  it.each(['-start', 'end-', '.dot', 'dot.', 'a..b', 'a_b', 'UPPER', 'ünï'])('refuses %p', (name) => {
    expect(validateDnsSubdomain(name)?.key).toMatch(/is not a valid name/);
  });

  it('has no suggestion when nothing usable is left', () => {
    expect(validateDnsSubdomain('___')).toEqual({
      key: '"{{value}}" is not a valid name. Use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit.',
      params: { value: '___' },
    });
  });
});

describe('validateDnsLabel (namespaces)', () => {
  it('accepts labels of up to 63 characters', () => {
    expect(validateDnsLabel('open-cluster-management-backup')).toBeUndefined();
    expect(validateDnsLabel('a'.repeat(63))).toBeUndefined();
  });

  it('refuses dots and more than 63 characters', () => {
    expect(validateDnsLabel('my.namespace')?.params).toEqual({ value: 'my.namespace', suggestion: 'my-namespace' });
    expect(validateDnsLabel('a'.repeat(64))?.params).toEqual({ length: 64 });
  });
});

describe('validateOperatorResourceName (BackupSchedule and Restore names)', () => {
  it('accepts the sample names', () => {
    expect(validateOperatorResourceName('schedule-acm')).toBeUndefined();
    expect(validateOperatorResourceName('restore-acm-passive-sync-20261125t1903')).toBeUndefined();
  });

  it('limits names to 63 characters because the operator copies them into labels', () => {
    expect(validateOperatorResourceName('a'.repeat(64))?.key).toMatch(/at most 63 characters.*into a label/);
  });

  it('reports invalid characters before length', () => {
    expect(validateOperatorResourceName('A'.repeat(70))?.key).toMatch(/is not a valid name/);
  });
});

describe('validateBackupNameValue (Restore backup-name fields)', () => {
  it.each(['latest', 'skip', 'Latest ', ' SKIP', 'acm-credentials-schedule-20250101120000'])('accepts %p', (value) => {
    expect(validateBackupNameValue(value)).toBeUndefined();
  });

  it('asks for a choice when empty or missing', () => {
    expect(validateBackupNameValue('')?.key).toBe('Choose "latest", "skip" or the name of a Velero backup.');
    expect(validateBackupNameValue(undefined)?.key).toBe('Choose "latest", "skip" or the name of a Velero backup.');
  });

  it('refuses names Velero could not have', () => {
    expect(validateBackupNameValue('my backup')?.params).toEqual({ value: 'my backup' });
    expect(validateBackupNameValue('x'.repeat(254))?.key).toMatch(/is not a valid backup name/);
  });

  it('normalizes like the operator (trim, lowercase)', () => {
    expect(normalizeBackupName('  ACM-Credentials-Schedule-1 ')).toBe('acm-credentials-schedule-1');
  });
});
