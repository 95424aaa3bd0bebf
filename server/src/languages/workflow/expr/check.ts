/**
 * Type checking of parsed expressions: contexts and where they may be used (the schema's context lists), properties
 * of typed contexts, functions (GitHub's argument counts, then the argument types they make sense with), comparisons
 * of incompatible types, and what a `${{ }}` gives where it stands (an object in a string, a string where `env:`
 * needs a mapping).
 */
import type { ExprSite, WorkflowModel } from '../parse';
import type { Expr } from './parser';
import {
  ANY,
  BOOL,
  NULL,
  NUMBER,
  STRING,
  array,
  assignable,
  fuse,
  show,
  typeOfJSON,
  CONTEXT_NAMES,
  Typing,
  type Ty,
  type TypingEnv,
} from './types';
import { def } from '../schema';
import { nearest } from '../../../text/nearest';

export type ExprIssueKind =
  | 'syntax'
  | 'undefined-context'
  | 'unavailable-context'
  | 'unknown-property'
  | 'unknown-function'
  | 'arity'
  | 'unavailable-function'
  | 'format'
  | 'fromjson'
  | 'type';
export interface ExprIssue {
  kind: ExprIssueKind;
  start: number;
  end: number;
  message: string;
  site: ExprSite;
  /** The nearest existing name, when a misspelt one was read: it replaces [start, end). */
  replacement?: string;
}

export interface FunctionSig {
  /** GitHub's argument counts (more or fewer and the workflow is rejected). */
  min: number;
  max: number;
  /** Argument types that make sense, by overload (the last type of a variadic overload repeats). */
  params: Ty[][];
  variadic?: boolean;
  result: Ty;
  doc: string;
  signature: string;
}
const ARRAY_ANY = array(ANY);
const ARRAY_STRING = array(STRING);
export const FUNCTIONS: Record<string, FunctionSig> = {
  contains: {
    min: 2,
    max: 2,
    params: [
      [STRING, STRING],
      [ARRAY_ANY, ANY],
    ],
    result: BOOL,
    signature: 'contains(search, item)',
    doc: 'true when the string contains the substring, or the array contains the item (case-insensitive).',
  },
  startswith: {
    min: 2,
    max: 2,
    params: [[STRING, STRING]],
    result: BOOL,
    signature: 'startsWith(searchString, searchValue)',
    doc: 'true when the string starts with the value (case-insensitive).',
  },
  endswith: {
    min: 2,
    max: 2,
    params: [[STRING, STRING]],
    result: BOOL,
    signature: 'endsWith(searchString, searchValue)',
    doc: 'true when the string ends with the value (case-insensitive).',
  },
  format: {
    min: 1,
    max: 255,
    params: [[STRING, ANY]],
    variadic: true,
    result: STRING,
    signature: 'format(string, replaceValue0, ...)',
    doc: 'Replaces `{0}`, `{1}`, ... in the string with the values; `{{` and `}}` escape braces.',
  },
  join: {
    min: 1,
    max: 2,
    params: [[ARRAY_STRING, STRING], [ARRAY_STRING]],
    result: STRING,
    signature: 'join(array, optionalSeparator)',
    doc: "Joins the array's items with the separator (default `,`).",
  },
  tojson: {
    min: 1,
    max: 1,
    params: [[ANY]],
    result: STRING,
    signature: 'toJSON(value)',
    doc: 'The value as pretty-printed JSON.',
  },
  fromjson: {
    min: 1,
    max: 1,
    params: [[STRING]],
    result: ANY,
    signature: 'fromJSON(value)',
    doc: 'Parses a JSON string into a value.',
  },
  hashfiles: {
    min: 1,
    max: 255,
    params: [[STRING]],
    variadic: true,
    result: STRING,
    signature: 'hashFiles(path, ...)',
    doc: 'A SHA-256 hash of the files matching the glob patterns (in the workspace).',
  },
  success: {
    min: 0,
    max: 0,
    params: [[]],
    result: BOOL,
    signature: 'success()',
    doc: 'true when no earlier step (or needed job) failed or was cancelled.',
  },
  always: {
    min: 0,
    max: 0,
    params: [[]],
    result: BOOL,
    signature: 'always()',
    doc: 'Always true, even when cancelled.',
  },
  cancelled: {
    min: 0,
    max: 0,
    params: [[]],
    result: BOOL,
    signature: 'cancelled()',
    doc: 'true when the workflow was cancelled.',
  },
  failure: {
    min: 0,
    max: 0,
    params: [[]],
    result: BOOL,
    signature: 'failure()',
    doc: 'true when an earlier step (or needed job) failed.',
  },
  case: {
    min: 3,
    max: 255,
    params: [[BOOL, ANY, ANY]],
    variadic: true,
    result: ANY,
    signature: 'case(pred1, val1, ..., default)',
    doc: 'The value after the first true predicate, else the default.',
  },
};
export const FUNCTION_NAMES: Record<string, string> = {
  contains: 'contains',
  startswith: 'startsWith',
  endswith: 'endsWith',
  format: 'format',
  join: 'join',
  tojson: 'toJSON',
  fromjson: 'fromJSON',
  hashfiles: 'hashFiles',
  success: 'success',
  always: 'always',
  cancelled: 'cancelled',
  failure: 'failure',
  case: 'case',
};
const SPECIAL = new Set(['success', 'always', 'cancelled', 'failure', 'hashfiles']);
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

