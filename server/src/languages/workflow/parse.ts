/**
 * Workflow text → a typed model that keeps source offsets: triggers, jobs, steps and every `${{ }}`
 * expression with the contexts available where it stands. One schema-directed walk also records
 * key and type problems for the rules. Never throws.
 */
import { parseDocument, isScalar, isMap, isSeq, type Scalar, type Document } from 'yaml';
import type { ParseProblem } from '../../engine/types';
import {
  asMap,
  asScalar,
  asSeq,
  deref,
  entries,
  entry,
  shapeOf,
  nodeRange,
  scalarText,
  type Entry,
  type YMap,
} from '../../yaml/view';
import { nearest } from '../../text/nearest';
import {
  AV,
  CALLER_JOB_KEYS,
  CALL_INPUT,
  CALL_OUTPUT,
  CALL_SECRET,
  DISPATCH_INPUT,
  EVENTS,
  FILTER_DOCS,
  JOB_PROPS,
  NORMAL_ONLY_JOB_KEYS,
  ROOT_PROPS,
  RUN_ONLY_KEYS,
  STEP_PROPS,
  type Availability,
  type Prop,
  type ValueType,
} from './schema';
import { fastParseDocument } from '../../yaml/fast';
import { parseExpression, type Expr, type ExprError } from './expr/parser';

/** A scalar with its value and the source range of the whole scalar (quotes included). */
export interface Str {
  value: string;
  start: number;
  end: number;
  node: Scalar;
}

export interface ExprSite {
  /** Offsets of the expression's source (inside `${{ }}` when wrapped). */
  start: number;
  end: number;
  src: string;
  expr?: Expr;
  error?: ExprError;
  av: Availability;
  /** The `if:` condition (whole scalar is an expression even without `${{ }}`). */
  isIf: boolean;
  /** The key the value belongs to (last path element), e.g. `run`, `if`, `with.foo`. */
  key: string;
  path: string;
  scalar: Str;
  job?: Job;
  step?: Step;
  /** Whether the expression was written inside `${{ }}`. */
  wrapped: boolean;
  /** Offsets of the whole `${{ ... }}` (or the bare condition). */
  outerStart: number;
  outerEnd: number;
}

export interface Step {
  index: number;
  node: YMap;
  start: number;
  end: number;
  job: Job;
  id?: Str;
  name?: Str;
  uses?: Str;
  run?: Str;
  shell?: Str;
  if?: Str;
  with?: YMap;
  withEntries: Entry[];
  env?: YMap;
}

export interface Job {
  id: string;
  keyStart: number;
  keyEnd: number;
  node?: YMap;
  needs: Str[];
  needsNode?: unknown;
  steps: Step[];
  /** The reusable workflow this job calls (`jobs.<id>.uses`). */
  uses?: Str;
  outputs: Entry[];
  /** Matrix keys when the matrix is written out; undefined when it is an expression or absent. */
  matrixKeys?: Set<string>;
  matrixDynamic: boolean;
  hasStrategy: boolean;
  runsOn?: unknown;
  with?: YMap;
  secrets?: unknown;
  env?: YMap;
}

export interface Trigger {
  name: string;
  start: number;
  end: number;
  value?: unknown;
}
export interface InputDef {
  name: string;
  type: string;
  start: number;
  end: number;
  required: boolean;
  node?: YMap;
  event: 'workflow_dispatch' | 'workflow_call';
}

export type SchemaIssue =
  | { kind: 'unknown-key'; start: number; end: number; key: string; section: string; suggestion?: string }
  | { kind: 'missing-key'; start: number; end: number; key: string; section: string }
  | { kind: 'type'; start: number; end: number; expected: string; section: string }
  | { kind: 'value'; start: number; end: number; value: string; allowed: readonly string[]; section: string }
  | { kind: 'conflict'; start: number; end: number; key: string; other: string; section: string }
  | { kind: 'expression-not-allowed'; start: number; end: number; section: string };

