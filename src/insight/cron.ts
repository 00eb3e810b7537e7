import { toString as cronstrueToString } from 'cronstrue';
// Registers the Japanese texts on the same cronstrue instance, without bundling every locale.
import 'cronstrue/locales/ja';
import { msg, type Message } from '../k8s/message';
import { parseCron, type CronSchedule } from '../operand/cron';

/**
 * Readable cron text, next run times and the expected interval between backups.
 *
 * Parsing is the operand layer's (`parseCron`, robfig `ParseStandard` rules, §1). Run times are
 * computed here with robfig v3's own `SpecSchedule.Next` algorithm, because Velero runs the
 * schedule with that same library: same day-of-month/day-of-week rule, same behaviour across
 * daylight-saving changes (a time inside a spring-forward gap is skipped that day; a time inside
 * a fall-back overlap runs twice). A generic cron library differs on exactly those points.
 *
 * Zones: an expression without a `CRON_TZ=`/`TZ=` prefix runs in the Velero pod's zone, which is
 * UTC in the OADP images; with a prefix it runs in that zone. Results are instants (`Date`), so
 * the UI shows them in the user's zone.
 */

export type CronLocale = 'en' | 'ja';

/**
 * What to show under a cron field. Exactly one of `text` / `message` is set:
 * - `text`: cronstrue's sentence, already in the requested language: render it as is;
 * - `message`: for `@` shortcuts (cronstrue has none): render with `t(message.key, message.params)`.
 * `timeZone` is the zone the schedule runs in: the prefix zone, or `undefined` when there is no
 * prefix (then the Velero pod's zone, UTC unless the pod sets TZ): the UI should say so, because
 * "At 02:00" means 02:00 UTC, not 02:00 for the reader.
 */
export type CronDescription =
  | { kind: 'text'; text: string; message?: undefined; timeZone?: string }
  | { kind: 'message'; message: Message; text?: undefined; timeZone?: string };

const DESCRIPTOR_TEXT: Record<string, () => Message> = {
  '@hourly': () => msg('Every hour, at minute 0'),
  '@daily': () => msg('Every day at 00:00'),
  '@midnight': () => msg('Every day at 00:00'),
  '@weekly': () => msg('Every Sunday at 00:00'),
  '@monthly': () => msg('At 00:00 on day 1 of every month'),
  '@yearly': () => msg('At 00:00 on January 1, once a year'),
  '@annually': () => msg('At 00:00 on January 1, once a year'),
};

type Split = { timeZone?: string; body: string };

/** Separates the zone prefix the way robfig does: up to the first space. Input is pre-validated. */
const splitPrefix = (expr: string): Split => {
  const trimmed = expr.trim();
  if (trimmed.startsWith('TZ=') || trimmed.startsWith('CRON_TZ=')) {
    const space = trimmed.indexOf(' ');
    return { timeZone: trimmed.slice(trimmed.indexOf('=') + 1, space), body: trimmed.slice(space).trim() };
  }
  return { body: trimmed };
};

/**
 * A readable description of `expr` in `locale`, or undefined when the operator would reject the
 * expression (the form shows the operand validator's message instead).
 */
export const describeCron = (expr: string, locale: CronLocale): CronDescription | undefined => {
  const parsed = parseCron(expr);
  if (!parsed.ok) return undefined;
  const { timeZone, body } = splitPrefix(expr);
  if (parsed.schedule.kind === 'every') {
    const duration = body.slice('@every'.length).trim();
    return {
      kind: 'message',
      message: msg('Every {{duration}}, counted from the previous backup rather than from the clock', { duration }),
      timeZone,
    };
  }
  const descriptor = DESCRIPTOR_TEXT[body];
  if (descriptor) return { kind: 'message', message: descriptor(), timeZone };
  // robfig accepts `?` as a wildcard in every field; cronstrue only in the day fields.
  const fields = body
    .split(/\s+/)
    .map((f) => f.replace(/\?/g, '*'))
    .join(' ');
  try {
    const text = cronstrueToString(fields, {
      locale,
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
      dayOfWeekStartIndexZero: true,
    });
    return { kind: 'text', text, timeZone };
  } catch {
    // Valid for the operator but beyond cronstrue: show the expression without a sentence.
    return undefined;
  }
};

// ---- time zones -------------------------------------------------------------------------------

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type Wall = { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number };

type Zone = {
  /** Wall-clock fields of an instant in this zone. */
  wall: (ms: number) => Wall;
  /** UTC offset in ms at an instant. */
  offset: (ms: number) => number;
};

const utcWall = (ms: number): Wall => {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    dow: d.getUTCDay(),
  };
};

const UTC_ZONE: Zone = { wall: utcWall, offset: () => 0 };

const zoneCache = new Map<string, Zone | undefined>();

const makeZone = (name: string): Zone | undefined => {
  if (name === '' || name === 'UTC') return UTC_ZONE;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
  const offset = (ms: number): number => {
    const whole = Math.floor(ms / SECOND) * SECOND;
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(whole)) {
      if (part.type !== 'literal') p[part.type] = Number(part.value);
    }
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
  };
  return { offset, wall: (ms) => utcWall(ms + offset(ms)) };
};

