import type { KubeEvent, Restore, RestoreSpec, VeleroBackup, VeleroRestore } from '../k8s/types';
import { parseAutoImportMessage, restoreTimeline, type TimelineEntry } from './restoreTimeline';

const NS = 'open-cluster-management-backup';
const NOW = new Date('2025-03-01T12:00:00Z');
const ACM = 'cluster.open-cluster-management.io/v1beta1';

const FULL: RestoreSpec = {
  cleanupBeforeRestore: 'CleanupRestored',
  veleroManagedClustersBackupName: 'latest',
  veleroCredentialsBackupName: 'latest',
  veleroResourcesBackupName: 'latest',
};

const B = {
  creds: 'acm-credentials-schedule-20250301090000',
  res: 'acm-resources-schedule-20250301090000',
  gen: 'acm-resources-generic-schedule-20250301090000',
  mc: 'acm-managed-clusters-schedule-20250301090000',
};
const VR = {
  creds: `restore-acm-${B.creds}`,
  res: `restore-acm-${B.res}`,
  gen: `restore-acm-${B.gen}`,
  mc: `restore-acm-${B.mc}`,
};

const mkRestore = (status: Restore['status'], meta: Partial<Restore['metadata']> = {}, spec: RestoreSpec = FULL): Restore => ({
  apiVersion: ACM,
  kind: 'Restore',
  metadata: { name: 'restore-acm', namespace: NS, uid: 'r-1', creationTimestamp: '2025-03-01T10:00:00Z', ...meta },
  spec,
  status,
});

const owner = [{ apiVersion: ACM, kind: 'Restore', name: 'restore-acm', uid: 'r-1', controller: true }];

const mkVr = (name: string, backupName: string, status: VeleroRestore['status'], meta: Partial<VeleroRestore['metadata']> = {}): VeleroRestore => ({
  metadata: { name, namespace: NS, ownerReferences: owner, creationTimestamp: '2025-03-01T10:00:00Z', ...meta },
  spec: { backupName },
  status,
});

const done = (start: string, end: string, extra: VeleroRestore['status'] = {}): VeleroRestore['status'] => ({
  phase: 'Completed',
  startTimestamp: start,
  completionTimestamp: end,
  progress: { itemsRestored: 10, totalItems: 10 },
  ...extra,
});

/** A core/v1 Event as the 2.8–2.17 operators record them. */
const coreEvent = (uid: string, reason: string, message: string, first: string | undefined, extra: Partial<KubeEvent> = {}): KubeEvent => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `restore-acm.${uid}`, namespace: NS, uid },
  involvedObject: { kind: 'Restore', name: 'restore-acm', namespace: NS, uid: 'r-1', apiVersion: ACM } as KubeEvent['involvedObject'],
  reason,
  message,
  type: 'Normal',
  ...(first ? { firstTimestamp: first, lastTimestamp: first } : {}),
  count: 1,
  ...extra,
});

/** An events.k8s.io/v1 Event as `main`/5.x records them. */
const v1Event = (uid: string, reason: string, note: string, eventTime: string, extra: Record<string, unknown> = {}): KubeEvent => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: `restore-acm.${uid}`, namespace: NS, uid },
  regarding: { kind: 'Restore', name: 'restore-acm', namespace: NS, uid: 'r-1', apiVersion: ACM } as KubeEvent['regarding'],
  reason,
  note,
  type: 'Normal',
  eventTime,
  reportingController: 'restore-controller',
  ...extra,
});

const ids = (entries: TimelineEntry[]) => entries.map((e) => e.id);
const byId = (entries: TimelineEntry[], id: string) => entries.find((e) => e.id === id) as TimelineEntry;