const ACCEPTED = new Map<string, Set<Ty['k']> | undefined>();
/** What a place of the workflow accepts when its whole value is one `${{ }}`, from the schema; undefined: a string. */
function acceptedKinds(definition: string): Set<Ty['k']> | undefined {
  if (ACCEPTED.has(definition)) return ACCEPTED.get(definition);
  const kinds = computeKinds(definition);
  ACCEPTED.set(definition, kinds);
  return kinds;
}
function computeKinds(definition: string): Set<Ty['k']> | undefined {
  const d = def(definition);
  const kinds = new Set<Ty['k']>();
  if (d.mappings.length) kinds.add('object');
  if (d.sequence) kinds.add('array');
  for (const f of d.scalars) {
    if (f.kind === 'boolean') kinds.add('bool');
    else if (f.kind === 'number') kinds.add('number');
    else if (f.kind === 'string') kinds.add('string');
  }
  // Only a place that takes something other than a string has anything to say beyond the template check.
  if (!kinds.size || (kinds.size === 1 && kinds.has('string'))) return undefined;
  if (kinds.has('string')) kinds.add('number');
  return kinds;
}
const KIND_WORDS: Record<string, string> = {
  object: 'a mapping (object)',
  array: 'a sequence (array)',
  bool: 'a boolean',
  number: 'a number',
  string: 'a string',
};

export interface ExpressionCheck {
  issues: ExprIssue[];
  /** The type each well-formed expression gives. */
  types: Map<ExprSite, Ty>;
}

/** Checks every expression of the workflow once (share the result through `ctx.once`). */
export function checkExpressions(model: WorkflowModel, env: TypingEnv = {}): ExpressionCheck {
  const issues: ExprIssue[] = [];
  const types = new Map<ExprSite, Ty>();
  const whole = new Map<object, boolean>();
  const typing = new Typing(model, env);
  for (const site of model.expressions) {
    if (site.error) {
      issues.push({
        kind: 'syntax',
        start: site.start + site.error.start,
        end: site.start + Math.max(site.error.end, site.error.start + 1),
        message: site.error.message,
        site,
      });
      continue;
    }
    if (!site.expr) continue;
    const result = new SiteChecker(site, typing, issues).visit(site.expr);
    types.set(site, result);
    placeCheck(site, result, issues, whole);
  }
  return { issues, types };
}

