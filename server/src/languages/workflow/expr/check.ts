/** Type checking of parsed expressions: contexts, properties, functions and where they may be used. */
import type { ExprSite, WorkflowModel } from '../parse';
import type { Expr } from './parser';
import { ANY, BOOL, NULL, NUMBER, STRING, contextType, show, type Ty, CONTEXT_NAMES } from './types';
import { nearest } from '../../../text/nearest';

export type ExprIssueKind =
  | 'syntax'
  | 'undefined-context'
  | 'unavailable-context'
  | 'unknown-property'
  | 'unknown-function'
  | 'arity'
  | 'unavailable-function'
  | 'type'
  | 'format';
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
  min: number;
  max: number;
  result: Ty;
  doc: string;
  signature: string;
}
export const FUNCTIONS: Record<string, FunctionSig> = {
  contains: {
    min: 2,
    max: 2,
    result: BOOL,
    signature: 'contains(search, item)',
    doc: 'true when the string contains the substring, or the array contains the item (case-insensitive).',
  },
  startswith: {
    min: 2,
    max: 2,
    result: BOOL,
    signature: 'startsWith(searchString, searchValue)',
    doc: 'true when the string starts with the value (case-insensitive).',
  },
  endswith: {
    min: 2,
    max: 2,
    result: BOOL,
    signature: 'endsWith(searchString, searchValue)',
    doc: 'true when the string ends with the value (case-insensitive).',
  },
  format: {
    min: 1,
    max: Infinity,
    result: STRING,
    signature: 'format(string, replaceValue0, ...)',
    doc: 'Replaces `{0}`, `{1}`, ... in the string with the values; `{{` and `}}` escape braces.',
  },
  join: {
    min: 1,
    max: 2,
    result: STRING,
    signature: 'join(array, optionalSeparator)',
    doc: "Joins the array's items with the separator (default `,`).",
  },
  tojson: { min: 1, max: 1, result: STRING, signature: 'toJSON(value)', doc: 'The value as pretty-printed JSON.' },
  fromjson: { min: 1, max: 1, result: ANY, signature: 'fromJSON(value)', doc: 'Parses a JSON string into a value.' },
  hashfiles: {
    min: 1,
    max: 255,
    result: STRING,
    signature: 'hashFiles(path, ...)',
    doc: 'A SHA-256 hash of the files matching the glob patterns (in the workspace).',
  },
  success: {
    min: 0,
    max: 0,
    result: BOOL,
    signature: 'success()',
    doc: 'true when no earlier step (or needed job) failed or was cancelled.',
  },
  always: { min: 0, max: 0, result: BOOL, signature: 'always()', doc: 'Always true, even when cancelled.' },
  cancelled: { min: 0, max: 0, result: BOOL, signature: 'cancelled()', doc: 'true when the workflow was cancelled.' },
  failure: {
    min: 0,
    max: Infinity,
    result: BOOL,
    signature: 'failure()',
    doc: 'true when an earlier step (or needed job) failed.',
  },
  case: {
    min: 3,
    max: Infinity,
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
const STATUS = new Set(['success', 'always', 'cancelled', 'failure']);

/** Checks every expression of the workflow once; the result is cached on the model. */
export function checkExpressions(model: WorkflowModel): ExprIssue[] {
  const cached = model.cache.get('exprIssues') as ExprIssue[] | undefined;
  if (cached) return cached;
  const issues: ExprIssue[] = [];
  const ctxCache = new Map<string, Ty>();
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
    const base = site.start;
    const report = (kind: ExprIssueKind, e: { start: number; end: number }, message: string, replacement?: string) => {
      issues.push({
        kind,
        start: base + e.start,
        end: base + e.end,
        message: replacement ? `${message}; did you mean "${replacement}"?` : message,
        site,
        ...(replacement ? { replacement } : {}),
      });
    };
    const ctxOf = (name: string): Ty => {
      const key = `${name}|${site.job?.id ?? ''}|${name === 'steps' ? (site.step?.index ?? '') : ''}`;
      let t = ctxCache.get(key);
      if (!t) {
        t = contextType(name, { model, job: site.job, step: site.step });
        ctxCache.set(key, t);
      }
      return t;
    };
    const visit = (e: Expr): Ty => {
      switch (e.kind) {
        case 'null':
          return NULL;
        case 'bool':
          return BOOL;
        case 'number':
          return NUMBER;
        case 'string':
          return STRING;
        case 'var': {
          const name = e.name.toLowerCase();
          if (!CONTEXT_NAMES.includes(name)) {
            report(
              'undefined-context',
              e,
              `undefined context "${e.name}"; available here: ${site.av.contexts.join(', ')}`,
              nearest(e.name, site.av.contexts),
            );
            return ANY;
          }
          if (!site.av.contexts.includes(name)) {
            report(
              'unavailable-context',
              e,
              `context "${e.name}" is not available in ${placeOf(site.path)}; available ` +
                `here: ${site.av.contexts.join(', ') || 'none'}`,
            );
            return ANY;
          }
          return ctxOf(name);
        }
        case 'prop': {
          const t = visit(e.object);
          if (e.object.kind === 'var' && t.k === 'object' && t.strict && !t.props.has(e.name.toLowerCase())) {
            const known = [...t.props.keys()];
            const special = missingMessage(e.object.name.toLowerCase(), e.name, known);
            if (special) {
              report('unknown-property', { start: e.nameStart, end: e.end }, special, nearest(e.name, known));
              return ANY;
            }
          }
          return access(t, e.name, { start: e.nameStart, end: e.end });
        }
        case 'index': {
          const t = visit(e.object);
          const it = visit(e.index);
          if (e.index.kind === 'string') return access(t, e.index.value, e.index);
          if (t.k === 'array') return t.elem;
          if (t.k === 'object') return t.values ?? ANY;
          if (t.k !== 'any' && t.k !== 'null')
            report('type', e.index, `index access on ${show(t)}, which is neither an object nor an array`);
          void it;
          return ANY;
        }
        case 'filter': {
          const t = visit(e.object);
          if (t.k === 'array') return { k: 'array', elem: t.elem };
          if (t.k === 'object') {
            const vals = [...t.props.values()];
            const elem = t.values ?? (vals.length ? vals[0] : ANY);
            return { k: 'array', elem };
          }
          if (t.k !== 'any') report('type', e, `"*" filter on ${show(t)}, which is neither an object nor an array`);
          return { k: 'array', elem: ANY };
        }
        case 'not':
          visit(e.operand);
          return BOOL;
        case 'binary': {
          const l = visit(e.left),
            r = visit(e.right);
          if (e.op === '&&' || e.op === '||') return l.k === r.k ? l : ANY;
          if (['<', '<=', '>', '>='].includes(e.op)) {
            for (const [t, side] of [
              [l, e.left],
              [r, e.right],
            ] as const)
              if (t.k === 'object' || t.k === 'array')
                report(
                  'type',
                  side,
                  `"${e.op}" compares ${show(t)}; only numbers, strings, booleans and null can be compared`,
                );
          }
          return BOOL;
        }
        case 'call': {
          const name = e.name.toLowerCase();
          const sig = FUNCTIONS[name];
          const argTypes = e.args.map(visit);
          if (!sig) {
            report(
              'unknown-function',
              { start: e.start, end: e.start + e.name.length },
              `undefined function "${e.name}"; the functions are ${Object.values(FUNCTION_NAMES).join(', ')}`,
              nearest(e.name, Object.values(FUNCTION_NAMES)),
            );
            return ANY;
          }
          const special = site.av.functions.get(name);
          if (STATUS.has(name) && !special)
            report(
              'unavailable-function',
              { start: e.start, end: e.start + e.name.length },
              `"${FUNCTION_NAMES[name]}()" is only available in "if:" conditions of jobs and steps`,
            );
          if (name === 'hashfiles' && !special)
            report(
              'unavailable-function',
              { start: e.start, end: e.start + e.name.length },
              `"hashFiles()" is only available in steps, not in ${placeOf(site.path)}`,
            );
          const maxOk = special ? special.max : sig.max;
          if (e.args.length < sig.min || e.args.length > maxOk) {
            const want =
              sig.min === maxOk ? `${sig.min}` : maxOk === Infinity ? `at least ${sig.min}` : `${sig.min} to ${maxOk}`;
            report(
              'arity',
              { start: e.start, end: e.end },
              `"${FUNCTION_NAMES[name]}" takes ${want} ` +
                `argument${want === '1' ? '' : 's'} but is given ${e.args.length}`,
            );
          } else if (name === 'format' && e.args[0].kind === 'string') {
            checkFormat(e.args[0].value, e.args.length - 1, (msg) => report('format', e.args[0], msg));
          } else if (name === 'case' && e.args.length % 2 === 0) {
            report('arity', e, '"case" takes predicate/value pairs followed by a default: an odd number of arguments');
          }
          if (
            (name === 'contains' || name === 'startswith' || name === 'endswith') &&
            argTypes[1] &&
            (argTypes[1].k === 'object' || argTypes[1].k === 'array')
          ) {
            report(
              'type',
              e.args[1],
              `the second argument of "${FUNCTION_NAMES[name]}" is ` +
                `${show(argTypes[1])}; a string, number or boolean is expected`,
            );
          }
          if (name === 'fromjson' && e.args[0]?.kind === 'string') {
            try {
              JSON.parse(e.args[0].value);
            } catch {
              report('type', e.args[0], 'the argument of "fromJSON" is not valid JSON');
            }
          }
          return sig.result;
        }
      }
    };
    const access = (t: Ty, name: string, range: { start: number; end: number }): Ty => {
      if (t.k === 'any') return ANY;
      if (t.k === 'object') {
        const p = t.props.get(name.toLowerCase());
        if (p) return p;
        if (!t.strict) return t.values ?? ANY;
        const known = [...t.props.keys()];
        report(
          'unknown-property',
          range,
          `property "${name}" is not defined in ${show(t)}${known.length ? '' : ' (nothing is defined here)'}`,
          nearest(name, known),
        );
        return ANY;
      }
      if (t.k === 'array') {
        // Property access on an array of objects maps over it (like a filter).
        if (t.elem.k === 'object' || t.elem.k === 'any') return { k: 'array', elem: access(t.elem, name, range) };
      }
      if (t.k === 'null') return NULL;
      report('type', range, `property "${name}" is read from ${show(t)}, which has no properties`);
      return ANY;
    };
    visit(site.expr);
  }
  model.cache.set('exprIssues', issues);
  return issues;
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
    case 'jobs':
      return `job "${name}" does not exist (jobs: ${list})`;
  }
  return undefined;
}

/** Checks `{N}` placeholders of a format string against the number of values. */
export function checkFormat(fmt: string, values: number, report: (message: string) => void) {
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
        report(`format string has an unescaped "{" at ${i}; write "{{" for a literal brace`);
        return;
      }
      used.add(Number(m[1]));
      i += m[0].length - 1;
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        i++;
        continue;
      }
      report(`format string has an unescaped "}" at ${i}; write "}}" for a literal brace`);
      return;
    }
  }
  for (const n of used)
    if (n >= values) {
      report(`format string uses {${n}} but only ${values} value${values === 1 ? ' is' : 's are'} given`);
      return;
    }
  for (let n = 0; n < values; n++)
    if (!used.has(n)) {
      report(`format string does not use {${n}}, so value ${n + 1} is unused`);
      return;
    }
}