describe('parseAutoImportMessage (§5 formats)', () => {
  it.each([
    ['managed cluster cls-1 already available', 'available', 'cls-1', 'healthy'],
    ['Cannot reimport cluster eks-1, no serverUrl property', 'noServerUrl', 'eks-1', 'warning'],
    ['No suitable MSA secret found for cluster (cls-2)', 'noMsaSecret', 'cls-2', 'warning'],
    ['Skip MSA access token for cluster (cls-3) - invalid token data in secret (auto-import-account)', 'invalidToken', 'cls-3', 'warning'],
    ['Skip MSA access token for secret (cls-4:auto-import-account-pair) no loger valid!', 'invalidToken', 'cls-4', 'warning'],
    ['deleted auto-import-secret from namespace cls-5', 'deletedSecret', 'cls-5', 'info'],
    ['failed to delete the auto-import-secret from namespace cls-6', 'failed', 'cls-6', 'warning'],
    ['Created auto-import-secret for (cls-7)', 'created', 'cls-7', 'healthy'],
    ['Failed to create auto-import-secret for (cls-8)', 'failed', 'cls-8', 'critical'],
  ])('%s', (text, outcome, cluster, severity) => {
    const r = parseAutoImportMessage(text);
    expect(r).toMatchObject({ outcome, cluster, severity, raw: text });
    expect(r.message.params).toMatchObject({ cluster });
  });

  it('keeps the secret name and marks expired tokens', () => {
    expect(parseAutoImportMessage('Skip MSA access token for cluster (c) - invalid token data in secret (s)')).toMatchObject({ secret: 's' });
    expect(parseAutoImportMessage('Skip MSA access token for secret (c:s) no loger valid!')).toMatchObject({ cluster: 'c', secret: 's', expired: true });
    expect(parseAutoImportMessage('Skip MSA access token for secret (c:s) no longer valid!')).toMatchObject({ expired: true });
  });

  it('gives a way forward where the cluster will not come back by itself', () => {
    for (const text of ['Cannot reimport cluster a, no serverUrl property', 'No suitable MSA secret found for cluster (a)', 'Failed to create auto-import-secret for (a)']) {
      expect(parseAutoImportMessage(text).check?.key).toMatch(/manual/);
    }
  });

  it('does not invent a cluster for a message it does not know', () => {
    const r = parseAutoImportMessage('managed cluster x is doing something else');
    expect(r).toMatchObject({ outcome: 'other', severity: 'info', raw: 'managed cluster x is doing something else' });
    expect(r.cluster).toBeUndefined();
  });
});

