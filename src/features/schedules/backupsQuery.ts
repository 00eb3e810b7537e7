import { BACKUP_KINDS, type BackupFilter, type BackupKind, type BackupPhaseGroup, type BackupSortKey } from '../../insight/backups';

/**
 * The backups view's filters, sort and page live in the URL: back and forward step through them,
 * and a link to "failed credentials backups" can be shared.
 */

export type BackupsViewMode = 'sets' | 'all' | 'latest';

export const PHASE_GROUPS: readonly BackupPhaseGroup[] = ['completed', 'partiallyFailed', 'failed', 'running', 'pending', 'deleting', 'unknown'];

const SORT_KEYS: readonly BackupSortKey[] = [
  'name',
  'type',
  'phase',
  'start',
  'completion',
  'duration',
  'items',
  'errors',
  'warnings',
  'expiresIn',
  'writer',
];

export const PER_PAGE_OPTIONS = [20, 50, 100, 200] as const;

/** In the URL a backup without a writer label is `none`: an empty list item would vanish. */
export const NO_WRITER = 'none';

export type BackupsQuery = {
  view: BackupsViewMode;
  filter: Required<Pick<BackupFilter, 'types' | 'phaseGroups' | 'writers'>> & { text: string; stuckOnly: boolean };
  sort: { key: BackupSortKey; direction: 'asc' | 'desc' };
  page: number;
  perPage: number;
};

const list = (params: URLSearchParams, key: string): string[] =>
  (params.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const positive = (value: string | null, fallback: number): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const parseBackupsQuery = (params: URLSearchParams): BackupsQuery => {
  const view = params.get('view');
  const sortKey = params.get('sort') as BackupSortKey | null;
  const perPage = positive(params.get('perPage'), PER_PAGE_OPTIONS[0]);
  return {
    view: view === 'all' || view === 'latest' ? view : 'sets',
    filter: {
      types: list(params, 'type').filter((k): k is BackupKind => (BACKUP_KINDS as readonly string[]).includes(k)),
      phaseGroups: list(params, 'phase').filter((p): p is BackupPhaseGroup => (PHASE_GROUPS as readonly string[]).includes(p)),
      writers: list(params, 'hub').map((h) => (h === NO_WRITER ? '' : h)),
      text: params.get('q') ?? '',
      stuckOnly: params.get('stuck') === '1',
    },
    sort: {
      key: sortKey && SORT_KEYS.includes(sortKey) ? sortKey : 'start',
      direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
    },
    page: positive(params.get('page'), 1),
    perPage: (PER_PAGE_OPTIONS as readonly number[]).includes(perPage) ? perPage : PER_PAGE_OPTIONS[0],
  };
};

/** Only what differs from the defaults is written, so the plain URL stays plain. */
export const serializeBackupsQuery = (q: BackupsQuery): URLSearchParams => {
  const p = new URLSearchParams();
  if (q.view !== 'sets') p.set('view', q.view);
  if (q.filter.text) p.set('q', q.filter.text);
  if (q.filter.types.length) p.set('type', q.filter.types.join(','));
  if (q.filter.phaseGroups.length) p.set('phase', q.filter.phaseGroups.join(','));
  if (q.filter.writers.length) p.set('hub', q.filter.writers.map((w) => (w === '' ? NO_WRITER : w)).join(','));
  if (q.filter.stuckOnly) p.set('stuck', '1');
  if (q.sort.key !== 'start') p.set('sort', q.sort.key);
  if (q.sort.direction !== 'desc') p.set('dir', q.sort.direction);
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.perPage !== PER_PAGE_OPTIONS[0]) p.set('perPage', String(q.perPage));
  return p;
};

export const hasActiveFilter = (f: BackupsQuery['filter']): boolean =>
  f.types.length > 0 || f.phaseGroups.length > 0 || f.writers.length > 0 || f.text.trim() !== '' || f.stuckOnly;
