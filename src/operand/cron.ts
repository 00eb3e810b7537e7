import { msg, type Message } from '../k8s/message';
import { parseGoDuration, validateDuration } from './duration';

/**
 * `veleroSchedule` as the operator reads it: robfig/cron v3 `ParseStandard` (§1). Same grammar,
 * same bounds, same quirks (`?` is a wildcard in every field, a bare `N/step` runs from N to the
 * field maximum, day of week stops at 6), so the form accepts what the operator accepts and nothing
 * that would leave the BackupSchedule in `FailedValidation`. Two forms robfig/cron tolerates are refused
 * because they can only be typos: `*-5` (robfig/cron drops the `-5`) and `@every` with zero or less.
 */

export type CronFieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

type Bounds = { min: number; max: number; names?: Record<string, number> };

const MONTH_NAMES: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DOW_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly { name: CronFieldName; bounds: Bounds }[] = [
  { name: 'minute', bounds: { min: 0, max: 59 } },
  { name: 'hour', bounds: { min: 0, max: 23 } },
  { name: 'dayOfMonth', bounds: { min: 1, max: 31 } },
  { name: 'month', bounds: { min: 1, max: 12, names: MONTH_NAMES } },
  { name: 'dayOfWeek', bounds: { min: 0, max: 6, names: DOW_NAMES } },
];

// One literal per field so every message can be translated whole.
const outOfRange: Record<CronFieldName, (value: number) => Message> = {
  minute: (value) => msg('minute {{value}} is out of range 0–59.', { value }),
  hour: (value) => msg('hour {{value}} is out of range 0–23.', { value }),
  dayOfMonth: (value) => msg('day of month {{value}} is out of range 1–31.', { value }),
  month: (value) => msg('month {{value}} is out of range 1–12.', { value }),
  dayOfWeek: (value) =>
    value === 7
      ? msg('day of week 7 is out of range 0–6. Use 0 or SUN for Sunday.')
      : msg('day of week {{value}} is out of range 0–6 (0 is Sunday).', { value }),
};

const notAValue: Record<CronFieldName, (part: string) => Message> = {
  minute: (part) => msg('minute "{{part}}" is not a number from 0 to 59.', { part }),
  hour: (part) => msg('hour "{{part}}" is not a number from 0 to 23.', { part }),
  dayOfMonth: (part) => msg('day of month "{{part}}" is not a number from 1 to 31.', { part }),
  month: (part) => msg('month "{{part}}" is not a number from 1 to 12 or a name from JAN to DEC.', { part }),
  dayOfWeek: (part) => msg('day of week "{{part}}" is not a number from 0 to 6 or a name from SUN to SAT.', { part }),
};

/** The parsed schedule: which values of each field fire, or a fixed interval for `@every`. */
export type CronSchedule =
  | { kind: 'fields'; timeZone?: string; fields: Record<CronFieldName, number[]>; descriptor?: string }
  | { kind: 'every'; timeZone?: string; intervalMs: number };

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; message: Message };

const fail = (message: Message): CronParse => ({ ok: false, message });

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

// Go's time.LoadLocation reads the zoneinfo database: names are case-sensitive, "UTC" and
// "Local" are built in. Intl knows the same IANA names (case-insensitively) without a database.
const isKnownTimeZone = (zone: string): boolean => {
  if (zone === '' || zone === 'UTC' || zone === 'Local') return true;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() !== zone.toLowerCase() || resolved === zone;
  } catch {
    return false;
  }
};

type RangeResult = { ok: true; values: number[] } | { ok: false; message: Message };

const parseValue = (text: string, field: CronFieldName, bounds: Bounds): number | Message => {
  const named = bounds.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  // strconv.Atoi: optional sign, decimal digits only.
  if (!/^[+-]?\d+$/.test(text)) return notAValue[field](text);
  const n = Number(text);
  if (n < 0) return notAValue[field](text);
  return n;
};