const zoneNamed = (name: string): Zone | undefined => {
  if (!zoneCache.has(name)) zoneCache.set(name, makeZone(name));
  return zoneCache.get(name);
};

/**
 * Go `time.Date` in a zone: out-of-range fields roll over (month 13, day 32), and a wall time that
 * does not exist or exists twice is resolved the way Go resolves it, so the schedule walk below
 * lands where robfig lands.
 */
const zonedDate = (zone: Zone, y: number, mo: number, d: number, h: number, mi: number, s: number): number => {
  const unix = Date.UTC(y, mo - 1, d, h, mi, s);
  const first = zone.offset(unix);
  const utc = unix - first;
  const second = zone.offset(utc);
  return unix - (second === first ? first : second);
};

// ---- schedules --------------------------------------------------------------------------------

type FieldSpec = {
  kind: 'fields';
  minute: boolean[];
  hour: boolean[];
  dom: boolean[];
  month: boolean[];
  dow: boolean[];
  /** robfig's star bit: a `*`/`?` (step 1) in the field makes day matching an AND instead of an OR. */
  domStar: boolean;
  dowStar: boolean;
  zone: Zone;
};
type EverySpec = { kind: 'every'; delayMs: number };
type Spec = FieldSpec | EverySpec;

const toMask = (values: number[], size: number): boolean[] => {
  const mask = new Array<boolean>(size).fill(false);
  for (const v of values) mask[v] = true;
  return mask;
};

const hasStarBit = (field: string): boolean =>
  field.split(',').some((part) => {
    const [range, step] = part.split('/');
    const low = range.split('-')[0];
    return (low === '*' || low === '?') && (step === undefined || Number(step) <= 1);
  });

// The day fields robfig's descriptors mark with the star bit (`all(dom)` / `all(dow)`).
const DESCRIPTOR_STARS: Record<string, { dom: boolean; dow: boolean }> = {
  '@yearly': { dom: false, dow: true },
  '@annually': { dom: false, dow: true },
  '@monthly': { dom: false, dow: true },
  '@weekly': { dom: true, dow: false },
  '@daily': { dom: true, dow: true },
  '@midnight': { dom: true, dow: true },
  '@hourly': { dom: true, dow: true },
};

const buildSpec = (expr: string, defaultZone: string): Spec | undefined => {
  const parsed = parseCron(expr);
  if (!parsed.ok) return undefined;
  const schedule: CronSchedule = parsed.schedule;
  if (schedule.kind === 'every') {
    // robfig `Every`: at least one second, rounded down to whole seconds.
    const delayMs = Math.max(SECOND, Math.floor(schedule.intervalMs / SECOND) * SECOND);
    return { kind: 'every', delayMs };
  }
  const zoneName = schedule.timeZone === undefined || schedule.timeZone === 'Local' ? defaultZone : schedule.timeZone;
  const zone = zoneNamed(zoneName);
  if (!zone) return undefined;
  const { body } = splitPrefix(expr);
  let stars = DESCRIPTOR_STARS[body];
  if (!stars) {
    const parts = body.split(/\s+/);
    stars = { dom: hasStarBit(parts[2]), dow: hasStarBit(parts[4]) };
  }
  const f = schedule.fields;
  return {
    kind: 'fields',
    minute: toMask(f.minute, 60),
    hour: toMask(f.hour, 24),
    dom: toMask(f.dayOfMonth, 32),
    month: toMask(f.month, 13),
    dow: toMask(f.dayOfWeek, 7),
    domStar: stars.dom,
    dowStar: stars.dow,
    zone,
  };
};

const dayMatches = (spec: FieldSpec, w: Wall): boolean => {
  const domMatch = spec.dom[w.d];
  const dowMatch = spec.dow[w.dow];
  return spec.domStar || spec.dowStar ? domMatch && dowMatch : domMatch || dowMatch;
};

/**
 * robfig v3 `SpecSchedule.Next`, step by step (seconds field fixed at 0, as `ParseStandard`
 * sets it). Returns undefined where robfig returns the zero time: nothing within five years.
 */
