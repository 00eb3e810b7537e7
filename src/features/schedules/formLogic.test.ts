import { checkboxValue, droppedSpecFields, isStaleEditError, rebaseInput, specChanges, splitList } from './formLogic';
import { parseBackupsQuery, serializeBackupsQuery } from './backupsQuery';
import { viewOf } from './paths';

describe('isStaleEditError', () => {
  it('recognises a failed test op (422) and a conflict (409)', () => {
    const failedTest = {
      response: { status: 422 },
      json: { code: 422, reason: 'Invalid', message: 'the server rejected our request', details: { causes: [{ message: 'testing value /metadata/resourceVersion failed: test failed' }] } },
    };
    expect(isStaleEditError(failedTest)).toBe(true);
    expect(isStaleEditError({ response: { status: 409 }, json: { code: 409, reason: 'Conflict' } })).toBe(true);
  });
  it('does not mistake a schema rejection or AlreadyExists for a race', () => {
    expect(isStaleEditError({ response: { status: 422 }, json: { code: 422, message: 'spec.veleroTtl: Invalid value' } })).toBe(false);
    expect(isStaleEditError({ response: { status: 409 }, json: { code: 409, reason: 'AlreadyExists' } })).toBe(false);
    expect(isStaleEditError(undefined)).toBe(false);
  });
});

describe('droppedSpecFields', () => {
  it('lists fields the server pruned', () => {
    expect(droppedSpecFields({ veleroSchedule: 'x', paused: true }, { spec: { veleroSchedule: 'x' } })).toEqual(['paused']);
    expect(droppedSpecFields({ veleroSchedule: 'x' }, { spec: { veleroSchedule: 'x' } })).toEqual([]);
    expect(droppedSpecFields({ veleroSchedule: 'x' }, undefined)).toEqual([]);
  });
});

describe('form helpers', () => {
  it('writes false only where the field existed', () => {
    expect(checkboxValue(true, undefined)).toBe(true);
    expect(checkboxValue(false, undefined)).toBeUndefined();
    expect(checkboxValue(false, true)).toBe(false);
  });
  it('lists changed spec fields', () => {
    expect(specChanges({ a: 1, b: [1] }, { a: 1, b: [2], c: true }).map((c) => c.field)).toEqual(['b', 'c']);
  });
  it('splits lists on commas and spaces', () => {
    expect(splitList(' a, b  c,,')).toEqual(['a', 'b', 'c']);
  });
  it('rebases: keeps what the user edited, takes the rest from the newest version', () => {
    const oldBase = { veleroSchedule: '0 * * * *', veleroTtl: '120h' };
    const newBase = { veleroSchedule: '0 */2 * * *', veleroTtl: '120h', paused: true };
    const user = { veleroSchedule: '0 * * * *', veleroTtl: '240h' };
    expect(rebaseInput<Record<string, unknown>>(oldBase, newBase, user)).toEqual({ veleroSchedule: '0 */2 * * *', veleroTtl: '240h', paused: true });
  });
});

describe('backups query in the URL', () => {
  it('round-trips filters, sort and page', () => {
    const q = parseBackupsQuery(new URLSearchParams('view=all&type=credentials,bogus&phase=failed&hub=none,h1&q=abc&sort=name&dir=asc&page=3&perPage=50&stuck=1'));
    expect(q).toEqual({
      view: 'all',
      filter: { types: ['credentials'], phaseGroups: ['failed'], writers: ['', 'h1'], text: 'abc', stuckOnly: true },
      sort: { key: 'name', direction: 'asc' },
      page: 3,
      perPage: 50,
    });
    expect(parseBackupsQuery(serializeBackupsQuery(q))).toEqual(q);
  });
  it('falls back to defaults and writes nothing for them', () => {
    const q = parseBackupsQuery(new URLSearchParams('page=-1&perPage=7&sort=nope'));
    expect(q.page).toBe(1);
    expect(q.perPage).toBe(20);
    expect(q.sort).toEqual({ key: 'start', direction: 'desc' });
    expect(serializeBackupsQuery(q).toString()).toBe('');
  });
});

describe('viewOf', () => {
  it('maps URLs to views, under a console base path too', () => {
    expect(viewOf('/business-continuity/schedules')).toEqual({ view: 'schedule' });
    expect(viewOf('/business-continuity/schedules/backups')).toEqual({ view: 'backups' });
    expect(viewOf('/business-continuity/schedules/create')).toEqual({ view: 'create' });
    expect(viewOf('/console/business-continuity/schedules/edit/schedule%20x')).toEqual({ view: 'edit', name: 'schedule x' });
    expect(viewOf('/business-continuity/schedules/what')).toEqual({ view: 'unknown' });
  });
});
