/**
 * Time formats the operator, Velero and the API server write, and Go's duration syntax (the
 * CRDs' `veleroTtl`, `restoreSyncInterval` and Velero's `ttl` are `metav1.Duration`).
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A `metav1.Time`: RFC 3339 with second precision. */
export const iso = (t: Date | number): string => `${new Date(t).toISOString().slice(0, 19)}Z`;

/** A `metav1.MicroTime` (events.k8s.io `eventTime`): RFC 3339 with microseconds. */
export const microTime = (t: Date | number): string => `${new Date(t).toISOString().slice(0, 23)}000Z`;

export const ms = (t: string | undefined): number => (t ? Date.parse(t) : NaN);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Velero's `TimestampedName` suffix and the operator's shared initial-backup timestamp (§1): Go layout `20060102150405`, UTC. */
export const veleroTimestamp = (t: Date | number): string => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};

/** The time in a `<prefix>-<YYYYMMDDHHMMSS>` name (CBO `getBackupTimestamp`), or undefined. */
export const timestampOfName = (name: string): number | undefined => {
  const m = /-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(name);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
};

// ---- Go time.Duration ----

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

export class DurationError extends Error {}

/** Go's `time.ParseDuration`, in milliseconds; throws with Go's messages. */
export const parseGoDuration = (input: string): number => {
  const quoted = JSON.stringify(input);
  let s = input;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new DurationError(`time: invalid duration ${quoted}`);
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(\.(\d*))?/.exec(s)!;
    const whole = num[1];
    const frac = num[3] ?? '';
    if (whole === '' && frac === '') throw new DurationError(`time: invalid duration ${quoted}`);
    s = s.slice(num[0].length);
    const unitMatch = /^[^\d.]+/.exec(s);
    if (!unitMatch) throw new DurationError(`time: missing unit in duration ${quoted}`);
    const unit = unitMatch[0];
    const scale = UNITS[unit];
    if (scale === undefined) throw new DurationError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    s = s.slice(unit.length);
    total += Number(`${whole || '0'}.${frac || '0'}`) * scale;
  }
  return neg ? -total : total;
};

/** `parseGoDuration`, or `fallback` when the string is empty or invalid. */
export const durationOr = (input: string | undefined, fallback: number): number => {
  if (!input) return fallback;
  try {
    return parseGoDuration(input);
  } catch {
    return fallback;
  }
};

/** Go's `Duration.String()` for a whole number of milliseconds: `120h0m0s`, `10m0s`, `1.5s`, `500ms`. */
export const formatGoDuration = (msTotal: number): string => {
  if (msTotal === 0) return '0s';
  const sign = msTotal < 0 ? '-' : '';
  let rest = Math.abs(Math.round(msTotal));
  if (rest < SECOND) return `${sign}${rest}ms`;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const secs = rest / SECOND;
  const s = Number.isInteger(secs) ? String(secs) : String(Number(secs.toFixed(3)));
  if (h > 0) return `${sign}${h}h${m}m${s}s`;
  if (m > 0) return `${sign}${m}m${s}s`;
  return `${sign}${s}s`;
};