export interface WorkflowModel {
  text: string;
  doc?: Document;
  root?: YMap;
  problems: ParseProblem[];
  triggers: Trigger[];
  onNode?: unknown;
  jobs: Job[];
  jobsById: Map<string, Job>;
  jobsNode?: YMap;
  inputs: Map<string, InputDef>;
  callSecrets: Map<string, { required: boolean }>;
  hasCallTrigger: boolean;
  hasDispatchTrigger: boolean;
  expressions: ExprSite[];
  schemaIssues: SchemaIssue[];
  /** Top-level `permissions` entry, if any. */
  permissions?: Entry;
  /** Scratch space for results computed once and shared by rules (e.g. the type checker's). */
  cache: Map<string, unknown>;
}

export function parseWorkflow(text: string): WorkflowModel {
  const model: WorkflowModel = {
    text,
    problems: [],
    triggers: [],
    jobs: [],
    jobsById: new Map(),
    inputs: new Map(),
    callSecrets: new Map(),
    hasCallTrigger: false,
    hasDispatchTrigger: false,
    expressions: [],
    schemaIssues: [],
    cache: new Map(),
  };
  let doc: Document;
  try {
    // Ranges and scalar styles are on the nodes already; source tokens would only cost time.
    // The fast reader builds the same nodes for the YAML workflows use; anything else goes to yaml.
    const options = { uniqueKeys: true, prettyErrors: false, strict: true } as const;
    doc = fastParseDocument(text, options) ?? parseDocument(text, options);
  } catch (e) {
    model.problems.push({
      start: 0,
      end: Math.min(text.length, 1),
      message: `could not parse YAML: ${(e as Error).message}`,
      messageId: 'syntax',
    });
    return model;
  }
  model.doc = doc;
  for (const err of doc.errors) {
    const [s, e] = err.pos ?? [0, 0];
    const dup = err.code === 'DUPLICATE_KEY';
    const message = dup
      ? `duplicate key ` +
        `"${(/^["']?([^:\n"']*)/.exec(text.slice(s, s + 200))?.[1] ?? '').trim()}": a key may ` +
        `appear only once in a mapping`
      : cleanYamlMessage(err.message);
    model.problems.push({ start: s, end: Math.max(e, s + 1), message, messageId: dup ? 'duplicateKey' : 'syntax' });
  }
  for (const w of doc.warnings) {
    if (w.code !== 'TAG_RESOLVE_FAILED') continue;
    // `if: !cancelled()` is a YAML tag, not a negation: the condition silently loses its start.
    const [s, e] = w.pos ?? [0, 0];
    const tag = /^!\S*/.exec(text.slice(s, e + 1))?.[0] ?? '!';
    model.problems.push({
      start: s,
      end: Math.max(e, s + 1),
      message:
        `unknown YAML tag "${tag}": a value starting with "!" is read as a ` +
        `tag, so quote it (e.g. if: "!cancelled()")`,
      messageId: 'syntax',
    });
  }
  try {
    new Walker(model, doc).root();
  } catch (e) {
    // A bug in the walk must not lose the parse; report it where the user can see it.
    model.problems.push({
      start: 0,
      end: Math.min(text.length, 1),
      message: `internal error while reading the workflow: ${(e as Error).message}`,
      messageId: 'syntax',
    });
  }
  return model;
}

