/*
 * A deliberately small stand-in for `helm template`, which cannot run where these tests run.
 *
 * It understands only the constructs the chart is allowed to use and throws on anything else,
 * so a template that grows a construct this file does not know fails the tests instead of
 * being checked half-way. It is also stricter than Helm on purpose: a `.Values` path that is
 * not in the values makes rendering fail (Helm would print "<no value>" or treat it as false).
 *
 * Supported: comments; `{{-`/`-}}` whitespace trimming; `define "x"` (in _helpers.tpl);
 * `if EXPR` / `else` / `end`; and pipelines whose first command is one of
 *   .Values.a.b | .Release.Name|Namespace|Service | .Chart.Name|Version|AppVersion
 *   include "x" .  |  .Files.Get "path"  |  toYaml EXPR  |  quote EXPR
 * followed by any of `| quote`, `| toYaml`, `| indent N`, `| nindent N`.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';

export interface RenderScope {
  Values: Record<string, unknown>;
  Release: { Name: string; Namespace: string; Service: string };
  Chart: { Name: string; Version: string; AppVersion: string };
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'output'; expr: string }
  | { type: 'if'; cond: string; then: Node[]; otherwise: Node[] };

interface Action {
  body: string;
  trimLeft: boolean;
  trimRight: boolean;
}

type Piece = { text: string } | { action: Action };

const ACTION = /\{\{(-\s)?\s*([\s\S]*?)\s*(\s-)?\}\}/g;

const tokenize = (source: string): Piece[] => {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of source.matchAll(ACTION)) {
    pieces.push({ text: source.slice(last, match.index) });
    pieces.push({ action: { body: match[2], trimLeft: !!match[1], trimRight: !!match[3] } });
    last = (match.index ?? 0) + match[0].length;
  }
  pieces.push({ text: source.slice(last) });
  if (pieces.some((p) => 'text' in p && p.text.includes('{{'))) {
    throw new Error('unbalanced "{{" in template');
  }
  // Go templates trim all whitespace, newlines included, next to a "-" marker.
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!('action' in piece)) continue;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    if (piece.action.trimLeft && before && 'text' in before) before.text = before.text.replace(/\s+$/, '');
    if (piece.action.trimRight && after && 'text' in after) after.text = after.text.replace(/^\s+/, '');
  }
  return pieces.filter((p) => !('action' in p) || !/^\/\*[\s\S]*\*\/$/.test(p.action.body));
};

interface Parsed {
  nodes: Node[];
  defines: Map<string, Node[]>;
}

const parse = (source: string): Parsed => {
  const defines = new Map<string, Node[]>();
  const pieces = tokenize(source);
  let pos = 0;

  // Parses until an "end" or "else" at this level; returns which one stopped it.
  const parseBlock = (inside: string | null): { nodes: Node[]; stop: 'end' | 'else' | null } => {
    const nodes: Node[] = [];
    while (pos < pieces.length) {
      const piece = pieces[pos++];
      if ('text' in piece) {
        if (piece.text) nodes.push({ type: 'text', text: piece.text });
        continue;
      }
      const body = piece.action.body;
      if (body === 'end' || body === 'else') {
        if (!inside) throw new Error(`"${body}" without an open block`);
        return { nodes, stop: body };
      }
      const define = /^define "([^"]+)"$/.exec(body);
      if (define) {
        const inner = parseBlock('define');
        if (inner.stop !== 'end') throw new Error(`define "${define[1]}" is not closed`);
        defines.set(define[1], inner.nodes);
        continue;
      }
      const cond = /^if (.+)$/.exec(body);
      if (cond) {
        const then = parseBlock('if');
        let otherwise: Node[] = [];
        if (then.stop === 'else') {
          const rest = parseBlock('if');
          if (rest.stop !== 'end') throw new Error(`if ${cond[1]} is not closed`);
          otherwise = rest.nodes;
        } else if (then.stop !== 'end') {
          throw new Error(`if ${cond[1]} is not closed`);
        }
        nodes.push({ type: 'if', cond: cond[1], then: then.nodes, otherwise });
        continue;
      }
      if (/^(range|with|template|block|else if)\b/.test(body) || body.includes(':=')) {
        throw new Error(`unsupported template construct: {{ ${body} }}`);
      }
      nodes.push({ type: 'output', expr: body });
    }
    if (inside) throw new Error(`${inside} block is not closed`);
    return { nodes, stop: null };
  };

  const { nodes } = parseBlock(null);
  return { nodes, defines };
};

const words = (command: string): string[] => {
  const out = command.match(/"(?:[^"\\]|\\.)*"|\S+/g);
  if (!out) throw new Error(`empty command in pipeline`);
  return out;
};

const literal = (word: string): string | undefined => (/^".*"$/.test(word) ? (JSON.parse(word) as string) : undefined);

const isTruthy = (value: unknown): boolean => {
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') return Object.keys(value).length > 0;
  return !!value;
};

const toText = (value: unknown, expr: string): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`{{ ${expr} }} prints a ${value === null ? 'null' : typeof value}: use toYaml`);
};

// Helm's toYaml drops the final newline.
const toYaml = (value: unknown): string => yaml.dump(value, { lineWidth: -1 }).replace(/\n$/, '');

// Sprig's indent pads after every newline, the last one included.
const indent = (n: number, text: string): string => {
  const pad = ' '.repeat(n);
  return pad + text.replace(/\n/g, `\n${pad}`);
};

export class Chart {
  private readonly defines = new Map<string, Node[]>();
  private readonly referencedValues = new Set<string>();

  constructor(private readonly dir: string) {
    const helpers = path.join(dir, 'templates', '_helpers.tpl');
    if (fs.existsSync(helpers)) {
      const parsed = parse(fs.readFileSync(helpers, 'utf8'));
      if (parsed.nodes.some((n) => n.type !== 'text' || n.text.trim())) {
        throw new Error('_helpers.tpl must contain only defines and comments');
      }
      parsed.defines.forEach((nodes, name) => this.defines.set(name, nodes));
    }
  }

  templateFiles(): string[] {
    return fs
      .readdirSync(path.join(this.dir, 'templates'))
      .filter((f) => !f.startsWith('_'))
      .sort();
  }

  /** Renders one file of templates/ to text. */
  renderText(file: string, scope: RenderScope): string {
    const parsed = parse(fs.readFileSync(path.join(this.dir, 'templates', file), 'utf8'));
    if (parsed.defines.size) throw new Error(`${file}: define blocks belong in _helpers.tpl`);
    return this.run(parsed.nodes, scope);
  }

  /** Renders one file of templates/ and parses every YAML document in it. */
  renderObjects(file: string, scope: RenderScope): Record<string, unknown>[] {
    return this.renderText(file, scope)
      .split(/^---[ \t]*$/m)
      .map((doc) => yaml.load(doc))
      .filter((doc): doc is Record<string, unknown> => doc !== null && doc !== undefined);
  }

  /** Every `.Values` path the rendered templates have looked up so far. */
  valuesUsed(): string[] {
    return [...this.referencedValues].sort();
  }

  private run(nodes: Node[], scope: RenderScope): string {
    return nodes
      .map((node) => {
        if (node.type === 'text') return node.text;
        if (node.type === 'if') return this.run(isTruthy(this.evalPipeline(node.cond, scope)) ? node.then : node.otherwise, scope);
        return toText(this.evalPipeline(node.expr, scope), node.expr);
      })
      .join('');
  }

  private lookup(ref: string, scope: RenderScope): unknown {
    const parts = ref.split('.').slice(1);
    const [root, ...rest] = parts;
    if (!['Values', 'Release', 'Chart'].includes(root)) throw new Error(`unsupported reference ${ref}`);
    if (root === 'Values') this.referencedValues.add(rest.join('.'));
    let value: unknown = scope[root as keyof RenderScope];
    for (const key of rest) {
      if (!value || typeof value !== 'object' || !(key in value)) throw new Error(`${ref} is not defined`);
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  }

  private evalArg(word: string, scope: RenderScope): unknown {
    const text = literal(word);
    if (text !== undefined) return text;
    if (/^\.[A-Z]\w*(\.\w+)*$/.test(word)) return this.lookup(word, scope);
    throw new Error(`unsupported argument ${word}`);
  }

  private evalPipeline(expr: string, scope: RenderScope): unknown {
    const [head, ...filters] = expr.split(/\s\|\s/);
    let value = this.evalHead(words(head), scope, expr);
    for (const filter of filters) {
      const [fn, ...args] = words(filter);
      if (fn === 'quote' && !args.length) value = JSON.stringify(toText(value, expr));
      else if (fn === 'toYaml' && !args.length) value = toYaml(value);
      else if ((fn === 'indent' || fn === 'nindent') && args.length === 1 && /^\d+$/.test(args[0])) {
        const text = indent(Number(args[0]), toText(value, expr));
        value = fn === 'nindent' ? `\n${text}` : text;
      } else throw new Error(`unsupported function in {{ ${expr} }}`);
    }
    return value;
  }

  private evalHead(command: string[], scope: RenderScope, expr: string): unknown {
    const [fn, ...args] = command;
    if (command.length === 1) return this.evalArg(fn, scope);
    if (fn === 'include' && args.length === 2 && args[1] === '.') {
      const name = literal(args[0]);
      const body = name !== undefined ? this.defines.get(name) : undefined;
      if (!body) throw new Error(`include of unknown template ${args[0]}`);
      return this.run(body, scope);
    }
    if (fn === '.Files.Get' && args.length === 1 && literal(args[0]) !== undefined) {
      const file = path.join(this.dir, literal(args[0]) as string);
      if (!file.startsWith(this.dir + path.sep) || file.startsWith(path.join(this.dir, 'templates') + path.sep)) {
        throw new Error(`.Files.Get outside the chart's files: ${args[0]}`);
      }
      // Helm gives an empty string for a missing file; a typo must not pass silently.
      if (!fs.existsSync(file)) throw new Error(`.Files.Get of missing file ${args[0]}`);
      return fs.readFileSync(file, 'utf8');
    }
    if (fn === 'toYaml' && args.length === 1) return toYaml(this.evalArg(args[0], scope));
    if (fn === 'quote' && args.length === 1) return JSON.stringify(toText(this.evalArg(args[0], scope), expr));
    throw new Error(`unsupported template construct: {{ ${expr} }}`);
  }
}
