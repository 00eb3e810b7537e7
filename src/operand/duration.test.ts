import { durationToMs, parseGoDuration, validateDuration, validatePositiveDuration, validateTtl } from './duration';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['+0', 0],
    ['-0', 0],
    ['120h', 120 * 3600e9],
    ['1h30m', 5400e9],
    ['1.5h', 5400e9],
    ['.5s', 0.5e9],
    ['1.s', 1e9],
    ['300ms', 300e6],
    ['10us', 10e3],
    ['10µs', 10e3],
    ['10μs', 10e3],
    ['15ns', 15],
    ['-1m', -60e9],
    ['+2h', 7200e9],
    ['1h1m1s1ms1us1ns', 3661001001001],
    ['2562047h', 2562047 * 3600e9],
  ])('parses %p', (input, ns) => {
    expect(parseGoDuration(input)).toEqual({ ok: true, nanoseconds: ns });
  });

  it.each([
    ['', 'empty'],
    ['-', 'syntax'],
    ['h', 'syntax'],
    ['.h', 'syntax'],
    ['1h 30m', 'unknownUnit'],
    ['1h-30m', 'unknownUnit'],
    ['120', 'missingUnit'],
    ['1h30', 'missingUnit'],
    ['5d', 'unknownUnit'],
    ['1H', 'unknownUnit'],
    ['2562048h', 'overflow'],
  ])('refuses %p (%s)', (input, reason) => {
    expect(parseGoDuration(input)).toMatchObject({ ok: false, reason });
  });
});

describe('validateDuration', () => {
  it('accepts Go durations, ignoring surrounding spaces', () => {
    expect(validateDuration(' 72h ')).toBeUndefined();
    expect(validateDuration('1h30m')).toBeUndefined();
  });

  it('asks for a value when empty', () => {
    expect(validateDuration('')?.key).toBe('Enter a duration, for example 120h.');
  });

  it('suggests adding a unit to a bare number', () => {
    expect(validateDuration('120')).toEqual({
      key: '"{{value}}" has no unit. Add one: h (hours), m (minutes) or s (seconds), for example {{example}}.',
      params: { value: '120', example: '120h' },
    });
  });

  it('converts days and weeks to hours in the message', () => {
    expect(validateDuration('5d')?.params).toEqual({ value: '5d', hours: 120 });
    expect(validateDuration('2w')?.params).toEqual({ value: '2w', hours: 336 });
    expect(validateDuration('1d12h')?.key).toMatch(/^Days \(d\) and weeks \(w\) are not duration units/);
  });

  it('offers the fix for a duration written with spaces', () => {
    expect(validateDuration('1h 30m')).toEqual({ key: 'Write the duration without spaces: {{fixed}}.', params: { fixed: '1h30m' } });
  });

  it('names an unknown unit', () => {
    expect(validateDuration('10min')).toEqual({
      key: '"{{unit}}" in "{{value}}" is not a duration unit. Use h (hours), m (minutes), s (seconds), ms, us or ns.',
      params: { unit: 'min', value: '10min' },
    });
  });

  it('uses the general message for bad syntax, and a specific one for too long', () => {
    expect(validateDuration('one hour')).toEqual({
      key: '"{{value}}" is not a valid duration. Use Go duration syntax such as 120h or 1h30m.',
      params: { value: 'one hour' },
    });
    expect(validateDuration('9999999h')?.key).toMatch(/too long/);
  });
});

describe('validateTtl / validatePositiveDuration', () => {
  it('accepts positive durations', () => {
    expect(validateTtl('720h')).toBeUndefined();
    expect(validatePositiveDuration('30m')).toBeUndefined();
  });

  it.each(['0', '0s', '-1h'])('refuses %p: backups would expire at once', (value) => {
    expect(validateTtl(value)).toEqual({ key: '"{{value}}" must be longer than zero, for example 120h.', params: { value } });
  });

  it('still reports syntax errors first', () => {
    expect(validateTtl('abc')?.key).toMatch(/not a valid duration/);
  });
});

describe('durationToMs', () => {
  it('converts valid durations and gives undefined otherwise', () => {
    expect(durationToMs('1h30m')).toBe(5_400_000);
    expect(durationToMs(' 10m ')).toBe(600_000);
    expect(durationToMs('10 minutes')).toBeUndefined();
  });
});
