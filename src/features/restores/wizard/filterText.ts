/**
 * The advanced filters are typed as text, the way `oc` takes them; these turn the text into the
 * spec's shapes. Pure, so the form and its tests read the same thing.
 */
import { msg, type Message } from '../../../k8s/message';
import type { LabelSelector } from '../../../k8s/types';

/** Words separated by commas, spaces or new lines. */
export const parseList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

export const formatList = (list: readonly string[] | undefined): string => (list ?? []).join(', ');

type Parsed<T> = { value?: T; error?: Message };

/** Splits on commas that are not inside parentheses: `a in (x, y), b=c` is two requirements. */
const splitRequirements = (text: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
};

const SET_FORM = /^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/i;
const EQUALS_FORM = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s=(),]*)$/;
const EXISTS_FORM = /^(!?)([^\s!=(),]+)$/;

/**
 * One selector in kubectl's syntax: `app=web, tier in (a, b), !legacy`. Equalities become
 * `matchLabels`, everything else `matchExpressions`, as the API server would store them.
 */
export const parseSelector = (text: string): Parsed<LabelSelector> => {
  const requirements = splitRequirements(text);
  if (requirements.length === 0) return {};
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const req of requirements) {
    let m = SET_FORM.exec(req);
    if (m) {
      const values = parseList(m[3]);
      matchExpressions.push({ key: m[1], operator: m[2].toLowerCase() === 'in' ? 'In' : 'NotIn', values });
      continue;
    }
    m = EQUALS_FORM.exec(req);
    if (m) {
      if (m[2] === '!=') matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[3]] });
      else matchLabels[m[1]] = m[3];
      continue;
    }
    m = EXISTS_FORM.exec(req);
    if (m) {
      matchExpressions.push({ key: m[2], operator: m[1] ? 'DoesNotExist' : 'Exists' });
      continue;
    }
    return {
      error: msg('"{{requirement}}" is not a label requirement. Use key=value, key!=value, key in (a, b), key notin (a, b), key or !key.', {
        requirement: req,
      }),
    };
  }
  const selector: LabelSelector = {};
  if (Object.keys(matchLabels).length > 0) selector.matchLabels = matchLabels;
  if (matchExpressions.length > 0) selector.matchExpressions = matchExpressions;
  return { value: selector };
};

/** One selector per line; a restore matches a resource when any line does. */
export const parseSelectorLines = (text: string): Parsed<LabelSelector[]> => {
  const selectors: LabelSelector[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const parsed = parseSelector(line);
    if (parsed.error) return { error: parsed.error };
    if (parsed.value) selectors.push(parsed.value);
  }
  return selectors.length > 0 ? { value: selectors } : {};
};

/** `source:target` pairs, separated by commas or new lines. */
export const parseMapping = (text: string): Parsed<Record<string, string>> => {
  const mapping: Record<string, string> = {};
  for (const pair of text.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^:\s]+)\s*:\s*([^:\s]+)$/.exec(pair);
    if (!m) return { error: msg('"{{pair}}" is not a namespace mapping. Write source:target, for example app:app-restored.', { pair }) };
    mapping[m[1]] = m[2];
  }
  return Object.keys(mapping).length > 0 ? { value: mapping } : {};
};
