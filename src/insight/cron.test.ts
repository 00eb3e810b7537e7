import { CronExpressionParser } from 'cron-parser';
import { cronIntervalMs, cronTimeZone, describeCron, nextRuns } from './cron';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const HOUR = 3600_000;

describe('describeCron', () => {
  it('describes a cron in English with 24-hour times', () => {
    expect(describeCron('0 */2 * * *', 'en')).toEqual({ kind: 'text', text: 'On the hour, every 2 hours' });
    expect(describeCron('30 2 * * *', 'en')?.text).toBe('At 02:30');
    expect(describeCron('0 9 * * 1-5', 'en')?.text).toBe('At 09:00, Monday through Friday');
  });

  it('describes a cron in Japanese', () => {
    const d = describeCron('0 */2 * * *', 'ja');
    expect(d?.kind).toBe('text');
    expect(d?.text).toContain('2 時間ごと');
    expect(describeCron('0 9 * * 1-5', 'ja')?.text).toContain('月曜日 から 金曜日');
  });

  it('reports the prefix zone, and none without a prefix', () => {
    expect(describeCron('CRON_TZ=Asia/Tokyo 30 2 * * *', 'en')).toEqual({ kind: 'text', text: 'At 02:30', timeZone: 'Asia/Tokyo' });
    expect(describeCron('TZ=Europe/Paris 0 1 * * *', 'en')?.timeZone).toBe('Europe/Paris');
    expect(describeCron('0 1 * * *', 'en')?.timeZone).toBeUndefined();
  });

  it('accepts robfig wildcards cronstrue does not know', () => {
    expect(describeCron('? */2 * * *', 'en')?.text).toBe(describeCron('* */2 * * *', 'en')?.text);
  });

  it('returns a message for descriptors and @every', () => {
    expect(describeCron('@hourly', 'en')).toEqual({ kind: 'message', message: { key: 'Every hour, at minute 0' } });
    expect(describeCron('@daily', 'ja')?.message?.key).toBe('Every day at 00:00');
    expect(describeCron('@midnight', 'en')?.message?.key).toBe('Every day at 00:00');
    expect(describeCron('@weekly', 'en')?.message?.key).toBe('Every Sunday at 00:00');
    expect(describeCron('@every 2h', 'en')).toEqual({
      kind: 'message',
      message: { key: 'Every {{duration}}, counted from the previous backup rather than from the clock', params: { duration: '2h' } },
    });
    expect(describeCron('CRON_TZ=UTC @monthly', 'en')).toMatchObject({ kind: 'message', timeZone: 'UTC' });
  });

  it('returns undefined for what the operator rejects', () => {
    expect(describeCron('', 'en')).toBeUndefined();
    expect(describeCron('0 0 * * * *', 'en')).toBeUndefined();
    expect(describeCron('61 * * * *', 'ja')).toBeUndefined();
    expect(describeCron('@often', 'en')).toBeUndefined();
  });
});

