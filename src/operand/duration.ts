import { msg, type Message } from '../k8s/message';

/**
 * Go `time.ParseDuration`, which is what the operator and Velero use for `veleroTtl`,
 * `managedServiceAccountTTL`, `restoreSyncInterval` and `@every` (all `metav1.Duration`): a value
 * the API server stores happily but Go cannot parse breaks the operator's reconcile instead.
 */

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go durations are int64 nanoseconds; 2^63 is the first value past the end (exact as a double). */
const INT64_LIMIT = 2 ** 63;

export type DurationParse =
  | { ok: true; nanoseconds: number }
  | { ok: false; reason: 'empty' | 'syntax' | 'missingUnit' | 'unknownUnit' | 'overflow'; unit?: string };

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Mirrors the Go algorithm step by step so that exactly the same strings are accepted. */
export const parseGoDuration = (input: string): DurationParse => {
  let s = input;
  let neg = false;
  if (s === '') return { ok: false, reason: 'empty' };
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0 };
  if (s === '') return { ok: false, reason: 'syntax' };
  let total = 0;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return { ok: false, reason: 'syntax' };
    let i = 0;
    while (isDigit(s[i])) i++;
    const intPart = s.slice(0, i);
    s = s.slice(i);
    let fracPart = '';
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      while (isDigit(s[j])) j++;
      fracPart = s.slice(0, j);
      s = s.slice(j);
    }
    if (intPart === '' && fracPart === '') return { ok: false, reason: 'syntax' };
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return { ok: false, reason: 'missingUnit' };
    const unit = s.slice(0, u);
    s = s.slice(u);
    const scale = UNIT_NS[unit];
    if (scale === undefined) return { ok: false, reason: 'unknownUnit', unit };
    const value = Number(intPart || '0') * scale + (fracPart ? Number(`0.${fracPart}`) * scale : 0);
    total += value;
    if (total >= INT64_LIMIT) return { ok: false, reason: 'overflow' };
  }
  return { ok: true, nanoseconds: neg ? -total : total };
};

/** The duration in milliseconds, or undefined when Go would not parse it. */
export const durationToMs = (input: string): number | undefined => {
  const r = parseGoDuration(input.trim());
  return r.ok ? r.nanoseconds / 1e6 : undefined;
};

/**
 * A message for a value Go cannot parse, or undefined when it parses. Empty input is an error
 * here; callers of optional fields skip empty values before calling.
 */
export const validateDuration = (input: string): Message | undefined => {
  const value = input.trim();
  const r = parseGoDuration(value);
  if (r.ok) return undefined;
  const compact = value.replace(/\s+/g, '');
  if (compact !== value && parseGoDuration(compact).ok) {
    return msg('Write the duration without spaces: {{fixed}}.', { fixed: compact });
  }
  switch (r.reason) {
    case 'empty':
      return msg('Enter a duration, for example 120h.');
    case 'missingUnit':
      return msg('"{{value}}" has no unit. Add one: h (hours), m (minutes) or s (seconds), for example {{example}}.', {
        value,
        example: /^\d+$/.test(value) ? `${value}h` : '120h',
      });
    case 'unknownUnit': {
      // People write days and weeks; Go has neither, so offer the hour equivalent.
      const days = /^(\d+)([dw])$/.exec(value);
      if (days) {
        const hours = Number(days[1]) * (days[2] === 'w' ? 168 : 24);
        return msg('"{{value}}" uses days or weeks, which durations do not support. Write {{hours}}h instead.', { value, hours });
      }
      if (r.unit === 'd' || r.unit === 'w') {
        return msg('Days (d) and weeks (w) are not duration units. Use hours instead, for example 168h for one week.');
      }
      return msg('"{{unit}}" in "{{value}}" is not a duration unit. Use h (hours), m (minutes), s (seconds), ms, us or ns.', {
        unit: r.unit ?? '',
        value,
      });
    }
    case 'overflow':
      return msg('"{{value}}" is too long: a duration can be at most about 292 years (2562047h).', { value });
    default:
      return msg('"{{value}}" is not a valid duration. Use Go duration syntax such as 120h or 1h30m.', { value });
  }
};

/** A TTL or interval: a valid duration that is also longer than zero. */
export const validatePositiveDuration = (input: string): Message | undefined => {
  const invalid = validateDuration(input);
  if (invalid) return invalid;
  const r = parseGoDuration(input.trim());
  if (r.ok && r.nanoseconds <= 0) {
    return msg('"{{value}}" must be longer than zero, for example 120h.', { value: input.trim() });
  }
  return undefined;
};

/** TTLs (`veleroTtl`, `managedServiceAccountTTL`): zero or negative would expire backups at once. */
export const validateTtl = validatePositiveDuration;
