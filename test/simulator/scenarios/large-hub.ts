/**
 * `large-hub`: a primary of 2,000 managed clusters that took over from another hub 29 days ago.
 * Storage holds its own hourly sets since then (TTL 900h) and the old primary's last week before
 * the switch, the passive-sync Restore that carried that week (~500 Velero restores) and its
 * activation, and three hours of events from a fleet this size. Deterministic (seeded).
 */
import { BACKUP_NAMESPACE, DEFAULT_SCHEDULE_NAME, LATEST } from '../../../src/k8s/names';
import type { K8sObject } from '../../../src/k8s/types';
import { largeHubFleet, OLD_PRIMARY_HUB_ID, THIS_HUB_ID } from '../operator/inventory';
import { eventName, processedBackup, restoreClustersRecord } from '../operator/objects';
import { AUTO_IMPORT_MESSAGES, RESTORE_MESSAGES } from '../operator/restore';
import { nameOf, spread } from '../operator/runtime';
import { DAY, HOUR, iso, MINUTE, ms, SECOND } from '../operator/time';
import {
  backupScheduleObject,
  backupStream,
  EVENT_TTL,
  enabledSchedule,
  finishPolicies,
  lastSetTime,
  latestOf,
  loadBase,
  restoreObject,
  type ScenarioCtx,
  statusNames,
  syncHistory,
  syncSpec,
  veleroRestores,
} from './build';
import { prng } from './kit';

export const LARGE_HUB_EVENTS = 20_000;
const TTL = '900h';
const HOURLY = '0 */1 * * *';
const FLEET_POLICIES = [
  'policy-config-audit',
  'policy-certificate-expiry',
  'policy-etcd-encryption',
  'policy-kubeadmin-removed',
  'policy-namespace-quotas',
  'policy-oauth-providers',
  'policy-image-vulnerabilities',
  'policy-gatekeeper-constraints',
  'policy-compliance-operator',
  'policy-upgrade-channel',
];