describe('nextRuns', () => {
  const now = new Date('2025-03-05T10:17:42.500Z'); // a Wednesday

  it('lists the next runs in UTC by default', () => {
    expect(iso(nextRuns('0 */2 * * *', { count: 3, now }))).toEqual([
      '2025-03-05T12:00:00.000Z',
      '2025-03-05T14:00:00.000Z',
      '2025-03-05T16:00:00.000Z',
    ]);
  });

  it('is empty when paused, invalid, or for a non-positive count', () => {
    expect(nextRuns('0 */2 * * *', { count: 5, now, paused: true })).toEqual([]);
    expect(nextRuns('not a cron', { count: 5, now })).toEqual([]);
    expect(nextRuns('0 */2 * * *', { count: 0, now })).toEqual([]);
    expect(nextRuns('0 */2 * * *', { count: 5, now, timeZone: 'Not/AZone' })).toEqual([]);
  });

  it('never returns now itself, even on an exact run time', () => {
    expect(iso(nextRuns('0 * * * *', { count: 1, now: new Date('2025-03-05T10:00:00.000Z') }))).toEqual([
      '2025-03-05T11:00:00.000Z',
    ]);
  });

  it('evaluates a prefix-less cron in the Velero pod zone, and a prefixed one in its own zone', () => {
    expect(iso(nextRuns('0 2 * * *', { count: 1, now }))).toEqual(['2025-03-06T02:00:00.000Z']);
    expect(iso(nextRuns('0 2 * * *', { count: 1, now, timeZone: 'Asia/Tokyo' }))).toEqual(['2025-03-05T17:00:00.000Z']);
    expect(iso(nextRuns('CRON_TZ=Asia/Tokyo 0 2 * * *', { count: 1, now }))).toEqual(['2025-03-05T17:00:00.000Z']);
    // The prefix wins over the pod zone.
    expect(iso(nextRuns('TZ=UTC 0 2 * * *', { count: 1, now, timeZone: 'Asia/Tokyo' }))).toEqual(['2025-03-06T02:00:00.000Z']);
  });

  it('supports descriptors', () => {
    expect(iso(nextRuns('@hourly', { count: 2, now }))).toEqual(['2025-03-05T11:00:00.000Z', '2025-03-05T12:00:00.000Z']);
    expect(iso(nextRuns('@daily', { count: 1, now }))).toEqual(['2025-03-06T00:00:00.000Z']);
    expect(iso(nextRuns('@weekly', { count: 1, now }))).toEqual(['2025-03-09T00:00:00.000Z']);
    expect(iso(nextRuns('@monthly', { count: 1, now }))).toEqual(['2025-04-01T00:00:00.000Z']);
    expect(iso(nextRuns('@yearly', { count: 1, now }))).toEqual(['2026-01-01T00:00:00.000Z']);
  });

  it('counts @every from the last run, or from now without one', () => {
    expect(iso(nextRuns('@every 2h', { count: 2, now }))).toEqual(['2025-03-05T12:17:42.000Z', '2025-03-05T14:17:42.000Z']);
    const lastRun = new Date('2025-03-05T09:30:00Z');
    expect(iso(nextRuns('@every 2h', { count: 3, now, lastRun }))).toEqual([
      '2025-03-05T11:30:00.000Z',
      '2025-03-05T13:30:00.000Z',
      '2025-03-05T15:30:00.000Z',
    ]);
    // Overdue: only future multiples are listed.
    expect(iso(nextRuns('@every 1h', { count: 1, now, lastRun: new Date('2025-03-05T06:00:00Z') }))).toEqual([
      '2025-03-05T11:00:00.000Z',
    ]);
    expect(nextRuns('@every 2h', { count: 3, now, paused: true })).toEqual([]);
  });

  it('uses OR between day of month and day of week when both are restricted, AND when one is a star', () => {
    // robfig: "0 0 1 * 1" fires on the 1st and on every Monday.
    expect(iso(nextRuns('0 0 1 * 1', { count: 3, now }))).toEqual([
      '2025-03-10T00:00:00.000Z',
      '2025-03-17T00:00:00.000Z',
      '2025-03-24T00:00:00.000Z',
    ]);
    expect(iso(nextRuns('0 0 1 * 1', { count: 2, now: new Date('2025-03-25T00:00:00Z') }))).toEqual([
      '2025-03-31T00:00:00.000Z',
      '2025-04-01T00:00:00.000Z',
    ]);
    // A star with a step > 1 is no star for robfig: still OR.
    expect(iso(nextRuns('0 0 */10 * 1', { count: 2, now }))).toEqual(['2025-03-10T00:00:00.000Z', '2025-03-11T00:00:00.000Z']);
    // "*" in day of month: AND, so only Mondays.
    expect(iso(nextRuns('0 0 * * 1', { count: 1, now }))).toEqual(['2025-03-10T00:00:00.000Z']);
  });

  it('stops when the schedule never fires within five years', () => {
    expect(nextRuns('0 0 30 2 *', { count: 3, now })).toEqual([]);
    // Each search reaches five years from its own start, as robfig's does.
    expect(iso(nextRuns('0 0 29 2 *', { count: 3, now }))).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z', '2036-02-29T00:00:00.000Z']);
  });

  it('agrees with cron-parser for ordinary UTC schedules', () => {
    for (const expr of ['0 */2 * * *', '15 3 * * *', '0 9 * * 1-5', '*/20 * * * *', '0 0 1,15 * *', '30 23 * 6 0']) {
      const iterator = CronExpressionParser.parse(expr, { currentDate: now, tz: 'UTC' });
      const expected = iterator.take(6).map((d) => d.toDate().toISOString());
      expect(iso(nextRuns(expr, { count: 6, now }))).toEqual(expected);
    }
  });

  describe('across daylight-saving changes (Europe/Paris, robfig behaviour)', () => {
    it('skips a time inside the spring-forward gap that day', () => {
      // 2025-03-30 02:00 CET jumps to 03:00 CEST: 02:30 does not exist.
      const runs = nextRuns('CRON_TZ=Europe/Paris 30 2 * * *', { count: 3, now: new Date('2025-03-28T12:00:00Z') });
      expect(iso(runs)).toEqual(['2025-03-29T01:30:00.000Z', '2025-03-31T00:30:00.000Z', '2025-04-01T00:30:00.000Z']);
    });

    it('runs twice in the fall-back overlap, at distinct instants', () => {
      // 2025-10-26 03:00 CEST goes back to 02:00 CET: 02:30 happens twice.
      const runs = nextRuns('CRON_TZ=Europe/Paris 30 2 * * *', { count: 4, now: new Date('2025-10-24T12:00:00Z') });
      expect(iso(runs)).toEqual([
        '2025-10-25T00:30:00.000Z',
        '2025-10-26T00:30:00.000Z',
        '2025-10-26T01:30:00.000Z',
        '2025-10-27T01:30:00.000Z',
      ]);
    });

    it('keeps hourly runs one real hour apart, in order, through both changes', () => {
      for (const start of ['2025-03-29T22:00:00Z', '2025-10-25T22:00:00Z']) {
        const runs = nextRuns('CRON_TZ=Europe/Paris 0 * * * *', { count: 8, now: new Date(start) });
        expect(runs).toHaveLength(8);
        for (let i = 1; i < runs.length; i++) expect(runs[i].getTime() - runs[i - 1].getTime()).toBe(HOUR);
      }
    });

    it('keeps a daily time at the same wall-clock time after the change', () => {
      const runs = nextRuns('CRON_TZ=America/New_York 0 6 * * *', { count: 3, now: new Date('2025-03-08T12:00:00Z') });
      // 06:00 EST is 11:00Z; after 2025-03-09 it is 06:00 EDT, 10:00Z.
      expect(iso(runs)).toEqual(['2025-03-09T10:00:00.000Z', '2025-03-10T10:00:00.000Z', '2025-03-11T10:00:00.000Z']);
    });
  });
});

