import { ocDescribeCommand, ocResourceOf, veleroRestoreDetailsCommand, veleroRestoreLogsCommand } from './ocCommands';

describe('ocDescribeCommand', () => {
  it('qualifies the ACM Restore and the Velero Restore differently', () => {
    expect(ocDescribeCommand('Restore', 'restore-acm', 'open-cluster-management-backup')).toBe(
      'oc describe restore.cluster.open-cluster-management.io restore-acm -n open-cluster-management-backup',
    );
    expect(ocDescribeCommand('VeleroRestore', 'restore-acm-acm-managed-clusters-schedule-20210902205438', 'open-cluster-management-backup')).toBe(
      'oc describe restore.velero.io restore-acm-acm-managed-clusters-schedule-20210902205438 -n open-cluster-management-backup',
    );
  });

  it('defaults to the backup namespace and leaves it out for cluster-scoped kinds', () => {
    expect(ocDescribeCommand('VeleroBackup', 'acm-resources-schedule-20250101120000')).toBe(
      'oc describe backup.velero.io acm-resources-schedule-20250101120000 -n open-cluster-management-backup',
    );
    expect(ocDescribeCommand('ManagedCluster', 'cls-1', 'ignored')).toBe('oc describe managedcluster.cluster.open-cluster-management.io cls-1');
  });

  it('quotes anything that is not a plain name', () => {
    expect(ocDescribeCommand('Restore', "it's; rm -rf /", 'ns')).toBe(`oc describe restore.cluster.open-cluster-management.io 'it'\\''s; rm -rf /' -n ns`);
  });

  it('knows every kind it offers', () => {
    expect(ocResourceOf('BackupSchedule')).toBe('backupschedule.cluster.open-cluster-management.io');
    expect(ocResourceOf('BackupStorageLocation')).toBe('backupstoragelocation.velero.io');
    expect(ocResourceOf('DataProtectionApplication')).toBe('dataprotectionapplication.oadp.openshift.io');
  });
});

describe('Velero CLI commands', () => {
  it('run the CLI inside the OADP velero deployment', () => {
    expect(veleroRestoreDetailsCommand('r-1')).toBe(
      'oc -n open-cluster-management-backup exec deployment/velero -c velero -- ./velero restore describe r-1 --details',
    );
    expect(veleroRestoreLogsCommand('r-1', 'oadp')).toBe('oc -n oadp exec deployment/velero -c velero -- ./velero restore logs r-1');
  });
});