export const loadLargeHub = (s: ScenarioCtx): void => {
  const rand = prng(0x1a26e);
  const fleet = largeHubFleet();
  const promoted = s.now - 29 * DAY - 3 * HOUR - 12 * MINUTE;
  const installed = promoted - 40 * DAY;
  loadBase(s, { clusters: fleet, installedAt: installed, msaValidityMs: 1800 * HOUR });

  // The old primary's last week, still within its 900h TTL.
  const old = backupStream({
    hubId: OLD_PRIMARY_HUB_ID,
    schedule: backupScheduleObject(DEFAULT_SCHEDULE_NAME, { veleroSchedule: HOURLY, veleroTtl: TTL, useManagedServiceAccount: true }, promoted - 90 * DAY),
    from: promoted - 7 * DAY - 12 * HOUR,
    to: promoted - HOUR,
    now: s.now,
  });
  s.loader.add(...old);

  // The passive-sync restore that followed it, then its activation.
  const acm = restoreObject('restore-acm-passive-sync', syncSpec(), promoted - 7 * DAY);
  s.loader.add(acm);
  const sync = syncHistory(s, acm, old, promoted - 7 * DAY, 10 * MINUTE, promoted - 10 * MINUTE);
  acm.spec = { ...acm.spec, veleroManagedClustersBackupName: LATEST };
  const at = promoted;
  const creds = latestOf(old, 'credentials')!;
  const generic = latestOf(old, 'resourcesGeneric')!;
  const mc = latestOf(old, 'managedClusters')!;
  const active = veleroRestores(s, acm, [
    { type: 'credentials', backup: creds, at, activation: 'In' },
    { type: 'resourcesGeneric', backup: generic, at: at + SECOND, activation: 'In' },
    { type: 'managedClusters', backup: mc, at: at + SECOND },
  ]);
  const done = Math.max(...active.map((r) => ms(r.status?.completionTimestamp)));
  const messages = fleet.map((c) => {
    if (!s.features.autoImportByCluster && c.origin === 'hive') return '';
    if (c.origin === 'hive') return spread(`hive:${c.name}`, 0, 9) < 6 ? AUTO_IMPORT_MESSAGES.available(c.name) : AUTO_IMPORT_MESSAGES.noMsaSecret(c.name);
    return c.url ? AUTO_IMPORT_MESSAGES.created(c.name) : AUTO_IMPORT_MESSAGES.noServerUrl(c.name);
  });
  acm.status = {
    phase: 'Finished',
    lastMessage: RESTORE_MESSAGES.finished,
    ...statusNames(s, sync.runs, sync.current),
    veleroCredentialsRestoreName: sync.runs.filter((r) => r.spec?.backupName === nameOf(creds)).map(nameOf).pop(),
    ...(s.features.genericRestoreName ? { veleroGenericResourcesRestoreName: nameOf(active[1]) } : {}),
    veleroManagedClustersRestoreName: nameOf(active[2]),
    messages: messages.filter((m) => m !== ''),
    ...(s.features.completionTimestamp ? { completionTimestamp: iso(done + 2 * SECOND) } : {}),
  };
  s.loader.add(...sync.runs, ...active);
  const record = restoreClustersRecord(BACKUP_NAMESPACE, nameOf(acm), THIS_HUB_ID, OLD_PRIMARY_HUB_ID, nameOf(mc), done + 2 * SECOND);
  record.metadata!.creationTimestamp = iso(done + 2 * SECOND);
  s.loader.add(processedBackup(record, { phase: 'Completed', start: done + 3 * SECOND, end: done + 5 * SECOND, items: 2, ttlMs: 720 * HOUR }));
  for (const c of fleet.filter((x) => x.origin === 'imported' && x.url)) {
    s.loader.add({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'auto-import-secret',
        namespace: c.name,
        labels: { 'cluster.open-cluster-management.io/restore-auto-import-secret': 'true' },
        annotations: { 'managedcluster-import-controller.open-cluster-management.io/keeping-auto-import-secret': '' },
      },
      type: 'Opaque',
      data: { autoImportRetry: 'NQ==', server: Buffer.from(c.url!).toString('base64'), token: 'ZXlKaGJHY2lPaUpTVXpJMU5pSjku' },
    } as K8sObject);
  }

  // Its own schedule since the switch: some partial failures, one S3 outage, one backup cut short.
  const created = done + 25 * MINUTE;
  const bs = backupScheduleObject(DEFAULT_SCHEDULE_NAME, { veleroSchedule: HOURLY, veleroTtl: TTL, useManagedServiceAccount: true }, created);
  const ours = backupStream({
    hubId: THIS_HUB_ID,
    schedule: bs,
    from: created,
    to: s.now - MINUTE,
    now: s.now,
    initialAt: created + 2 * SECOND,
    outcome: (type, i) => {
      if (type === 'resources' && i % 37 === 5) return { phase: 'PartiallyFailed', warnings: 2 + (i % 7), errors: 1 };
      if (type === 'managedClusters' && i % 101 === 50) {
        return {
          phase: 'Failed',
          failureReason: 'error getting backup store for location "dpa-sample-1": rpc error: code = Unknown desc = operation error S3: ListObjectsV2, https response error StatusCode: 503',
        };
      }
      if (type === 'credentials' && i === 400) return { phase: 'InProgress' };
      return undefined;
    },
  });
  enabledSchedule(s, bs, lastSetTime(ours));
  s.loader.add(...ours);

  // Three hours of governance events from the fleet (the API server keeps no older ones).
  const fleetEvents: K8sObject[] = [];
  for (let i = 0; i < LARGE_HUB_EVENTS; i++) {
    const c = fleet[i % fleet.length];
    const policy = FLEET_POLICIES[Math.floor(i / fleet.length) % FLEET_POLICIES.length];
    const t = s.now - Math.floor(rand() * (EVENT_TTL - MINUTE));
    const ok = rand() > 0.12;
    const message = ok
      ? `Compliant; notification - ${policy.replace('policy-', '')} checks found as specified in namespace ${c.name}`
      : `NonCompliant; violation - ${policy.replace('policy-', '')} checks not found in namespace ${c.name}`;
    fleetEvents.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: eventName(`open-cluster-management-global-set.${policy}`, t, i), namespace: c.name },
      involvedObject: { apiVersion: 'policy.open-cluster-management.io/v1', kind: 'Policy', name: `open-cluster-management-global-set.${policy}`, namespace: c.name },
      reason: `policy: ${c.name}/${policy}`,
      message,
      source: { component: 'configuration-policy-controller', host: c.name },
      type: ok ? 'Normal' : 'Warning',
      firstTimestamp: iso(t),
      lastTimestamp: iso(t),
      count: 1,
    } as K8sObject);
  }
  s.loader.add(...fleetEvents);
  s.loader.flush();

  finishPolicies(s, {
    placedAt: installed + 20 * MINUTE,
    backups: [...ours, ...old],
    since: { 'backup-schedule-cron-enabled': created + 10 * SECOND },
    past: { 'backup-schedule-cron-enabled': [{ at: promoted + 30 * MINUTE, compliant: 'NonCompliant', message: '' }] },
  });
  s.loader.flush();
};