describe('restoreTimeline: a finished full restore (core events, 2.8–2.17)', () => {
  const restore = mkRestore({
    phase: 'FinishedWithErrors',
    lastMessage: 'Velero restores have run to completion but encountered 1+ errors',
    veleroCredentialsRestoreName: VR.creds,
    veleroResourcesRestoreName: VR.res,
    veleroGenericResourcesRestoreName: VR.gen,
    veleroManagedClustersRestoreName: VR.mc,
    completionTimestamp: '2025-03-01T10:00:12Z',
    messages: ['Created auto-import-secret for (cls-1)', 'managed cluster cls-2 already available'],
  });
  // Everything the operator does at creation happens in the same second; Velero starts at once.
  const events = [
    coreEvent('e-mc', 'Velero restore created:', VR.mc, '2025-03-01T10:00:00Z'),
    coreEvent('e-res', 'Velero restore created:', VR.res, '2025-03-01T10:00:00Z'),
    coreEvent('e-creds', 'Velero restore created:', VR.creds, '2025-03-01T10:00:00Z'),
    coreEvent('e-gen', 'Velero restore created:', VR.gen, '2025-03-01T10:00:00Z'),
  ];
  const veleroRestores = [
    mkVr(VR.gen, B.gen, done('2025-03-01T10:00:03Z', '2025-03-01T10:00:05Z')),
    mkVr(VR.creds, B.creds, done('2025-03-01T10:00:00Z', '2025-03-01T10:00:01Z')),
    mkVr(VR.mc, B.mc, { phase: 'PartiallyFailed', errors: 1, startTimestamp: '2025-03-01T10:00:05Z', completionTimestamp: '2025-03-01T10:00:05Z' }),
    mkVr(VR.res, B.res, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:03Z')),
  ];
  const backups: VeleroBackup[] = [{ metadata: { name: B.mc, namespace: NS }, status: { phase: 'Completed', progress: {} } }];
  const timeline = restoreTimeline({ restore, events, veleroRestores, backups, now: NOW });

  it('merges creation, announcements, Velero restores, auto-import results and the final status in order', () => {
    expect(ids(timeline)).toEqual([
      'restore:created',
      'event:e-creds',
      'event:e-res',
      'event:e-gen',
      'event:e-mc',
      `vr:${VR.creds}:start`,
      `vr:${VR.creds}:end`,
      `vr:${VR.res}:start`,
      `vr:${VR.res}:end`,
      `vr:${VR.gen}:start`,
      `vr:${VR.gen}:end`,
      `vr:${VR.mc}:start`,
      `vr:${VR.mc}:end`,
      'post:0',
      'post:1',
      'restore:status',
    ]);
  });

  it('does not depend on the order of its inputs', () => {
    const again = restoreTimeline({ restore, events: [...events].reverse(), veleroRestores: [...veleroRestores].reverse(), backups, now: NOW });
    expect(ids(again)).toEqual(ids(timeline));
  });

  it('keeps every time it shows real, and times never go backwards', () => {
    const times = timeline.filter((e) => e.time).map((e) => (e.time as Date).getTime());
    expect(times.every((t) => t >= Date.parse('2025-03-01T10:00:00Z'))).toBe(true);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(timeline.filter((e) => !e.time).map((e) => e.kind)).toEqual(['postRestore', 'postRestore']);
  });

  it('describes each Velero restore with the backup it restored and its counts', () => {
    const start = byId(timeline, `vr:${VR.res}:start`);
    expect(start).toMatchObject({ kind: 'veleroRestore', severity: 'info', ref: { kind: 'VeleroRestore', name: VR.res, namespace: NS } });
    expect(start.detail).toEqual({ key: 'Restores resources backup {{backup}}.', params: { backup: B.res } });
    const end = byId(timeline, `vr:${VR.res}:end`);
    expect(end.detail?.params).toEqual({ restored: 10, total: 10, warnings: 0, errors: 0 });
    expect(end.veleroRestore).toMatchObject({ name: VR.res, backupName: B.res, backupType: 'resources', phase: 'Completed', durationMs: 2000 });
  });

  it('explains the PartiallyFailed restore of an empty backup as benign, and so the final status', () => {
    const mcEnd = byId(timeline, `vr:${VR.mc}:end`);
    expect(mcEnd.severity).toBe('healthy');
    expect(mcEnd.veleroRestore?.diagnosis.verdict).toBe('emptyBackup');
    const status = byId(timeline, 'restore:status');
    expect(status).toMatchObject({ current: true, severity: 'healthy', time: new Date('2025-03-01T10:00:12Z'), raw: restore.status?.lastMessage });
  });

  it('links each auto-import result to its cluster', () => {
    expect(byId(timeline, 'post:0')).toMatchObject({ kind: 'postRestore', severity: 'healthy', ref: { kind: 'ManagedCluster', name: 'cls-1' } });
    expect(byId(timeline, 'post:1').autoImport).toMatchObject({ outcome: 'available', cluster: 'cls-2' });
  });

  it('names the Velero restore each announcement is about', () => {
    expect(byId(timeline, 'event:e-mc')).toMatchObject({
      title: { key: 'Velero restore {{name}} created', params: { name: VR.mc } },
      ref: { kind: 'VeleroRestore', name: VR.mc },
      raw: VR.mc,
    });
  });
});

describe('restoreTimeline: events', () => {
  const restore = mkRestore({ phase: 'Running', lastMessage: `Velero restore ${VR.creds} is currently executing`, veleroCredentialsRestoreName: VR.creds });

  it('reads the events.k8s.io spelling the same way, with hook warnings', () => {
    const t = restoreTimeline({
      restore,
      events: [
        v1Event('h', 'RestoreHooksNotSupported', 'spec.hooks is specified but is not propagated to the underlying Velero restore for security reasons', '2025-03-01T10:00:00.100000Z', {
          type: 'Warning',
          action: 'RestoreHooksNotSupported',
        }),
        v1Event('c', 'VeleroRestoreCreated', `Velero restore created: ${VR.creds}`, '2025-03-01T10:00:00.200000Z', { action: 'CreateRestore' }),
      ],
      veleroRestores: [mkVr(VR.creds, B.creds, { phase: 'InProgress', startTimestamp: '2025-03-01T10:00:00Z', progress: { itemsRestored: 3, totalItems: 12 } })],
      now: NOW,
    });
    expect(ids(t)).toEqual(['restore:created', 'event:h', 'event:c', `vr:${VR.creds}:start`, 'restore:status']);
    expect(byId(t, 'event:h')).toMatchObject({ severity: 'warning', title: { key: 'Restore hooks ignored' } });
    expect(byId(t, 'event:c').title.params).toEqual({ name: VR.creds });
    expect(byId(t, 'event:c').time).toEqual(new Date('2025-03-01T10:00:00.200Z'));
    // Running: a progress entry with its counts, and no end yet.
    expect(byId(t, `vr:${VR.creds}:start`)).toMatchObject({ severity: 'progress', detail: { params: { restored: 3, total: 12, warnings: 0, errors: 0 } } });
    expect(byId(t, `vr:${VR.creds}:start`).veleroRestore?.durationMs).toBe(NOW.getTime() - Date.parse('2025-03-01T10:00:00Z'));
    expect(byId(t, 'restore:status')).toMatchObject({ current: true, severity: 'progress' });
    expect(byId(t, 'restore:status').time).toBeUndefined();
  });

  it('counts an event seen through both APIs once', () => {
    const first = '2025-03-01T10:00:00Z';
    const asCore = coreEvent('same', 'VeleroRestoreCreated', `Velero restore created: ${VR.creds}`, undefined, {
      eventTime: '2025-03-01T10:00:00.500000Z',
      firstTimestamp: undefined,
    });
    const asV1 = v1Event('same', 'VeleroRestoreCreated', `Velero restore created: ${VR.creds}`, '2025-03-01T10:00:00.500000Z', {
      series: { count: 3, lastObservedTime: '2025-03-01T10:30:00Z' },
    });
    const t = restoreTimeline({ restore, events: [asCore, asV1, coreEvent('other', 'Velero restore created:', VR.res, first)], now: NOW });
    const events = t.filter((e) => e.kind === 'event');
    // One entry for the pair; the other event was half a second earlier.
    expect(events.map((e) => e.id)).toEqual(['event:other', 'event:same']);
    expect(byId(t, 'event:same')).toMatchObject({ count: 3, lastTime: new Date('2025-03-01T10:30:00Z') });
  });

  it('ignores events of other objects: a Velero Restore of the same name, an earlier Restore of the same name, another Restore', () => {
    const veleroOne = coreEvent('v', 'Something', 'x', '2025-03-01T10:00:01Z', {
      involvedObject: { kind: 'Restore', name: 'restore-acm', namespace: NS, apiVersion: 'velero.io/v1' } as KubeEvent['involvedObject'],
    });
    const earlier = coreEvent('old', 'Velero restore created:', 'x', '2025-02-01T10:00:00Z', {
      involvedObject: { kind: 'Restore', name: 'restore-acm', namespace: NS, uid: 'r-0' },
    });
    const other = coreEvent('o', 'Velero restore created:', 'y', '2025-03-01T10:00:01Z', {
      involvedObject: { kind: 'Restore', name: 'restore-acm-passive', namespace: NS },
    });
    const t = restoreTimeline({ restore, events: [veleroOne, earlier, other], now: NOW });
    expect(t.filter((e) => e.kind === 'event')).toEqual([]);
  });

  it('reads the 2.5-era events', () => {
    const t = restoreTimeline({
      restore,
      events: [
        coreEvent('p', 'Prepare to restore, cleaning up resources for backup:', B.res, '2025-03-01T10:00:01Z'),
        coreEvent('s', 'Processing restore request', 'Restore sync found new backups', '2025-03-01T10:00:02Z'),
        coreEvent('a', 'Velero restore already exists:', VR.creds, '2025-03-01T10:00:03Z'),
        coreEvent('n', 'Processing restore request', 'Restore sync found no new backups', '2025-03-01T10:00:04Z'),
        coreEvent('w', 'SomethingElse', 'text', '2025-03-01T10:00:05Z', { type: 'Warning' }),
      ],
      now: NOW,
    });
    expect(byId(t, 'event:p')).toMatchObject({ title: { params: { backup: B.res } }, ref: { kind: 'VeleroBackup', name: B.res } });
    expect(byId(t, 'event:s').title.key).toBe('Sync check found new backups');
    expect(byId(t, 'event:a')).toMatchObject({ title: { key: 'Velero restore {{name}} already exists' }, ref: { name: VR.creds } });
    expect(byId(t, 'event:n').title.key).toBe('Sync check found no new backups');
    expect(byId(t, 'event:w')).toMatchObject({ severity: 'warning', title: { params: { reason: 'SomethingElse' } }, raw: 'text' });
    expect(ids(t).slice(1, 6)).toEqual(['event:p', 'event:s', 'event:a', 'event:n', 'event:w']);
  });
});

describe('restoreTimeline: clock ties and missing timestamps', () => {
  it('puts an announcement before the start of the Velero restore it announces, even when Velero\'s clock is behind', () => {
    const restore = mkRestore({ phase: 'Running', veleroCredentialsRestoreName: VR.creds });
    const t = restoreTimeline({
      restore,
      events: [coreEvent('c', 'Velero restore created:', VR.creds, '2025-03-01T10:00:02Z')],
      veleroRestores: [mkVr(VR.creds, B.creds, { phase: 'InProgress', startTimestamp: '2025-03-01T10:00:01Z' })],
      now: NOW,
    });
    expect(ids(t)).toEqual(['restore:created', 'event:c', `vr:${VR.creds}:start`, 'restore:status']);
    // The time shown stays the one Velero wrote.
    expect(byId(t, `vr:${VR.creds}:start`).time).toEqual(new Date('2025-03-01T10:00:01Z'));
  });

  it('places a Velero restore that has not started after its creation event, without a time', () => {
    const restore = mkRestore({ phase: 'Started', lastMessage: `Velero restore ${VR.res} has started`, veleroCredentialsRestoreName: VR.creds, veleroResourcesRestoreName: VR.res });
    const t = restoreTimeline({
      restore,
      events: [
        coreEvent('c', 'Velero restore created:', VR.creds, '2025-03-01T10:00:00Z'),
        coreEvent('r', 'Velero restore created:', VR.res, '2025-03-01T10:05:00Z'),
        coreEvent('late', 'Other', 'later', '2025-03-01T10:06:00Z'),
      ],
      veleroRestores: [
        mkVr(VR.creds, B.creds, done('2025-03-01T10:00:01Z', '2025-03-01T10:04:00Z')),
        mkVr(VR.res, B.res, { phase: 'New' }, { creationTimestamp: undefined }),
      ],
      now: NOW,
    });
    expect(ids(t)).toEqual([
      'restore:created',
      'event:c',
      `vr:${VR.creds}:start`,
      `vr:${VR.creds}:end`,
      'event:r',
      `vr:${VR.res}:start`,
      'event:late',
      'restore:status',
    ]);
    const waiting = byId(t, `vr:${VR.res}:start`);
    expect(waiting.time).toBeUndefined();
    expect(waiting).toMatchObject({ severity: 'progress', title: { key: 'Velero restore {{name}} is waiting to start' } });
  });

  it('uses a Velero restore\'s own creation time when no event announced it', () => {
    const restore = mkRestore({ phase: 'Started', veleroCredentialsRestoreName: VR.creds });
    const t = restoreTimeline({
      restore,
      events: [coreEvent('x', 'Other', 'x', '2025-03-01T10:02:00Z')],
      veleroRestores: [mkVr(VR.creds, B.creds, { phase: 'New' }, { creationTimestamp: '2025-03-01T10:01:00Z' })],
      now: NOW,
    });
    expect(ids(t)).toEqual(['restore:created', `vr:${VR.creds}:start`, 'event:x', 'restore:status']);
  });

  it('keeps entries without any time, after what they depend on, and never at 1970', () => {
    const restore = mkRestore(
      {
        phase: 'Finished',
        lastMessage: 'All Velero restores have run successfully',
        veleroManagedClustersRestoreName: VR.mc,
        messages: ['Created auto-import-secret for (cls-1)'],
      },
      {},
      { ...FULL, veleroCredentialsBackupName: 'skip', veleroResourcesBackupName: 'skip' },
    );
    const t = restoreTimeline({
      restore,
      events: [coreEvent('untimed', 'Velero restore created:', VR.mc, undefined, { count: undefined })],
      veleroRestores: [mkVr(VR.mc, B.mc, { phase: 'FailedValidation', validationErrors: ['bad'] }, { creationTimestamp: undefined })],
      now: NOW,
    });
    // Pre-2.12: no completionTimestamp, so the final status has no time and comes last.
    expect(ids(t)).toEqual(['restore:created', 'event:untimed', `vr:${VR.mc}:end`, 'post:0', 'restore:status']);
    expect(t.filter((e) => e.time).map((e) => e.id)).toEqual(['restore:created']);
    expect(byId(t, `vr:${VR.mc}:end`)).toMatchObject({ severity: 'critical', detail: { params: { reason: 'bad' } } });
    for (const e of t) expect(e.time === undefined || e.time.getUTCFullYear() > 2000).toBe(true);
  });

  it('copes with a Restore that has no creation time at all', () => {
    const t = restoreTimeline({
      restore: mkRestore({}, { creationTimestamp: undefined }),
      events: [coreEvent('e', 'Other', 'x', '2025-03-01T10:00:00Z'), coreEvent('u', 'Other', 'y', undefined)],
      now: NOW,
    });
    expect(ids(t)).toEqual(['restore:created', 'event:u', 'event:e', 'restore:status']);
    expect(byId(t, 'restore:created').time).toBeUndefined();
    expect(byId(t, 'restore:status')).toMatchObject({ severity: 'unknown', current: true });
  });

  it('keeps the final status after the Velero restores even when the operator\'s clock is behind', () => {
    const restore = mkRestore({ phase: 'Finished', veleroCredentialsRestoreName: VR.creds, completionTimestamp: '2025-03-01T10:00:05Z' });
    const t = restoreTimeline({
      restore,
      veleroRestores: [mkVr(VR.creds, B.creds, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:07Z'))],
      now: NOW,
    });
    expect(ids(t)).toEqual(['restore:created', `vr:${VR.creds}:start`, `vr:${VR.creds}:end`, 'restore:status']);
  });

  it('ignores Velero restores that belong to another Restore', () => {
    const restore = mkRestore({ phase: 'Finished' });
    const theirs = mkVr(`restore-acm-passive-${B.creds}`, B.creds, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:02Z'), {
      ownerReferences: [{ apiVersion: ACM, kind: 'Restore', name: 'restore-acm-passive', uid: 'r-2' }],
    });
    const unowned = mkVr(`restore-acm-passive-${B.res}`, B.res, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:02Z'), { ownerReferences: undefined });
    const mineUnowned = mkVr(VR.gen, B.gen, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:02Z'), { ownerReferences: undefined });
    const t = restoreTimeline({ restore, veleroRestores: [theirs, unowned, mineUnowned], now: NOW });
    expect(t.filter((e) => e.kind === 'veleroRestore').map((e) => e.id)).toEqual([`vr:${VR.gen}:start`, `vr:${VR.gen}:end`]);
  });
});

describe('restoreTimeline: sync restores, activation, deletion', () => {
  const spec: RestoreSpec = { ...FULL, syncRestoreWithNewBackups: true, veleroManagedClustersBackupName: 'skip' };

  it('marks when syncing began and keeps later sync cycles after it, with the current status last', () => {
    const later = {
      creds: 'acm-credentials-schedule-20250301110000',
      res: 'acm-resources-schedule-20250301110000',
    };
    const restore = mkRestore(
      {
        phase: 'Enabled',
        lastMessage: 'Velero restores have run to completion, restore will continue to sync with new backups',
        veleroCredentialsRestoreName: `restore-acm-${later.creds}`,
        veleroResourcesRestoreName: `restore-acm-${later.res}`,
        completionTimestamp: '2025-03-01T10:01:00Z',
      },
      {},
      spec,
    );
    const t = restoreTimeline({
      restore,
      veleroRestores: [
        mkVr(VR.creds, B.creds, done('2025-03-01T10:00:01Z', '2025-03-01T10:00:20Z')),
        mkVr(VR.res, B.res, done('2025-03-01T10:00:20Z', '2025-03-01T10:00:50Z')),
        mkVr(`restore-acm-${later.creds}`, later.creds, done('2025-03-01T11:10:00Z', '2025-03-01T11:10:10Z')),
        mkVr(`restore-acm-${later.res}`, later.res, done('2025-03-01T11:10:10Z', '2025-03-01T11:10:40Z')),
      ],
      now: NOW,
    });
    expect(ids(t)).toEqual([
      'restore:created',
      `vr:${VR.creds}:start`,
      `vr:${VR.creds}:end`,
      `vr:${VR.res}:start`,
      `vr:${VR.res}:end`,
      'restore:synced',
      `vr:restore-acm-${later.creds}:start`,
      `vr:restore-acm-${later.creds}:end`,
      `vr:restore-acm-${later.res}:start`,
      `vr:restore-acm-${later.res}:end`,
      'restore:status',
    ]);
    expect(byId(t, 'restore:status')).toMatchObject({ current: true, severity: 'healthy' });
    expect(byId(t, 'restore:created').detail?.key).toMatch(/keeps restoring each new backup/);
  });

  it('shows an activation requested through this console, and a pending deletion', () => {
    const restore = mkRestore(
      { phase: 'Running' },
      {
        annotations: {
          'business-continuity.open-cluster-management.io/action': 'activate-managed-clusters',
          'business-continuity.open-cluster-management.io/requested-by': 'admin',
          'business-continuity.open-cluster-management.io/requested-at': '2025-03-01T11:00:00Z',
          'business-continuity.open-cluster-management.io/reason': 'primary hub lost',
        },
        deletionTimestamp: '2025-03-01T11:30:00Z',
      },
      { ...spec, veleroManagedClustersBackupName: 'latest' },
    );
    const t = restoreTimeline({ restore, now: NOW });
    expect(ids(t)).toEqual(['restore:created', 'restore:activation', 'restore:deleting', 'restore:status']);
    expect(byId(t, 'restore:activation')).toMatchObject({ title: { params: { user: 'admin' } }, raw: 'primary hub lost' });
  });
});
