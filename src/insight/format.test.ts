import { formatDurationShort, formatGoDuration } from './format';

describe('formatDurationShort', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [45_000, '45s'],
    [60_000, '1m'],
    [125_000, '2m 5s'],
    [2 * 3600_000, '2h'],
    [3600_000 * 3 + 59 * 60_000 + 59_000, '3h 59m'],
    [26 * 3600_000, '1d 2h'],
    [30 * 24 * 3600_000, '30d'],
  ])('%i ms → %s (rounded down, two units at most)', (ms, text) => {
    expect(formatDurationShort(ms)).toBe(text);
  });

  it('formats the size of a negative duration', () => {
    expect(formatDurationShort(-90_000)).toBe('1m 30s');
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [1440 * 3600_000, '1440h'],
    [90 * 60_000, '1h30m'],
    [3 * 3600_000, '3h'],
    [90_000, '1m30s'],
    [1500, '1.5s'],
    [-3600_000, '-1h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
