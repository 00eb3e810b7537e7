/**
 * Label and field selectors with the API server's syntax and semantics.
 */
import type { K8sObject } from '../../src/k8s/types';

export type LabelOp = '=' | '!=' | 'in' | 'notin' | 'exists' | '!';

export type LabelRequirement = { key: string; op: LabelOp; values: string[] };

export type FieldRequirement = { path: string; op: '=' | '!='; value: string };

export class SelectorError extends Error {}

const splitTopLevel = (s: string): string[] => {
  // Commas inside `in (a,b)` belong to the value set, not to the requirement list.
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
};

const KEY_RE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE_RE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

const checkKey = (key: string, raw: string): string => {
  if (!KEY_RE.test(key)) throw new SelectorError(`unable to parse requirement: invalid label key "${key}" in "${raw}"`);
  return key;
};

const checkValue = (value: string, raw: string): string => {
  if (!VALUE_RE.test(value) || value.length > 63) {
    throw new SelectorError(`unable to parse requirement: invalid label value: "${value}" in "${raw}"`);
  }
  return value;
};

export const parseLabelSelector = (selector: string | null | undefined): LabelRequirement[] => {
  if (!selector) return [];
  return splitTopLevel(selector).map((raw): LabelRequirement => {
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(raw);
    if (set) {
      const values = set[3]
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
      values.forEach((v) => checkValue(v, raw));
      return { key: checkKey(set[1], raw), op: set[2] as 'in' | 'notin', values };
    }
    const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
    if (cmp) {
      return { key: checkKey(cmp[1], raw), op: cmp[2] === '!=' ? '!=' : '=', values: [checkValue(cmp[3].trim(), raw)] };
    }
    if (raw.startsWith('!')) return { key: checkKey(raw.slice(1).trim(), raw), op: '!', values: [] };
    return { key: checkKey(raw, raw), op: 'exists', values: [] };
  });
};

/** `Cluster.list` takes plain equality labels; this turns them into requirements. */
export const equalityRequirements = (labels: Record<string, string> | undefined): LabelRequirement[] =>
  Object.entries(labels ?? {}).map(([key, value]) => ({ key, op: '=', values: [value] }));

export const matchesLabels = (labels: Record<string, string> | undefined, reqs: readonly LabelRequirement[]): boolean => {
  for (const r of reqs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = has ? labels![r.key] : undefined;
    switch (r.op) {
      case '=':
        if (value !== r.values[0]) return false;
        break;
      case '!=':
        // The API server counts a missing label as "not equal".
        if (value === r.values[0]) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(value!)) return false;
        break;
      case 'notin':
        if (has && r.values.includes(value!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
};

export const parseFieldSelector = (selector: string | null | undefined): FieldRequirement[] => {
  if (!selector) return [];
  return splitTopLevel(selector).map((raw): FieldRequirement => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(raw);
    if (!m) throw new SelectorError(`invalid selector: '${raw}'; can't understand '${raw}'`);
    return { path: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
  });
};

const fieldValue = (obj: K8sObject, path: string): string => {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'object' ? JSON.stringify(cur) : String(cur);
};

export const matchesFields = (obj: K8sObject, reqs: readonly FieldRequirement[]): boolean => {
  for (const r of reqs) {
    const v = fieldValue(obj, r.path);
    if (r.op === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
};