describe('cronIntervalMs', () => {
  const now = new Date('2025-03-05T10:17:42Z');

  it('is the gap between runs for a regular cron', () => {
    expect(cronIntervalMs('0 */2 * * *', now)).toBe(2 * HOUR);
    expect(cronIntervalMs('@daily', now)).toBe(24 * HOUR);
    expect(cronIntervalMs('*/15 * * * *', now)).toBe(15 * 60_000);
  });

  it('is the longest gap for an irregular cron', () => {
    // Weekdays only: Friday to Monday is 72 h.
    expect(cronIntervalMs('0 9 * * 1-5', now)).toBe(72 * HOUR);
    // 1st and 15th: the longest stretch is from the 15th to the 1st of the next month.
    expect(cronIntervalMs('0 0 1,15 * *', now)).toBe(17 * 24 * HOUR);
  });

  it('uses the @every delay, rounded down to whole seconds', () => {
    expect(cronIntervalMs('@every 90m', now)).toBe(90 * 60_000);
    expect(cronIntervalMs('@every 1500ms', now)).toBe(1000);
  });

  it('is undefined when it cannot be computed', () => {
    expect(cronIntervalMs('nonsense', now)).toBeUndefined();
    expect(cronIntervalMs('0 0 30 2 *', now)).toBeUndefined();
  });
});

describe('cronTimeZone', () => {
  it('is the prefix zone, else the pod zone', () => {
    expect(cronTimeZone('CRON_TZ=Asia/Tokyo 0 1 * * *')).toBe('Asia/Tokyo');
    expect(cronTimeZone('0 1 * * *')).toBe('UTC');
    expect(cronTimeZone('0 1 * * *', 'Europe/Paris')).toBe('Europe/Paris');
    expect(cronTimeZone('bad')).toBeUndefined();
  });
});
