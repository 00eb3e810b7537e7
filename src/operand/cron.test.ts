import { parseCron, validateCron } from './cron';

const keyOf = (expr: string) => validateCron(expr)?.key;

describe('validateCron (robfig/cron ParseStandard, as the operator parses veleroSchedule)', () => {
  it.each([
    '0 */1 * * *', // the operator's sample
    '*/15 * * * *',
    '0 2 * * 1-5',
    '0 0 1,15 * *',
    '5/10 * * * *',
    '0 0 * JAN-MAR,DEC mon',
    '0 0 ? * SUN',
    '0 0 1 * ?',
    '59 23 31 12 6',
    '0-30/10 0-23/6 1-31/2 1-12/3 0-6/2',
    '  0 */1 * * *  ',
    '0\t3 * * *',
    '@yearly',
    '@annually',
    '@monthly',
    '@weekly',
    '@daily',
    '@midnight',
    '@hourly',
    '@every 6h',
    '@every 1h30m',
    'CRON_TZ=Europe/Paris 0 2 * * *',
    'TZ=America/New_York 30 4 * * *',
    'CRON_TZ=UTC @daily',
  ])('accepts %p', (expr) => {
    expect(validateCron(expr)).toBeUndefined();
  });

  it('rejects an empty schedule and shows an example', () => {
    expect(validateCron('   ')?.key).toMatch(/Enter a schedule.*0 \*\/1 \* \* \*/);
  });

  it('explains that a seconds field is not accepted', () => {
    const m = validateCron('0 0 */2 * * *');
    expect(m?.key).toMatch(/6 fields.*does not accept a seconds field/);
    expect(m?.params).toEqual({ value: '0 0 */2 * * *' });
  });

  it.each([
    ['0 * * *', 4],
    ['0 * * * * * *', 7],
    ['hourly', 1],
  ])('counts the fields of %p', (expr, count) => {
    const m = validateCron(expr);
    expect(m?.key).toMatch(/needs exactly 5/);
    expect(m?.params?.count).toBe(count);
  });

  it.each([
    ['61 * * * *', 'minute {{value}} is out of range 0–59.', 61],
    ['0 24 * * *', 'hour {{value}} is out of range 0–23.', 24],
    ['0 0 0 * *', 'day of month {{value}} is out of range 1–31.', 0],
    ['0 0 32 * *', 'day of month {{value}} is out of range 1–31.', 32],
    ['0 0 * 13 *', 'month {{value}} is out of range 1–12.', 13],
    ['0 0 * * 8', 'day of week {{value}} is out of range 0–6 (0 is Sunday).', 8],
    ['0 0-25 * * *', 'hour {{value}} is out of range 0–23.', 25],
  ])('names the field and its range: %p', (expr, key, value) => {
    expect(validateCron(expr)).toEqual({ key, params: { value } });
  });

  it('tells that Sunday is 0, not 7 (robfig/cron stops at 6)', () => {
    expect(keyOf('0 0 * * 7')).toBe('day of week 7 is out of range 0–6. Use 0 or SUN for Sunday.');
  });

  it.each([
    ['x * * * *', 'minute "{{part}}" is not a number from 0 to 59.'],
    ['0 0 * FOO *', 'month "{{part}}" is not a number from 1 to 12 or a name from JAN to DEC.'],
    ['0 0 * * MONDAY', 'day of week "{{part}}" is not a number from 0 to 6 or a name from SUN to SAT.'],
    ['0 0 L * *', 'day of month "{{part}}" is not a number from 1 to 31.'],
    ['0 0 * * MON#2', 'day of week "{{part}}" is not a number from 0 to 6 or a name from SUN to SAT.'],
    ['0 0 JAN * *', 'day of month "{{part}}" is not a number from 1 to 31.'],
    ['1,,2 * * * *', 'minute "{{part}}" is not a number from 0 to 59.'],
  ])('refuses values that are not numbers or names of that field: %p', (expr, key) => {
    expect(keyOf(expr)).toBe(key);
  });

  it.each([
    ['30-10 * * * *', /starts after it ends/],
    ['*/0 * * * *', /step .* greater than zero/],
    ['*/x * * * *', /step .* greater than zero/],
    ['1/2/3 * * * *', /more than one "\/"/],
    ['1-2-3 * * * *', /more than one "-"/],
  ])('explains broken ranges and steps: %p', (expr, pattern) => {
    expect(keyOf(expr)).toMatch(pattern);
  });

  it.each([
    ['@reboot', /not a known shortcut/],
    ['@Daily', /not a known shortcut/],
    ['@every', /not a known shortcut/],
    ['@every 5d', /uses days or weeks/],
    ['@every soon', /not a valid duration/],
    ['@every 0s', /@every must be longer than zero/],
    ['@every -1h', /@every must be longer than zero/],
  ])('checks shortcuts and @every durations: %p', (expr, pattern) => {
    expect(keyOf(expr)).toMatch(pattern);
  });

  it.each([
    ['CRON_TZ=Mars/Olympus 0 0 * * *', /not a known time zone/],
    ['TZ=europe/paris 0 0 * * *', /not a known time zone/],
    ['CRON_TZ=UTC', /Add the schedule after the time zone/],
    ['CRON_TZ=UTC 0 0 * *', /needs exactly 5/],
  ])('checks the time zone prefix: %p', (expr, pattern) => {
    expect(keyOf(expr)).toMatch(pattern);
  });
});

describe('parseCron', () => {
  it('expands fields the way robfig/cron does (N/step runs to the end of the field, names are case-insensitive)', () => {
    const r = parseCron('5/20 */6 ? jan-mar mon-fri');
    expect(r).toEqual({
      ok: true,
      schedule: {
        kind: 'fields',
        fields: {
          minute: [5, 25, 45],
          hour: [0, 6, 12, 18],
          dayOfMonth: Array.from({ length: 31 }, (_, i) => i + 1),
          month: [1, 2, 3],
          dayOfWeek: [1, 2, 3, 4, 5],
        },
      },
    });
  });

  it('keeps the time zone and the descriptor', () => {
    const r = parseCron('CRON_TZ=Asia/Tokyo @weekly');
    expect(r.ok && r.schedule).toMatchObject({ kind: 'fields', timeZone: 'Asia/Tokyo', descriptor: '@weekly', fields: { dayOfWeek: [0], hour: [0], minute: [0] } });
  });

  it('gives @every its interval, rounded up to one second like robfig/cron', () => {
    expect(parseCron('@every 1h30m')).toEqual({ ok: true, schedule: { kind: 'every', intervalMs: 5_400_000 } });
    expect(parseCron('@every 10ms')).toEqual({ ok: true, schedule: { kind: 'every', intervalMs: 1000 } });
  });
});
