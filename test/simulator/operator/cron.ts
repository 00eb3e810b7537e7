/**
 * robfig/cron v3 `ParseStandard` and `Schedule.Next`, which both the operator (validation,
 * validation-backup TTL) and Velero (when schedules fire) use (§1). Error texts are robfig's, so
 * `invalid schedule: <err>` reads as on a real hub. Other cron libraries accept and reject
 * different inputs (seconds fields, `L`, `#`), which is why this is not cron-parser.
 */
import { CronExpressionParser } from 'cron-parser';
import { DurationError, parseGoDuration, SECOND } from './time';

type Bounds = { min: number; max: number; names?: Record<string, number> };

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

type Field = { values: Set<number>; star: boolean };

export type CronSchedule =
  | {
      kind: 'spec';
      minute: Field;
      hour: Field;
      dom: Field;
      month: Field;
      dow: Field;
      /** IANA zone from a `TZ=`/`CRON_TZ=` prefix; undefined means the operator pod's zone (UTC). */
      tz?: string;
      /** The five fields, for zones other than UTC. */
      fields: string[];
    }
  | { kind: 'every'; delayMs: number };

export class CronError extends Error {}

const goSlice = (fields: string[]): string => `[${fields.join(' ')}]`;

// Go's strconv.Atoi, with its error text.
const atoi = (expr: string): number => {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (!Number.isSafeInteger(n)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
};

const intOrName = (expr: string, b: Bounds): number => {
  const named = b.names?.[expr.toLowerCase()];
  return named !== undefined ? named : atoi(expr);
};

const getRange = (expr: string, b: Bounds, into: Field): void => {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = intOrName(lowAndHigh[0], b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1], b);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = atoi(rangeAndStep[1]);
    // robfig: "N/step" means "N-max/step".
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else throw new CronError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
};

const getField = (field: string, b: Bounds): Field => {
  const out: Field = { values: new Set(), star: false };
  for (const expr of field.split(',').filter((e) => e !== '')) getRange(expr, b, out);
  return out;
};

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const knownZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** robfig `ParseStandard`; throws `CronError` with robfig's message. */
export const parseStandard = (input: string): CronSchedule => {
  let spec = input;
  if (spec.length === 0) throw new CronError('empty spec string');
  let tz: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // robfig slices up to the first space; with none, Go panics (the operator recovers it).
    if (i < 0) throw new CronError(`recover: runtime error: slice bounds out of range [:${i}]`);
    tz = spec.slice(eq + 1, i);
    if (tz !== 'UTC' && tz !== 'Local' && tz !== '' && !knownZone(tz)) {
      throw new CronError(`provided bad location ${tz}: unknown time zone ${tz}`);
    }
    if (tz === 'Local' || tz === '') tz = undefined;
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) {
    const every = '@every ';
    if (spec.startsWith(every)) {
      let delay: number;
      try {
        delay = parseGoDuration(spec.slice(every.length));
      } catch (e) {
        throw new CronError(`failed to parse duration ${spec}: ${e instanceof DurationError ? e.message : String(e)}`);
      }
      // robfig `Every`: at least a second, truncated to whole seconds.
      return { kind: 'every', delayMs: Math.max(SECOND, Math.floor(delay / SECOND) * SECOND) };
    }
    const expanded = DESCRIPTORS[spec];
    if (!expanded) throw new CronError(`unrecognized descriptor: ${spec}`);
    spec = expanded;
  }
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: ${goSlice(fields)}`);
  return {
    kind: 'spec',
    minute: getField(fields[0], MINUTES),
    hour: getField(fields[1], HOURS),
    dom: getField(fields[2], DOM),
    month: getField(fields[3], MONTHS),
    dow: getField(fields[4], DOW),
    tz: tz === 'UTC' ? undefined : tz,
    fields,
  };
};

/**
 * The operator's `parseCronSchedule` (CBO `controllers/schedule.go`): the messages that end up in
 * `status.lastMessage`, joined with "," by the caller; empty when the expression is valid.
 */
export const validateVeleroSchedule = (spec: string | undefined): string[] => {
  if (!spec) return ['Schedule must be a non-empty valid Cron expression'];
  try {
    parseStandard(spec);
    return [];
  } catch (e) {
    const msg = e instanceof CronError ? e.message : String(e);
    return msg.startsWith('recover: ') ? [`invalid schedule ${msg}`] : [`invalid schedule: ${msg}`];
  }
};

const dayMatches = (s: Extract<CronSchedule, { kind: 'spec' }>, d: Date): boolean => {
  const domMatch = s.dom.values.has(d.getUTCDate());
  const dowMatch = s.dow.values.has(d.getUTCDay());
  if (s.dom.star || s.dow.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
};

/** robfig `SpecSchedule.Next` in UTC: the first activation strictly after `after`; undefined past five years. */
const nextUtc = (s: Extract<CronSchedule, { kind: 'spec' }>, after: number): number | undefined => {
  const t = new Date(Math.floor(after / SECOND) * SECOND + SECOND);
  let added = false;
  const yearLimit = t.getUTCFullYear() + 5;
  wrap: for (;;) {
    if (t.getUTCFullYear() > yearLimit) return undefined;
    while (!s.month.values.has(t.getUTCMonth() + 1)) {
      if (!added) {
        added = true;
        t.setUTCDate(1);
        t.setUTCHours(0, 0, 0, 0);
      }
      t.setUTCMonth(t.getUTCMonth() + 1);
      if (t.getUTCMonth() === 0) continue wrap;
    }
    while (!dayMatches(s, t)) {
      if (!added) {
        added = true;
        t.setUTCHours(0, 0, 0, 0);
      }
      t.setUTCDate(t.getUTCDate() + 1);
      if (t.getUTCDate() === 1) continue wrap;
    }
    while (!s.hour.values.has(t.getUTCHours())) {
      if (!added) {
        added = true;
        t.setUTCMinutes(0, 0, 0);
      }
      t.setUTCHours(t.getUTCHours() + 1);
      if (t.getUTCHours() === 0) continue wrap;
    }
    while (!s.minute.values.has(t.getUTCMinutes())) {
      if (!added) {
        added = true;
        t.setUTCSeconds(0, 0);
      }
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      if (t.getUTCMinutes() === 0) continue wrap;
    }
    // The standard parser fixes seconds at 0.
    if (t.getUTCSeconds() !== 0) {
      t.setUTCSeconds(0, 0);
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      continue wrap;
    }
    return t.getTime();
  }
};

/** The schedule's first activation strictly after `after` (ms since epoch). */
export const nextActivation = (s: CronSchedule, after: number): number | undefined => {
  if (s.kind === 'every') return Math.floor(after / SECOND) * SECOND + s.delayMs;
  if (!s.tz) return nextUtc(s, after);
  // Zoned schedules are rare on hubs; cron-parser has the zone arithmetic.
  const it = CronExpressionParser.parse(s.fields.join(' '), { currentDate: new Date(after), tz: s.tz });
  return it.next().getTime();
};

/** `nextActivation` for an expression; undefined when it does not parse. */
export const nextRun = (expr: string, after: number): number | undefined => {
  try {
    return nextActivation(parseStandard(expr), after);
  } catch {
    return undefined;
  }
};

/** The gap between the next two activations (CBO `getValidationBackupTTL` adds 5 minutes to it). */
export const cronInterval = (expr: string, from: number): number | undefined => {
  const first = nextRun(expr, from);
  if (first === undefined) return undefined;
  const second = nextRun(expr, first);
  return second === undefined ? undefined : second - first;
};