/** What the value of a whole `${{ }}` must be where it stands. */
function placeCheck(site: ExprSite, t: Ty, issues: ExprIssue[], whole: Map<object, boolean>) {
  if (!site.wrapped || site.isIf || t.k === 'any' || t.k === 'string' || t.k === 'number') {
    // A string or a number fits a text; elsewhere only the whole-expression case below has anything to say.
    if (!site.wrapped || site.isIf || t.k === 'any' || !isWhole(site, whole)) return;
  }
  const report = (message: string) =>
    issues.push({ kind: 'type', start: site.outerStart, end: site.outerEnd, message, site });
  const kinds = isWhole(site, whole) ? acceptedKinds(site.definition) : undefined;
  if (kinds) {
    if (!kinds.has(t.k))
      report(
        `${placeName(site)} must be ${[...kinds]
          .filter((k) => k !== 'number' || !kinds.has('string'))
          .map((k) => KIND_WORDS[k])
          .join(' or ')}, but this expression gives ${show(t)}`,
      );
    return;
  }
  if (t.k === 'object' || t.k === 'array' || t.k === 'null')
    report(
      `this expression gives ${t.k === 'null' ? 'null' : show(t)}, which becomes ` +
        `${t.k === 'null' ? 'an empty string' : `"${t.k === 'array' ? 'Array' : 'Object'}"`} in the text; ` +
        'use toJSON() or a property of it',
    );
}

/** Whether the site's scalar is exactly one `${{ }}` (decided once per scalar of a check: a script holds many sites). */
function isWhole(site: ExprSite, seen: Map<object, boolean>): boolean {
  const s = site.scalar;
  let w = seen.get(s);
  if (w === undefined) {
    const v = s.value.trim();
    w = v.startsWith('${{') && v.endsWith('}}') && v.indexOf('${{', 3) < 0;
    seen.set(s, w);
  }
  return w;
}

function placeName(site: ExprSite): string {
  return `"${site.key || 'the value'}"`;
}

class SiteChecker {
  private readonly base: number;
  constructor(
    private readonly site: ExprSite,
    private readonly typing: Typing,
    private readonly issues: ExprIssue[],
  ) {
    this.base = site.start;
  }

  report(kind: ExprIssueKind, e: { start: number; end: number }, message: string, replacement?: string) {
    this.issues.push({
      kind,
      start: this.base + e.start,
      end: this.base + Math.max(e.end, e.start + 1),
      message: replacement ? `${message}; did you mean "${replacement}"?` : message,
      site: this.site,
      ...(replacement ? { replacement } : {}),
    });
  }

  visit(e: Expr): Ty {
    switch (e.kind) {
      case 'null':
        return NULL;
      case 'bool':
        return BOOL;
      case 'number':
        return NUMBER;
      case 'string':
        return STRING;
      case 'var':
        return this.variable(e);
      case 'prop': {
        const t = this.visit(e.object);
        return this.access(
          t,
          e.name,
          { start: e.nameStart, end: e.end },
          e.object.kind === 'var' ? e.object : undefined,
        );
      }
      case 'index':
        return this.index(e);
      case 'filter':
        return this.filter(this.visit(e.object), e);
      case 'not':
        this.visit(e.operand);
        return BOOL;
      case 'binary':
        return this.binary(e);
      case 'call':
        return this.call(e);
    }
  }

  variable(e: Expr & { kind: 'var' }): Ty {
    const site = this.site;
    const name = e.name.toLowerCase();
    if (!CONTEXT_NAMES.includes(name)) {
      this.report(
        'undefined-context',
        e,
        `undefined context "${e.name}"; available here: ${site.av.contexts.join(', ') || 'none'}`,
        nearest(e.name, site.av.contexts as string[]),
      );
      return ANY;
    }
    if (!site.av.contexts.includes(name)) {
      this.report(
        'unavailable-context',
        e,
        `context "${e.name}" is not available in ${placeOf(site.path)}; available ` +
          `here: ${site.av.contexts.join(', ') || 'none'}`,
      );
      return ANY;
    }
    return this.typing.context(name, site.job, site.step);
  }