/** robfig/cron `getRange`: one comma-separated element of a field. */
const parseRange = (part: string, field: CronFieldName, bounds: Bounds): RangeResult => {
  const rangeAndStep = part.split('/');
  if (rangeAndStep.length > 2) {
    return { ok: false, message: msg('"{{part}}" has more than one "/". Write a step once, as in */15 or 0-30/5.', { part }) };
  }
  const lowAndHigh = rangeAndStep[0].split('-');
  if (lowAndHigh.length > 2) {
    return { ok: false, message: msg('"{{part}}" has more than one "-". Write a range as start-end, as in 1-5.', { part }) };
  }
  let start: number;
  let end: number;
  const wildcard = lowAndHigh[0] === '*' || lowAndHigh[0] === '?';
  if (wildcard) {
    if (lowAndHigh.length > 1) return { ok: false, message: notAValue[field](part) };
    start = bounds.min;
    end = bounds.max;
  } else {
    const s = parseValue(lowAndHigh[0], field, bounds);
    if (typeof s !== 'number') return { ok: false, message: s };
    start = s;
    if (lowAndHigh.length === 2) {
      const e = parseValue(lowAndHigh[1], field, bounds);
      if (typeof e !== 'number') return { ok: false, message: e };
      end = e;
    } else {
      end = start;
    }
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    if (!/^[+-]?\d+$/.test(rangeAndStep[1]) || Number(rangeAndStep[1]) < 0) {
      return { ok: false, message: msg('The step in "{{part}}" must be a whole number greater than zero.', { part }) };
    }
    step = Number(rangeAndStep[1]);
    // robfig/cron: "N/step" means from N to the end of the field.
    if (lowAndHigh.length === 1 && !wildcard) end = bounds.max;
  }
  if (start < bounds.min) return { ok: false, message: outOfRange[field](start) };
  if (end > bounds.max) return { ok: false, message: outOfRange[field](end) };
  if (start > end) {
    return { ok: false, message: msg('The range "{{part}}" starts after it ends. Write the smaller value first.', { part }) };
  }
  if (step === 0) {
    return { ok: false, message: msg('The step in "{{part}}" must be a whole number greater than zero.', { part }) };
  }
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  return { ok: true, values };
};

const parseFields = (spec: string, original: string): CronParse => {
  const parts = spec.split(/\s+/).filter(Boolean);
  if (parts.length === 6) {
    return fail(
      msg(
        '"{{value}}" has 6 fields. The backup operator does not accept a seconds field: use 5 fields (minute hour day-of-month month day-of-week), for example "0 */2 * * *".',
        { value: original },
      ),
    );
  }
  if (parts.length !== 5) {
    return fail(
      msg(
        '"{{value}}" has {{count}} fields. A schedule needs exactly 5: minute, hour, day of month, month and day of week, for example "0 */2 * * *".',
        { value: original, count: parts.length },
      ),
    );
  }
  const fields = {} as Record<CronFieldName, number[]>;
  for (let i = 0; i < FIELDS.length; i++) {
    const { name, bounds } = FIELDS[i];
    const set = new Set<number>();
    for (const element of parts[i].split(',')) {
      const r = parseRange(element, name, bounds);
      if (!r.ok) return fail(r.message);
      r.values.forEach((v) => set.add(v));
    }
    fields[name] = [...set].sort((a, b) => a - b);
  }
  return { ok: true, schedule: { kind: 'fields', fields } };
};

/** Parses like robfig/cron `ParseStandard`; the input is trimmed first, as the builder trims it. */
export const parseCron = (input: string): CronParse => {
  const original = input.trim();
  let spec = original;
  if (spec === '') return fail(msg('Enter a schedule in cron format, for example "0 */1 * * *" (every hour).'));
  let timeZone: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    if (space < 0) {
      return fail(msg('Add the schedule after the time zone, for example "CRON_TZ=Europe/Paris 0 2 * * *".'));
    }
    timeZone = spec.slice(eq + 1, space);
    if (!isKnownTimeZone(timeZone)) {
      return fail(msg('"{{zone}}" is not a known time zone. Use an IANA name such as UTC, Europe/Paris or America/New_York.', { zone: timeZone }));
    }
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    const fixed = DESCRIPTORS[spec];
    if (fixed) {
      const r = parseFields(fixed, original);
      return r.ok ? { ok: true, schedule: { ...r.schedule, timeZone, descriptor: spec } as CronSchedule } : r;
    }
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      const invalid = validateDuration(duration);
      if (invalid) return fail(invalid);
      const parsed = parseGoDuration(duration);
      // robfig/cron rounds anything under a second up to one second; a zero or negative interval
      // is certainly a typo, so it is refused rather than turned into a backup every second.
      if (!parsed.ok || parsed.nanoseconds <= 0) {
        return fail(msg('The interval after @every must be longer than zero, for example "@every 6h".'));
      }
      return { ok: true, schedule: { kind: 'every', timeZone, intervalMs: Math.max(1000, parsed.nanoseconds / 1e6) } };
    }
    return fail(
      msg('"{{value}}" is not a known shortcut. Use @yearly, @monthly, @weekly, @daily, @hourly or @every followed by a duration such as 6h.', {
        value: spec,
      }),
    );
  }
  const r = parseFields(spec, original);
  return r.ok && timeZone !== undefined ? { ok: true, schedule: { ...r.schedule, timeZone } } : r;
};

/** undefined when the operator accepts the expression, otherwise what is wrong and how to fix it. */
export const validateCron = (input: string): Message | undefined => {
  const r = parseCron(input);
  return r.ok ? undefined : r.message;
};
