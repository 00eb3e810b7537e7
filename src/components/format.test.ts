import { formatDuration } from './format';

describe('formatDuration', () => {
  it('shows the two largest units in the user language', () => {
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000 + 7_000, 'en')).toBe('2 hr 5 min');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000, 'ja')).toBe('2 時間 5 分');
  });
  it('stops at a gap rather than skipping a unit', () => {
    expect(formatDuration(86_400_000 + 30_000, 'en')).toBe('1 day');
  });
  it('shows seconds for short durations', () => {
    expect(formatDuration(4_000, 'en')).toBe('4 sec');
    expect(formatDuration(0, 'en')).toBe('0 sec');
  });
});