  access(t: Ty, name: string, range: { start: number; end: number }, context?: { name: string }): Ty {
    switch (t.k) {
      case 'any':
        return ANY;
      case 'object': {
        const p = t.props.get(name.toLowerCase());
        if (p) return p;
        if (!t.strict) return t.values ?? ANY;
        const known = [...t.props.keys()];
        const special = context ? missingMessage(context.name.toLowerCase(), name, known) : undefined;
        this.report(
          'unknown-property',
          range,
          special ??
            `property "${name}" is not defined in ${show(t)}${known.length ? '' : ' (nothing is defined here)'}`,
          nearest(name, known),
        );
        return ANY;
      }
      case 'array': {
        if (!t.deref) {
          this.report('type', range, `"${name}" is read from ${show(t)}; an array has no properties (index it first)`);
          return ANY;
        }
        const el = t.elem;
        if (el.k === 'any') return t;
        if (el.k === 'object') return array(this.access(el, name, range), true);
        this.report('type', range, `the filtered elements are ${show(el)}, which have no property "${name}"`);
        return ANY;
      }
      default:
        this.report('type', range, `property "${name}" is read from ${show(t)}, which has no properties`);
        return ANY;
    }
  }

  index(e: Expr & { kind: 'index' }): Ty {
    const it = this.visit(e.index);
    const t = this.visit(e.object);
    switch (t.k) {
      case 'any':
        return ANY;
      case 'array':
        if (it.k === 'any' || it.k === 'number') return t.elem;
        this.report('type', e.index, `an array is indexed with a number, not ${show(it)}`);
        return ANY;
      case 'object':
        if (it.k === 'any') return ANY;
        if (it.k === 'string') {
          if (e.index.kind === 'string')
            return this.access(t, e.index.value, e.index, e.object.kind === 'var' ? e.object : undefined);
          return t.values ?? ANY;
        }
        this.report('type', e.index, `an object's properties are read with a string, not ${show(it)}`);
        return ANY;
      default:
        this.report('type', e, `index access on ${show(t)}, which is neither an object nor an array`);
        return ANY;
    }
  }

  filter(t: Ty, e: Expr): Ty {
    switch (t.k) {
      case 'any':
        return array(ANY, true);
      case 'array':
        return array(t.elem, true);
      case 'object': {
        if (!t.strict || t.values) {
          const v = t.values ?? ANY;
          if (v.k === 'any' || v.k === 'object') return array(v, true);
          this.report('type', e, `"*" filters the values of ${show(t)}, which are ${show(v)}, not objects`);
          return ANY;
        }
        const vals = [...t.props.values()];
        if (vals.some((v) => v.k === 'object')) return array(vals.length === 1 ? vals[0] : ANY, true);
        this.report('type', e, `"*" filter on ${show(t)}, which holds no object`);
        return ANY;
      }
      default:
        this.report('type', e, `"*" filter on ${show(t)}, which is neither an object nor an array`);
        return ANY;
    }
  }

  binary(e: Expr & { kind: 'binary' }): Ty {
    const l = this.visit(e.left);
    const r = this.visit(e.right);
    if (e.op === '&&' || e.op === '||') return fuse(l, r);
    if (!comparable(e.op, l, r))
      this.report(
        'type',
        e,
        `${show(l)} is compared with ${show(r)} using "${e.op}"` +
          (e.op === '==' || e.op === '!='
            ? ', which is never equal'
            : '; "<", "<=", ">" and ">=" compare numbers and strings only'),
      );
    return BOOL;
  }