function cleanYamlMessage(m: string): string {
  return m
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

function typeName(t: ValueType): string {
  switch (t.t) {
    case 'map':
      return 'a mapping';
    case 'seq':
      return 'a sequence';
    case 'string':
      return t.values ? `one of ${t.values.map((v) => `"${v}"`).join(', ')}` : 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'any':
      return 'a value';
    case 'oneOf':
      return [...new Set(t.of.map(typeName))].join(' or ');
  }
}

/** Whether a scalar is exactly one `${{ }}` (which may stand for any type). */
function isWholeExpression(s: Str | undefined): boolean {
  if (!s) return false;
  const v = s.value.trim();
  return v.startsWith('${{') && v.endsWith('}}') && v.indexOf('${{', 3) < 0;
}

class Walker {
  private readonly text: string;
  constructor(
    private readonly m: WorkflowModel,
    private readonly doc: Document,
  ) {
    this.text = m.text;
  }

  str(node: unknown): Str | undefined {
    const s = asScalar(node, this.doc);
    if (!s) return undefined;
    const value = scalarText(s);
    if (value === undefined) return undefined;
    const [start, end] = nodeRange(s);
    return { value, start, end, node: s };
  }

  issue(i: SchemaIssue) {
    this.m.schemaIssues.push(i);
  }

  root() {
    const contents = this.doc.contents;
    if (contents == null) {
      return;
    }
    const root = asMap(contents, this.doc);
    if (!root) {
      const [s, e] = nodeRange(contents);
      this.issue({ kind: 'type', start: s, end: e, expected: 'a mapping', section: 'workflow' });
      return;
    }
    this.m.root = root;
    const es = entries(root, this.doc, false);
    for (const e of es) {
      const prop = ROOT_PROPS[e.key];
      if (!prop) {
        this.unknown(e, Object.keys(ROOT_PROPS), 'workflow');
        continue;
      }
      if (e.key === 'on') {
        this.m.onNode = e.value;
        this.on(e);
        continue;
      }
      if (e.key === 'jobs') {
        this.jobs(e);
        continue;
      }
      if (e.key === 'permissions') {
        this.m.permissions = e;
        this.permissions(e.value);
        continue;
      }
      this.value(e.value, prop.type, e.key, AV.none, {}, e.key);
    }
    const [rs] = nodeRange(root);
    for (const [k, prop] of Object.entries(ROOT_PROPS)) {
      if (prop.required && !es.some((e) => e.key === k))
        this.issue({
          kind: 'missing-key',
          start: rs,
          end: rs + firstKeyLength(this.doc, root),
          key: k,
          section: 'workflow',
        });
    }
  }

  /** Mapping keys that are not scalars (e.g. an unquoted `{{ placeholder }}`): GitHub's parser refuses them. */
  complexKeys(map: YMap): boolean {
    let found = false;
    for (const item of map.items) {
      const k = (item as { key?: unknown }).key;
      if (k && !isScalar(k) && (isMap(k) || isSeq(k))) {
        const [s, e] = nodeRange(k);
        this.m.problems.push({
          start: s,
          end: e,
          message:
            'a mapping key must be a plain value, not a mapping or a sequence (an ' +
            'unquoted "{{ ... }}" template placeholder?)',
          messageId: 'syntax',
        });
        found = true;
      }
    }
    return found;
  }

  unknown(e: Entry, known: string[], section: string) {
    this.issue({
      kind: 'unknown-key',
      start: e.keyStart,
      end: e.keyEnd,
      key: e.key,
      section,
      suggestion: suggest(e.key, known),
    });
  }

  /** Checks a value against a schema type and records expression sites. */
  value(
    node: unknown,
    type: ValueType,
    path: string,
    av: Availability,
    scope: { job?: Job; step?: Step },
    key?: string,
  ) {
    const n = deref(node, this.doc);
    const here = type.av ?? firstAv(type) ?? av;
    if (node == null || !n) return;
    if (isScalar(n)) {
      const s = this.str(n);
      if (!s) return;
      this.scalar(s, here, path, key, scope);
      if (isWholeExpression(s)) return;
      if (!this.scalarFits(n, type)) {
        this.issue({ kind: 'type', start: s.start, end: s.end, expected: typeName(type), section: path });
        return;
      }
      const values = allowedValues(type, n);
      if (values && typeof n.value === 'string' && !values.includes(n.value) && !s.value.includes('${{')) {
        this.issue({ kind: 'value', start: s.start, end: s.end, value: s.value, allowed: values, section: path });
      }
      return;
    }
    if (isMap(n) && n.flow && this.complexKeys(n as YMap)) return;
    const t = pick(type, isMap(n) ? 'map' : 'seq');
    if (!t) {
      const [s, e] = nodeRange(n);
      this.issue({ kind: 'type', start: s, end: e, expected: typeName(type), section: path });
      return;
    }
    const av2 = t.av ?? here;
    if (t.t === 'any') {
      this.anyValue(n, path, av2, scope);
      return;
    }
    if (t.t === 'seq' && isSeq(n)) {
      for (const item of n.items) this.value(item, t.item, path + '[]', av2, scope, key);
      return;
    }
    if (t.t === 'map' && isMap(n)) {
      const es = entries(n as YMap, this.doc, false);
      for (const e of es) {
        const prop = t.props?.[e.key];
        if (prop) this.value(e.value, prop.type, `${path}.${e.key}`, av2, scope, e.key);
        else if (t.loose) this.value(e.value, t.loose, `${path}.${e.key}`, av2, scope, e.key);
        else if (t.props) this.unknown(e, Object.keys(t.props), path);
        else this.anyValue(e.value, `${path}.${e.key}`, av2, scope);
      }
      if (t.props) this.required(n as YMap, es, t.props, path);
    }
  }

  required(map: YMap, es: Entry[], props: Record<string, Prop>, path: string) {
    const keys = requiredKeys(props);
    if (!keys.length) return;
    const [s] = nodeRange(map);
    for (const k of keys) {
      if (!es.some((e) => e.key === k))
        this.issue({ kind: 'missing-key', start: s, end: s + firstKeyLength(this.doc, map), key: k, section: path });
    }
  }

  /** Any nested value: only expressions are recorded. */
  anyValue(node: unknown, path: string, av: Availability, scope: { job?: Job; step?: Step }, key?: string) {
    const n = deref(node, this.doc);
    if (!n) return;
    if (isScalar(n)) {
      const s = this.str(n);
      if (s) this.scalar(s, av, path, key, scope);
      return;
    }
    if (isSeq(n)) {
      for (const it of n.items) this.anyValue(it, path + '[]', av, scope, key);
      return;
    }
    if (isMap(n))
      for (const e of entries(n as YMap, this.doc, false)) this.anyValue(e.value, `${path}.${e.key}`, av, scope);
  }

  scalarFits(n: Scalar, type: ValueType): boolean {
    const v = n.value;
    switch (type.t) {
      case 'any':
        return true;
      case 'string':
        return v !== null && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
      case 'number':
        return typeof v === 'number';
      case 'boolean':
        return typeof v === 'boolean';
      case 'null':
        return v === null;
      case 'map':
        return v === null && !type.props; // an empty value where a loose mapping is expected
      case 'seq':
        return false;
      case 'oneOf':
        return type.of.some((o) => this.scalarFits(n, o));
    }
  }

  /** Records `${{ }}` expressions inside one scalar (or the whole `if:` condition). */
  scalar(s: Str, av: Availability, path: string, keyArg: string | undefined, scope: { job?: Job; step?: Step }) {
    // Most scalars hold no expression: leave before working out the key (a regex) when it cannot be `if`.
    if (!s.value.includes('${{') && (keyArg !== undefined ? keyArg !== 'if' : !lastKeyMayBeIf(path))) return;
    const key = keyArg ?? lastKey(path);
    if (key !== 'if' && !s.value.includes('${{')) return;
    const isIf = key === 'if' && (av === AV.jobIf || av === AV.stepIf || path.endsWith('snapshot.if'));
    const src = this.text;
    const node = s.node;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    let cStart = quoted ? s.start + 1 : s.start;
    const cEnd = quoted ? Math.max(cStart, s.end - 1) : s.end;
    if (block) {
      const nl = src.indexOf('\n', s.start);
      cStart = nl < 0 ? s.end : nl + 1;
    }
    const raw = src.slice(cStart, cEnd);
    const sites: ExprSite[] = [];
    let i = raw.indexOf('${{');
    while (i >= 0) {
      const open = cStart + i;
      const close = findClose(raw, i + 3);
      const innerStart = open + 3;
      const innerEnd = close < 0 ? cEnd : cStart + close;
      const site: ExprSite = {
        start: innerStart,
        end: innerEnd,
        src: src.slice(innerStart, innerEnd),
        av,
        isIf,
        key,
        path,
        scalar: s,
        job: scope.job,
        step: scope.step,
        wrapped: true,
        outerStart: open,
        outerEnd: close < 0 ? cEnd : innerEnd + 2,
      };
      if (close < 0)
        site.error = { start: 0, end: raw.length - i - 3, message: 'the expression is not closed with "}}"' };
      sites.push(site);
      if (close < 0) break;
      i = raw.indexOf('${{', close + 2);
    }
    if (av === AV.none && sites.length) {
      for (const site of sites)
        this.issue({ kind: 'expression-not-allowed', start: site.outerStart, end: site.outerEnd, section: path });
      return;
    }
    if (isIf && sites.length === 0 && s.value.trim() !== '') {
      const lead = raw.length - raw.trimStart().length;
      const start = cStart + lead;
      const end = cStart + raw.trimEnd().length;
      sites.push({
        start,
        end,
        src: src.slice(start, end),
        av,
        isIf,
        key,
        path,
        scalar: s,
        job: scope.job,
        step: scope.step,
        wrapped: false,
        outerStart: start,
        outerEnd: end,
      });
      if (block || node.type === 'QUOTE_DOUBLE') sites[0].src = s.value.trim();
    }
    for (const site of sites) {
      if (!site.error) {
        const r = parseExpression(site.src);
        site.expr = r.expr;
        site.error = r.error;
      }
      this.m.expressions.push(site);
    }
  }

  // ---- on: ----
  on(e: Entry) {
    const n = deref(e.value, this.doc);
    if (!n) {
      this.issue({
        kind: 'type',
        start: e.keyStart,
        end: e.keyEnd,
        expected: 'an event name, a sequence of events or a mapping',
        section: 'on',
      });
      return;
    }
    const add = (s: Str | undefined, value?: unknown) => {
      if (!s) return;
      this.m.triggers.push({ name: s.value, start: s.start, end: s.end, value });
    };
    if (isScalar(n)) {
      add(this.str(n));
    } else if (isSeq(n)) {
      for (const it of n.items) {
        const s = this.str(it);
        if (s) add(s);
        else {
          const [a, b] = nodeRange(it);
          this.issue({ kind: 'type', start: a, end: b, expected: 'an event name', section: 'on' });
        }
      }
    } else if (isMap(n)) {
      for (const ev of entries(n as YMap, this.doc, false)) {
        this.m.triggers.push({ name: ev.key, start: ev.keyStart, end: ev.keyEnd, value: ev.value });
        this.eventBody(ev);
      }
    }
    for (const t of this.m.triggers) {
      if (t.name === 'workflow_call') this.m.hasCallTrigger = true;
      if (t.name === 'workflow_dispatch') this.m.hasDispatchTrigger = true;
    }
  }

  eventBody(ev: Entry) {
    const facts = EVENTS[ev.key];
    if (!facts) return; // the events rule reports unknown events
    const v = deref(ev.value, this.doc);
    if (!v || (isScalar(v) && v.value === null)) return;
    if (ev.key === 'schedule') {
      const seq = asSeq(v, this.doc);
      if (!seq) {
        const [a, b] = nodeRange(v);
        this.issue({
          kind: 'type',
          start: a,
          end: b,
          expected: 'a sequence of `- cron: ...` mappings',
          section: 'on.schedule',
        });
        return;
      }
      for (const it of seq.items)
        this.value(
          it,
          { t: 'map', props: { cron: { type: { t: 'string' }, required: true }, timezone: { type: { t: 'string' } } } },
          'on.schedule',
          AV.none,
          {},
        );
      return;
    }
    const map = asMap(v, this.doc);
    if (!map) {
      const [a, b] = nodeRange(v);
      this.issue({ kind: 'type', start: a, end: b, expected: 'a mapping', section: `on.${ev.key}` });
      return;
    }
    const allowed = [...(facts.keys ?? []), ...(facts.types ? ['types'] : [])];
    for (const f of entries(map, this.doc, false)) {
      const section = `on.${ev.key}`;
      if (!allowed.includes(f.key)) {
        this.unknown(f, allowed, section);
        continue;
      }
      if (f.key === 'inputs') {
        this.inputs(f, ev.key as 'workflow_dispatch' | 'workflow_call');
        continue;
      }
      if (f.key === 'secrets') {
        const sm = asMap(f.value, this.doc);
        for (const se of entries(sm, this.doc, false)) {
          const def = asMap(se.value, this.doc);
          const req = asScalar(entry(def, this.doc, 'required', false)?.value, this.doc)?.value === true;
          this.m.callSecrets.set(se.key, { required: req });
          this.value(se.value, CALL_SECRET, `${section}.secrets.${se.key}`, AV.none, {});
        }
        continue;
      }
      if (f.key === 'outputs') {
        const om = asMap(f.value, this.doc);
        for (const oe of entries(om, this.doc, false))
          this.value(oe.value, CALL_OUTPUT, `${section}.outputs.${oe.key}`, AV.none, {});
        continue;
      }
      this.value(
        f.value,
        { t: 'oneOf', of: [{ t: 'string' }, { t: 'seq', item: { t: 'string' } }] },
        `${section}.${f.key}`,
        AV.none,
        {},
      );
    }
  }

  inputs(f: Entry, event: 'workflow_dispatch' | 'workflow_call') {
    const im = asMap(f.value, this.doc);
    if (!im) {
      if (!isNullishNode(this.doc, f.value)) {
        const [a, b] = nodeRange(f.value);
        this.issue({ kind: 'type', start: a, end: b, expected: 'a mapping of inputs', section: `on.${event}.inputs` });
      }
      return;
    }
    for (const ie of entries(im, this.doc, false)) {
      const def = asMap(ie.value, this.doc);
      const type = scalarText(asScalar(entry(def, this.doc, 'type', false)?.value, this.doc)) ?? 'string';
      const required = asScalar(entry(def, this.doc, 'required', false)?.value, this.doc)?.value === true;
      const prev = this.m.inputs.get(ie.key);
      if (!prev || event === 'workflow_call')
        this.m.inputs.set(ie.key, {
          name: ie.key,
          type,
          start: ie.keyStart,
          end: ie.keyEnd,
          required,
          node: def,
          event,
        });
      this.value(
        ie.value,
        event === 'workflow_call' ? CALL_INPUT : DISPATCH_INPUT,
        `on.${event}.inputs.${ie.key}`,
        AV.none,
        {},
      );
    }
  }

  permissions(node: unknown) {
    // Scopes and levels are the permissions rule's business; only the shape is checked here.
    const n = deref(node, this.doc);
    if (!n) return;
    if (isSeq(n)) {
      const [a, b] = nodeRange(n);
      this.issue({
        kind: 'type',
        start: a,
        end: b,
        expected: '"read-all", "write-all" or a mapping of scopes',
        section: 'permissions',
      });
    }
  }

  // ---- jobs: ----
  jobs(e: Entry) {
    const jm = asMap(e.value, this.doc);
    if (!jm) {
      const [a, b] = e.value ? nodeRange(e.value) : [e.keyStart, e.keyEnd];
      this.issue({ kind: 'type', start: a, end: b, expected: 'a mapping of job ids to jobs', section: 'jobs' });
      return;
    }
    this.m.jobsNode = jm;
    const es = entries(jm, this.doc, false);
    for (const je of es) {
      const job: Job = {
        id: je.key,
        keyStart: je.keyStart,
        keyEnd: je.keyEnd,
        needs: [],
        steps: [],
        outputs: [],
        matrixDynamic: false,
        hasStrategy: false,
      };
      this.m.jobs.push(job);
      if (!this.m.jobsById.has(job.id)) this.m.jobsById.set(job.id, job);
    }
    es.forEach((je, i) => this.job(je, this.m.jobs[i]));
  }

  job(je: Entry, job: Job) {
    const map = asMap(je.value, this.doc);
    const section = `jobs.${job.id}`;
    if (!map) {
      const [a, b] = je.value ? nodeRange(je.value) : [je.keyStart, je.keyEnd];
      this.issue({ kind: 'type', start: a, end: b, expected: 'a mapping', section });
      return;
    }
    job.node = map;
    const es = entries(map, this.doc, false);
    const usesE = es.find((x) => x.key === 'uses');
    const isCall = !!usesE;
    if (usesE) job.uses = this.str(usesE.value);
    // Matrix keys first: expressions anywhere in the job may read them.
    const strat = es.find((x) => x.key === 'strategy');
    if (strat) {
      job.hasStrategy = true;
      const sm = asMap(strat.value, this.doc);
      if (!sm) job.matrixDynamic = true;
      const mx = entry(sm, this.doc, 'matrix', false);
      if (mx) {
        const mm = asMap(mx.value, this.doc);
        if (!mm) job.matrixDynamic = true;
        else {
          job.matrixKeys = new Set();
          for (const me of entries(mm, this.doc, false)) {
            if (me.key === 'include' || me.key === 'exclude') {
              const seq = asSeq(me.value, this.doc);
              if (!seq) {
                job.matrixDynamic = true;
                continue;
              }
              if (me.key === 'include')
                for (const it of seq.items) {
                  const im = asMap(it, this.doc);
                  if (!im) {
                    job.matrixDynamic = true;
                    continue;
                  }
                  for (const ik of entries(im, this.doc, false)) job.matrixKeys.add(ik.key);
                }
            } else {
              job.matrixKeys.add(me.key);
              if (!asSeq(me.value, this.doc)) {
                const s = this.str(me.value);
                if (s && isWholeExpression(s)) job.matrixDynamic = true;
              }
            }
          }
        }
      } else job.matrixKeys = new Set();
    }
    for (const x of es) {
      const prop = JOB_PROPS[x.key];
      if (!prop) {
        this.unknown(
          x,
          isCall ? CALLER_JOB_KEYS : Object.keys(JOB_PROPS).filter((k) => !['uses', 'with', 'secrets'].includes(k)),
          section,
        );
        continue;
      }
      if (isCall && NORMAL_ONLY_JOB_KEYS.includes(x.key)) {
        this.issue({ kind: 'conflict', start: x.keyStart, end: x.keyEnd, key: x.key, other: 'uses', section });
        continue;
      }
      if (!isCall && (x.key === 'with' || x.key === 'secrets')) {
        this.issue({ kind: 'conflict', start: x.keyStart, end: x.keyEnd, key: x.key, other: 'runs-on', section });
        continue;
      }
      switch (x.key) {
        case 'needs': {
          job.needsNode = x.value;
          const n = deref(x.value, this.doc);
          if (n && isSeq(n)) {
            for (const it of n.items) {
              const s = this.str(it);
              if (s) job.needs.push(s);
            }
          } else {
            const s = this.str(x.value);
            if (s) job.needs.push(s);
          }
          this.value(x.value, prop.type, `${section}.needs`, AV.none, { job });
          continue;
        }
        case 'steps': {
          const seq = asSeq(x.value, this.doc);
          if (!seq) {
            if (!isNullishNode(this.doc, x.value)) {
              const [a, b] = nodeRange(x.value);
              this.issue({
                kind: 'type',
                start: a,
                end: b,
                expected: 'a sequence of steps',
                section: `${section}.steps`,
              });
            }
            continue;
          }
          seq.items.forEach((it, i) => this.step(it, i, job));
          continue;
        }
        case 'outputs':
          job.outputs = entries(asMap(x.value, this.doc), this.doc, false);
          break;
        case 'runs-on':
          job.runsOn = x.value;
          break;
        case 'with':
          job.with = asMap(x.value, this.doc);
          break;
        case 'secrets':
          job.secrets = x.value;
          break;
        case 'env':
          job.env = asMap(x.value, this.doc);
          break;
        case 'permissions':
          this.permissions(x.value);
          continue;
        case 'strategy': {
          this.value(x.value, prop.type, `${section}.strategy`, AV.none, { job });
          continue;
        }
      }
      this.value(x.value, prop.type, `${section}.${x.key}`, AV.none, { job }, x.key);
    }
    if (!isCall && !es.some((x) => x.key === 'runs-on'))
      this.issue({ kind: 'missing-key', start: je.keyStart, end: je.keyEnd, key: 'runs-on', section });
    if (!isCall && !es.some((x) => x.key === 'steps'))
      this.issue({ kind: 'missing-key', start: je.keyStart, end: je.keyEnd, key: 'steps', section });
  }

  step(node: unknown, index: number, job: Job) {
    const map = asMap(node, this.doc);
    const section = `jobs.${job.id}.steps[${index}]`;
    const [s, e] = nodeRange(node);
    if (!map) {
      this.issue({ kind: 'type', start: s, end: e, expected: 'a step mapping', section });
      return;
    }
    const step: Step = { index, node: map, start: s, end: e, job, withEntries: [] };
    const es = entries(map, this.doc, false);
    for (const x of es) {
      switch (x.key) {
        case 'id':
          step.id = this.str(x.value);
          break;
        case 'name':
          step.name = this.str(x.value);
          break;
        case 'uses':
          step.uses = this.str(x.value);
          break;
        case 'run':
          step.run = this.str(x.value);
          break;
        case 'shell':
          step.shell = this.str(x.value);
          break;
        case 'if':
          step.if = this.str(x.value);
          break;
        case 'with':
          step.with = asMap(x.value, this.doc);
          step.withEntries = entries(step.with, this.doc, false);
          break;
        case 'env':
          step.env = asMap(x.value, this.doc);
          break;
      }
    }
    job.steps.push(step);
    const hasUses = es.some((x) => x.key === 'uses');
    const hasRun = es.some((x) => x.key === 'run');
    for (const x of es) {
      const prop = STEP_PROPS[x.key];
      if (!prop) {
        this.unknown(x, Object.keys(STEP_PROPS), 'step');
        continue;
      }
      if (hasUses && hasRun && x.key === 'run') {
        this.issue({ kind: 'conflict', start: x.keyStart, end: x.keyEnd, key: 'run', other: 'uses', section });
        continue;
      }
      if (hasUses && RUN_ONLY_KEYS.includes(x.key)) {
        this.issue({ kind: 'conflict', start: x.keyStart, end: x.keyEnd, key: x.key, other: 'uses', section });
        continue;
      }
      if (hasRun && !hasUses && x.key === 'with') {
        this.issue({ kind: 'conflict', start: x.keyStart, end: x.keyEnd, key: 'with', other: 'run', section });
        continue;
      }
      this.value(x.value, prop.type, `${section}.${x.key}`, AV.none, { job, step }, x.key);
    }
    if (!hasUses && !hasRun)
      this.issue({
        kind: 'missing-key',
        start: s,
        end: s + firstKeyLength(this.doc, map),
        key: 'run" or "uses',
        section,
      });
  }
}

const REQUIRED = new WeakMap<Record<string, Prop>, string[]>();
/** The required keys of a schema mapping, computed once per schema object. */
function requiredKeys(props: Record<string, Prop>): string[] {
  let r = REQUIRED.get(props);
  if (!r) {
    r = Object.entries(props)
      .filter(([, p]) => p.required)
      .map(([k]) => k);
    REQUIRED.set(props, r);
  }
  return r;
}

function isNullishNode(doc: Document, node: unknown): boolean {
  return shapeOf(node, doc) === 'null';
}

function firstKeyLength(doc: Document, map: YMap): number {
  const first = entries(map, doc, false)[0];
  return first ? first.keyEnd - first.keyStart : 1;
}

/** Cheap pre-test of `lastKey(path) === 'if'` (true when it may be). */
function lastKeyMayBeIf(path: string): boolean {
  let end = path.length;
  while (path.endsWith('[]', end)) end -= 2;
  return path.endsWith('if', end);
}

function lastKey(path: string): string {
  const m = /([^.[\]]+)(\[\])*$/.exec(path);
  return m ? m[1] : path;
}

function firstAv(type: ValueType): Availability | undefined {
  if (type.av) return type.av;
  if (type.t === 'oneOf')
    for (const o of type.of) {
      const a = firstAv(o);
      if (a) return a;
    }
  return undefined;
}

function pick(type: ValueType, want: 'map' | 'seq'): ValueType | undefined {
  if (type.t === 'any') return type;
  if (type.t === want) return type;
  if (type.t === 'oneOf')
    for (const o of type.of) {
      const r = pick(o, want);
      if (r) return r.av || !type.av ? r : { ...r, av: type.av };
    }
  return undefined;
}

function allowedValues(type: ValueType, n: Scalar): readonly string[] | undefined {
  if (type.t === 'string') return type.values;
  if (type.t === 'oneOf') {
    // Only when every string alternative is an enumeration.
    const strs = type.of.filter((o) => o.t === 'string');
    if (typeof n.value === 'string' && strs.length && strs.every((o) => o.t === 'string' && o.values))
      return strs.flatMap((o) => (o as { values: readonly string[] }).values);
  }
  return undefined;
}

/** The offset (in raw) of the `}}` that closes a `${{` whose body starts at `from`; -1 when unclosed. */
function findClose(raw: string, from: number): number {
  let i = from;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      i++;
      while (i < raw.length) {
        if (raw[i] === "'") {
          if (raw[i + 1] === "'") {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
      continue;
    }
    if (c === '}' && raw[i + 1] === '}') return i;
    i++;
  }
  return -1;
}

function suggest(key: string, known: string[]): string | undefined {
  return nearest(key, known);
}

export { FILTER_DOCS };