const nextFieldRun = (spec: FieldSpec, fromMs: number): number | undefined => {
  const { zone } = spec;
  const date = (y: number, mo: number, d: number, h: number, mi: number, s: number) => zonedDate(zone, y, mo, d, h, mi, s);
  // Start at the upcoming whole second.
  let t = Math.floor(fromMs / SECOND) * SECOND + SECOND;
  let added = false;
  let w = zone.wall(t);
  const yearLimit = w.y + 5;

  wrap: for (;;) {
    w = zone.wall(t);
    if (w.y > yearLimit) return undefined;

    while (!spec.month[w.mo]) {
      if (!added) {
        added = true;
        t = date(w.y, w.mo, 1, 0, 0, 0);
        w = zone.wall(t);
      }
      t = date(w.y, w.mo + 1, w.d, w.h, w.mi, w.s);
      w = zone.wall(t);
      if (w.mo === 1) continue wrap;
    }

    while (!dayMatches(spec, w)) {
      if (!added) {
        added = true;
        t = date(w.y, w.mo, w.d, 0, 0, 0);
        w = zone.wall(t);
      }
      t = date(w.y, w.mo, w.d + 1, w.h, w.mi, w.s);
      w = zone.wall(t);
      // Where midnight does not exist, robfig nudges back to the day's first hour.
      if (w.h !== 0) {
        t += (w.h > 12 ? 24 - w.h : -w.h) * HOUR;
        w = zone.wall(t);
      }
      if (w.d === 1) continue wrap;
    }

    while (!spec.hour[w.h]) {
      if (!added) {
        added = true;
        t = date(w.y, w.mo, w.d, w.h, 0, 0);
        w = zone.wall(t);
      }
      t += HOUR;
      w = zone.wall(t);
      if (w.h === 0) continue wrap;
    }

    while (!spec.minute[w.mi]) {
      if (!added) {
        added = true;
        t = Math.floor(t / MINUTE) * MINUTE;
      }
      t += MINUTE;
      w = zone.wall(t);
      if (w.mi === 0) continue wrap;
    }

    if (w.s !== 0) {
      if (!added) {
        added = true;
        t = Math.floor(t / SECOND) * SECOND;
      }
      // robfig steps one second at a time until the wall second is 0, then re-checks every
      // field; jumping straight there is the same walk without sixty zone look-ups.
      t += (60 - w.s) * SECOND;
      continue wrap;
    }

    return t;
  }
};

export type NextRunsOptions = {
  count: number;
  now: Date;
  /**
   * Zone the schedule runs in when the expression has no `CRON_TZ=`/`TZ=` prefix: the Velero
   * pod's zone. Defaults to UTC, the OADP images' zone. This is not the display zone.
   */
  timeZone?: string;
  /** A paused schedule has no next run. */
  paused?: boolean;
  /**
   * The schedule's last backup (`status.lastBackup` of the Velero Schedule). Only `@every` needs
   * it: robfig counts the interval from the previous run, not from the clock.
   */
  lastRun?: Date;
};

/**
 * The next `count` run times after `now`, oldest first. Empty when paused, when the expression is
 * invalid, or when the zone is unknown; shorter when the schedule never fires again within robfig's
 * five-year search (for example `0 0 30 2 *`).
 */
export const nextRuns = (expr: string, opts: NextRunsOptions): Date[] => {
  const { count, now, timeZone = 'UTC', paused, lastRun } = opts;
  if (paused || !(count > 0)) return [];
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) return [];
  const spec = buildSpec(expr, timeZone);
  if (!spec) return [];
  const runs: Date[] = [];
  if (spec.kind === 'every') {
    // Velero computes Next(lastBackup); without a last backup the count starts now. An overdue run
    // fires at Velero's next check, so only future multiples are listed.
    const anchor = lastRun && Number.isFinite(lastRun.getTime()) ? lastRun.getTime() : nowMs;
    let t = Math.floor(anchor / SECOND) * SECOND + spec.delayMs;
    if (t <= nowMs) t += Math.ceil((nowMs - t + 1) / spec.delayMs) * spec.delayMs;
    for (let i = 0; i < count; i++) runs.push(new Date(t + i * spec.delayMs));
    return runs;
  }
  let from = nowMs;
  for (let i = 0; i < count; i++) {
    const next = nextFieldRun(spec, from);
    if (next === undefined) break;
    runs.push(new Date(next));
    from = next;
  }
  return runs;
};

/** How many upcoming runs the interval looks at: enough to include a weekend for weekday crons. */
const INTERVAL_SAMPLE = 10;

/**
 * The expected time between two backups, used as the RPO yardstick: for a regular cron the gap
 * between consecutive runs; for an irregular one (weekdays only, several days a month) the longest
 * gap among the next few runs, so that a normal weekend pause is not reported as a missed backup.
 * Undefined when the expression is invalid or fires fewer than twice.
 */
export const cronIntervalMs = (expr: string, now: Date, opts: { timeZone?: string } = {}): number | undefined => {
  const spec = buildSpec(expr, opts.timeZone ?? 'UTC');
  if (!spec) return undefined;
  if (spec.kind === 'every') return spec.delayMs;
  const runs = nextRuns(expr, { count: INTERVAL_SAMPLE, now, timeZone: opts.timeZone });
  if (runs.length < 2) return undefined;
  let longest = 0;
  for (let i = 1; i < runs.length; i++) longest = Math.max(longest, runs[i].getTime() - runs[i - 1].getTime());
  return longest;
};

/** The zone a schedule runs in: its prefix zone, else the given Velero pod zone (UTC by default). */
export const cronTimeZone = (expr: string, podTimeZone = 'UTC'): string | undefined => {
  const parsed = parseCron(expr);
  if (!parsed.ok) return undefined;
  const zone = parsed.schedule.timeZone;
  return zone === undefined || zone === 'Local' ? podTimeZone : zone;
};