  call(e: Expr & { kind: 'call' }): Ty {
    const site = this.site;
    const name = e.name.toLowerCase();
    const sig = FUNCTIONS[name];
    const args = e.args.map((a) => this.visit(a));
    const nameRange = { start: e.start, end: e.start + e.name.length };
    if (!sig) {
      this.report(
        'unknown-function',
        nameRange,
        `undefined function "${e.name}"; the functions are ${Object.values(FUNCTION_NAMES).join(', ')}`,
        nearest(e.name, Object.values(FUNCTION_NAMES)),
      );
      return ANY;
    }
    const special = SPECIAL.has(name) ? site.av.functions.get(name) : undefined;
    if (SPECIAL.has(name) && !special) {
      this.report(
        'unavailable-function',
        nameRange,
        name === 'hashfiles'
          ? `"hashFiles()" is only available in steps, not in ${placeOf(site.path)}`
          : `"${FUNCTION_NAMES[name]}()" is only available in "if:" conditions of jobs and steps`,
      );
    }
    const min = special ? special.min : sig.min;
    const max = special ? special.max : sig.max;
    if (e.args.length < min || e.args.length > max) {
      const want = min === max ? `${min}` : max >= 255 ? `at least ${min}` : `${min} to ${max}`;
      this.report(
        'arity',
        e,
        `"${FUNCTION_NAMES[name]}" takes ${want} argument${want === '1' ? '' : 's'} but is given ${e.args.length}`,
      );
      return sig.result;
    }
    if (name === 'case' && e.args.length % 2 === 0) {
      this.report('arity', e, '"case" takes predicate/value pairs followed by a default: an odd number of arguments');
      return sig.result;
    }
    this.argumentTypes(e, sig, args);
    if (name === 'format' && e.args[0].kind === 'string') {
      const first = e.args[0];
      if (e.args.length === 1)
        this.report('type', e, 'format() with no value only unescapes "{{" and "}}"; write the string itself');
      else
        checkFormat(first.value, e.args.length - 1, (msg, missing) =>
          this.report(missing ? 'format' : 'type', first, msg),
        );
    }
    if (name === 'fromjson' && e.args[0]?.kind === 'string') {
      try {
        return typeOfJSON(JSON.parse(e.args[0].value));
      } catch (err) {
        this.report('fromjson', e.args[0], `the argument of "fromJSON" is not valid JSON: ${(err as Error).message}`);
      }
    }
    if (name === 'case')
      return e.args.length ? args.filter((_, i) => i % 2 === 1 || i === args.length - 1).reduce(fuse) : ANY;
    return sig.result;
  }

  /** Arguments that match no overload of the function: reported against the overload with the same arity. */
  argumentTypes(e: Expr & { kind: 'call' }, sig: FunctionSig, args: Ty[]) {
    const fits = (params: Ty[]) => {
      if (!sig.variadic && params.length !== args.length) return -2;
      for (let i = 0; i < args.length; i++) {
        const p = params[Math.min(i, params.length - 1)];
        if (!assignable(p, args[i])) return i;
      }
      return -1;
    };
    let bad: { at: number; params: Ty[] } | undefined;
    for (const params of sig.params) {
      const r = fits(params);
      if (r === -1) return;
      if (r >= 0 && !bad) bad = { at: r, params };
    }
    if (!bad) return;
    const p = bad.params[Math.min(bad.at, bad.params.length - 1)];
    const nameOf = FUNCTION_NAMES[e.name.toLowerCase()];
    this.report(
      'type',
      e.args[bad.at],
      `the ${ORDINAL[bad.at] ?? `${bad.at + 1}th`} argument of "${nameOf}" is ${show(args[bad.at])}; ` +
        `${show(p)} is expected`,
    );
  }
}

/** Whether two types can be compared with the operator and the result depend on the values (GitHub's coercions). */
function comparable(op: string, l: Ty, r: Ty): boolean {
  const scalar = (t: Ty) => t.k === 'number' || t.k === 'bool' || t.k === 'string';
  if (op === '==' || op === '!=') {
    if (l.k === 'any' || r.k === 'any' || l.k === 'null' || r.k === 'null') return true;
    if (scalar(l)) return r.k !== 'object' && r.k !== 'array';
    if (l.k === 'object') return r.k === 'object';
    if (l.k === 'array') return r.k === 'array' && comparable(op, l.elem, r.elem);
    return true;
  }
  const orderable = (t: Ty) => t.k === 'any' || t.k === 'number' || t.k === 'string';
  return orderable(l) && orderable(r);
}

