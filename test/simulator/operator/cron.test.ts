import { CronExpressionParser } from 'cron-parser';
import { CronError, cronInterval, nextActivation, nextRun, parseStandard, validateVeleroSchedule } from './cron';
import { formatGoDuration, parseGoDuration } from './time';

const at = (s: string) => Date.parse(s);
const errorOf = (spec: string): string => {
  try {
    parseStandard(spec);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(CronError);
    return (e as Error).message;
  }
};

describe('robfig ParseStandard errors', () => {
  it.each([
    ['bogus', 'expected exactly 5 fields, found 1: [bogus]'],
    ['0 * * * * *', 'expected exactly 5 fields, found 6: [0 * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['TZ=Mars/Olympus 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('%s', (spec, message) => {
    expect(errorOf(spec)).toBe(message);
  });

  it('accepts what robfig accepts', () => {
    for (const ok of ['0 */1 * * *', '*/15 * * * *', '0 2 * * MON-FRI', '0 0 1 jan,jul *', '0 8 ? * *', '@daily', '@every 1h30m', 'CRON_TZ=Europe/Berlin 0 3 * * *']) {
      expect(errorOf(ok)).toBe('');
    }
  });

  it('gives the operator its status messages', () => {
    expect(validateVeleroSchedule('')).toEqual(['Schedule must be a non-empty valid Cron expression']);
    expect(validateVeleroSchedule('0 */1 * * *')).toEqual([]);
    expect(validateVeleroSchedule('61 * * * *')).toEqual(['invalid schedule: end of range (61) above maximum (59): 61']);
  });
});

describe('next activation', () => {
  it('runs hourly on the hour, strictly after the reference', () => {
    expect(new Date(nextRun('0 */1 * * *', at('2025-06-10T14:23:45Z'))!).toISOString()).toBe('2025-06-10T15:00:00.000Z');
    expect(new Date(nextRun('0 */1 * * *', at('2025-06-10T15:00:00Z'))!).toISOString()).toBe('2025-06-10T16:00:00.000Z');
  });

  it('ORs day of month and day of week when both are restricted, ANDs otherwise', () => {
    // 13th or a Friday: from Sunday 2025-06-01 the first is Friday 6th.
    expect(new Date(nextRun('0 0 13 * 5', at('2025-06-01T00:00:00Z'))!).toISOString()).toBe('2025-06-06T00:00:00.000Z');
    // Any day of month, Fridays only.
    expect(new Date(nextRun('0 0 * * 5', at('2025-06-07T00:00:00Z'))!).toISOString()).toBe('2025-06-13T00:00:00.000Z');
  });

  it('agrees with cron-parser on standard expressions', () => {
    const exprs = ['0 */1 * * *', '*/7 * * * *', '30 2 * * 1-5', '0 0 1,15 * *', '15 4 * jan,jun *', '0 12 29 2 *', '5 */4 * * 0', '0 0 13 * 5'];
    const starts = ['2025-06-10T14:23:45Z', '2024-12-31T23:59:59Z', '2025-02-28T12:00:00Z'];
    for (const e of exprs) {
      for (const s of starts) {
        const theirs = CronExpressionParser.parse(e, { currentDate: new Date(s), tz: 'UTC' }).next().getTime();
        expect([e, s, nextRun(e, at(s))]).toEqual([e, s, theirs]);
      }
    }
  });

  it('handles @every and descriptors', () => {
    expect(nextActivation(parseStandard('@every 90m'), at('2025-06-10T14:23:45.500Z'))).toBe(at('2025-06-10T15:53:45Z'));
    expect(new Date(nextRun('@daily', at('2025-06-10T14:23:45Z'))!).toISOString()).toBe('2025-06-11T00:00:00.000Z');
  });

  it('measures the interval the validation TTL is built on', () => {
    expect(cronInterval('0 */1 * * *', at('2025-06-10T14:23:45Z'))).toBe(3_600_000);
    expect(cronInterval('0 2 * * *', at('2025-06-10T14:23:45Z'))).toBe(86_400_000);
  });
});

describe('Go durations', () => {
  it.each([
    ['120h', '120h0m0s'],
    ['1h5m', '1h5m0s'],
    ['10m', '10m0s'],
    ['90s', '1m30s'],
    ['1.5h', '1h30m0s'],
    ['0', '0s'],
  ])('%s -> %s', (input, out) => {
    expect(formatGoDuration(parseGoDuration(input))).toBe(out);
  });

  it('rejects with Go messages', () => {
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => parseGoDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseGoDuration('5d')).toThrow('time: unknown unit "d" in duration "5d"');
  });
});
