/**
 * Durations written as message parameters. Unit letters (d, h, m, s) read the same in English
 * and Japanese, so the UI can drop them into a translated sentence without a plural rule.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * An age or interval at the two most significant units: `3d 4h`, `2h 5m`, `45m`, `30s`.
 * Rounded down, because an age of 1h59m shown as "2h" would overstate how late a backup is.
 */
export const formatDurationShort = (ms: number): string => {
  const abs = Math.max(0, Math.floor(Math.abs(ms)));
  const units: [number, string][] = [
    [DAY, 'd'],
    [HOUR, 'h'],
    [MINUTE, 'm'],
    [SECOND, 's'],
  ];
  for (let i = 0; i < units.length; i++) {
    const [size, unit] = units[i];
    if (abs >= size || i === units.length - 1) {
      const major = Math.floor(abs / size);
      if (i === units.length - 1) return `${major}${unit}`;
      const [nextSize, nextUnit] = units[i + 1];
      const minor = Math.floor((abs - major * size) / nextSize);
      return minor > 0 ? `${major}${unit} ${minor}${nextUnit}` : `${major}${unit}`;
    }
  }
  return '0s';
};

/**
 * A duration in the Go syntax the operator's fields use (`1440h`, `1h30m`, `90s`), zero units
 * left out, so a value the UI derives (for example the MSA token default) can be pasted back
 * into a `veleroTtl`-style field unchanged.
 */
export const formatGoDuration = (ms: number): string => {
  if (!Number.isFinite(ms) || ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = rest / SECOND;
  let out = '';
  if (h) out += `${h}h`;
  if (m) out += `${m}m`;
  if (s) out += `${Number.isInteger(s) ? s : Number(s.toFixed(3))}s`;
  return sign + (out || '0s');
};