/** A place of the workflow in words, from a value's path: `jobs.<job_id>.steps.with`. */
export function placeOf(path: string): string {
  if (!path) return 'the workflow';
  const parts = path.replace(/\[\d+\]/g, '').split('.');
  if (parts[0] === 'jobs' && parts.length > 1) parts[1] = '<job_id>';
  if (parts[0] === 'on' && parts[2] === 'inputs' && parts.length > 3) parts[3] = '<input_id>';
  if (parts[0] === 'on' && parts[2] === 'outputs' && parts.length > 3) parts[3] = '<output_id>';
  const w = parts.indexOf('with');
  if (w > 0 && parts.length > w + 1) parts.length = w + 1;
  const env = parts.indexOf('env');
  if (env >= 0 && parts.length > env + 1) parts.length = env + 1;
  return parts.join('.');
}

/** Clearer words for the contexts typed from the workflow. */
function missingMessage(context: string, name: string, known: string[]): string | undefined {
  const list = known.length ? known.map((k) => `"${k}"`).join(', ') : 'none';
  switch (context) {
    case 'steps':
      return `no step with id "${name}" runs before this point in the job (step ids before it: ${list})`;
    case 'needs':
      return `job "${name}" is not in this job's "needs:" (needed jobs: ${list})`;
    case 'matrix':
      return known.length
        ? `matrix has no key "${name}" (keys: ${list})`
        : `matrix has no key "${name}": the job has no matrix strategy`;
    case 'inputs':
      return known.length
        ? `input "${name}" is not defined (inputs: ${list})`
        : `input "${name}" is not defined: the workflow declares no workflow_dispatch or workflow_call inputs`;
    case 'secrets':
      return `secret "${name}" is not declared in on.workflow_call.secrets (declared: ${list})`;
    case 'jobs':
      return `job "${name}" does not exist (jobs: ${list})`;
  }
  return undefined;
}

/**
 * Checks `{N}` placeholders of a format string against the number of values: `missing` when a placeholder has no
 * value or the string is malformed (GitHub fails the run), else a value no placeholder uses.
 */
export function checkFormat(fmt: string, values: number, report: (message: string, missing: boolean) => void) {
  const used = new Set<number>();
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        i++;
        continue;
      }
      const m = /^\{(\d+)\}/.exec(fmt.slice(i));
      if (!m) {
        report(`format string has an unescaped "{" at ${i}; write "{{" for a literal brace`, true);
        return;
      }
      used.add(Number(m[1]));
      i += m[0].length - 1;
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        i++;
        continue;
      }
      report(`format string has an unescaped "}" at ${i}; write "}}" for a literal brace`, true);
      return;
    }
  }
  for (const n of used)
    if (n >= values) {
      report(`format string uses {${n}} but only ${values} value${values === 1 ? ' is' : 's are'} given`, true);
      return;
    }
  for (let n = 0; n < values; n++)
    if (!used.has(n)) {
      report(`format string does not use {${n}}, so value ${n + 1} is unused`, false);
      return;
    }
}

type CheckContext = {
  model: WorkflowModel;
  path: string;
  workspace: TypingEnv['workspace'];
  once<T>(key: string, compute: () => T): T;
};
/** The expressions of the document being checked, checked once per check and shared by the rules. */
export function expressionCheck(ctx: CheckContext): ExpressionCheck {
  return ctx.once('workflow:expressions', () =>
    checkExpressions(ctx.model, { path: ctx.path, workspace: ctx.workspace }),
  );
}
export function expressionIssues(ctx: CheckContext): ExprIssue[] {
  return expressionCheck(ctx).issues;
}
