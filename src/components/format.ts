import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.NumberFormatOptions['unit'], number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** "2 hr 5 min" in the user's language (Intl does the translation), at most two units. */
export const formatDuration = (ms: number, locale: string): string => {
  let rest = Math.max(0, Math.round(Math.abs(ms)));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    if (parts.length === 2) break;
    const n = Math.floor(rest / size);
    if (n > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
      rest -= n * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ');
};

/** Date and time in the user's language and time zone. */
export const formatDateTime = (date: Date | string | number, locale: string, timeZone?: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(date));

/** Formatters bound to the current UI language. */
export const useFormatters = () => {
  const { i18n } = useTranslation();
  const locale = i18n.language || 'en';
  return useMemo(
    () => ({
      locale,
      duration: (ms: number) => formatDuration(ms, locale),
      dateTime: (d: Date | string | number) => formatDateTime(d, locale),
      relative: (d: Date | string | number, now: Date = new Date()) => {
        const diff = new Date(d).getTime() - now.getTime();
        const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
        const abs = Math.abs(diff);
        for (const [unit, size] of UNITS) {
          if (abs >= size || unit === 'second') {
            return rtf.format(Math.round(diff / size), unit as Intl.RelativeTimeFormatUnit);
          }
        }
        return '';
      },
    }),
    [locale],
  );
};
