/**
 * Workflow text → a typed model that keeps source offsets: triggers, inputs, jobs, steps and every `${{ }}`
 * expression with the contexts available where it stands. Two walks: the first reads the model's shape, the second
 * checks the document against GitHub's schema (schema.ts, generated from `workflow-v1.0.json`) and records key, type
 * and value problems for the rules, and the expression sites with the contexts the schema allows there. Never throws.
 */
import { parseDocument, isAlias, isScalar, isMap, isSeq, type Scalar, type Document } from 'yaml';
import { addDuplicateKeyErrors } from '../../yaml/unique-keys';
import type { ParseProblem } from '../../engine/types';
import {
  asMap,
  asScalar,
  asSeq,
  deref,
  entries,
  entry,
  nodeRange,
  scalarText,
  type Entry,
  type YMap,
} from '../../yaml/view';
import { nearest } from '../../text/nearest';
import {
  availabilityOf,
  def,
  formKeys,
  NO_CONTEXT,
  ROOT_DEFINITION,
  type Availability,
  type Def,
  type MappingForm,
  type ScalarForm,
} from './schema';
import { fastParseDocument } from '../../yaml/fast';
import { parseExpression, type Expr, type ExprError } from './expr/parser';

export type { Availability } from './schema';

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
  /** The contexts and special functions the schema allows here. */
  av: Availability;
  /** The `if:` condition (whole scalar is an expression even without `${{ }}`). */
  isIf: boolean;
  /** The key the value belongs to (last path element), e.g. `run`, `if`, `foo` (of `with.foo`). */
  key: string;
  /** Where the value is, e.g. `jobs.build.steps[0].with.foo`. */
  path: string;
  /** The schema definition of the value, e.g. `string-steps-context`. */
  definition: string;
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
  /** The `strategy.matrix` mapping, when written out. */
  matrix?: YMap;
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
  | { kind: 'duplicate-key'; start: number; end: number; key: string; other: string; section: string }
  | { kind: 'missing-key'; start: number; end: number; key: string; section: string }
  | { kind: 'type'; start: number; end: number; expected: string; section: string }
  | { kind: 'value'; start: number; end: number; value: string; allowed: readonly string[]; section: string }
  | { kind: 'empty'; start: number; end: number; section: string }
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
  /** `on.workflow_call.secrets` is written (even empty): then only those secrets exist in `secrets`. */
  declaresSecrets: boolean;
  hasCallTrigger: boolean;
  hasDispatchTrigger: boolean;
  expressions: ExprSite[];
  schemaIssues: SchemaIssue[];
  /** Top-level `permissions` entry, if any. */
  permissions?: Entry;
  /** Anchors (`&name`) with their offsets, and the aliases (`*name`) that use them. */
  anchors: { name: string; start: number; end: number; used: boolean }[];
}

export function parseWorkflow(text: string): WorkflowModel {
  const steps = parseWorkflowSteps(text);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * The same parse in steps: it yields after reading the YAML and after checking each job against the schema, so a host
 * that must not block (the language server) can parse a large workflow in slices.
 */
export function* parseWorkflowSteps(text: string): Generator<void, WorkflowModel> {
  const model: WorkflowModel = {
    text,
    problems: [],
    triggers: [],
    jobs: [],
    jobsById: new Map(),
    inputs: new Map(),
    callSecrets: new Map(),
    declaresSecrets: false,
    hasCallTrigger: false,
    hasDispatchTrigger: false,
    expressions: [],
    schemaIssues: [],
    anchors: [],
  };
  let doc: Document;
  let full = false;
  try {
    // Ranges and scalar styles are on the nodes already; source tokens would only cost time.
    // The fast reader builds the same nodes for the YAML workflows use; anything else goes to yaml.
    // yaml's duplicate-key check is quadratic: ours gives the same errors (the fast reader gives up on duplicates)
    const options = { uniqueKeys: false, prettyErrors: false, strict: true } as const;
    const fast = fastParseDocument(text, options);
    doc = fast ?? parseDocument(text, options);
    if (!fast) addDuplicateKeyErrors(doc, text);
    // The fast reader takes no anchors or aliases: only a document the full parser read can have them.
    full = !fast;
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
  yield;
  try {
    const w = new Walker(model, doc);
    w.extract(full);
    w.validate();
    // The jobs, one at a time (the walk of the rest of the workflow left them for now).
    for (const job of w.deferred) {
      yield;
      job();
    }
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

/** Whether a scalar is exactly one `${{ }}` (which may stand for any type). */
export function isWholeExpression(s: Str | undefined): boolean {
  if (!s) return false;
  const v = s.value.trim();
  return v.startsWith('${{') && v.endsWith('}}') && v.indexOf('${{', 3) < 0;
}

/** Definitions whose value is a condition: the whole string is an expression, `${{ }}` optional. */
const CONDITIONS = new Set(['job-if', 'step-if', 'snapshot-if']);
/**
 * Places other rules report with their own words: event names and activity types (events), `on` given as a
 * string or a list (events), permission levels and scopes (permissions).
 */
const OWNED_VALUES = /^(on-strict|on-string-strict|.*-activity-type|permission-level-.*|permissions)$/;
const OWNED_KEYS = new Set(['on-mapping-strict', 'permissions-mapping']);

interface Scope {
  job?: Job;
  step?: Step;
}

class Walker {
  private readonly text: string;
  private readonly jobOf = new Map<unknown, Job>();
  /** The checks of the jobs, run one by one after the rest (see parseWorkflowSteps). */
  readonly deferred: (() => void)[] = [];
  private readonly stepOf = new Map<unknown, Step>();
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
    if (i.section === '') i.section = 'workflow';
    this.m.schemaIssues.push(i);
  }

  // ---- 1. the model's shape --------------------------------------------------------------------------------------

  extract(mayHaveAnchors: boolean) {
    const root = asMap(this.doc.contents, this.doc);
    if (!root) return;
    this.m.root = root;
    for (const e of entries(root, this.doc, false)) {
      if (e.key === 'on') this.on(e);
      else if (e.key === 'jobs') this.jobs(e);
      else if (e.key === 'permissions') this.m.permissions = e;
    }
    if (mayHaveAnchors) this.anchors();
  }

  anchors() {
    const byName = new Map<string, { name: string; start: number; end: number; used: boolean }>();
    const visit = (n: unknown, depth: number) => {
      if (!n || depth > 64) return;
      if (isAlias(n)) {
        const a = byName.get(n.source);
        if (a) a.used = true;
        else {
          const [s, e] = nodeRange(n);
          this.m.problems.push({
            start: s,
            end: Math.max(e, s + 1),
            message: `unknown alias "*${n.source}": no anchor "&${n.source}" is defined before it`,
            messageId: 'syntax',
          });
        }
        return;
      }
      const anchor = (n as { anchor?: string }).anchor;
      if (anchor) {
        const [s] = nodeRange(n);
        const at = this.text.lastIndexOf(`&${anchor}`, s + anchor.length + 1);
        const a = { name: anchor, start: at < 0 ? s : at, end: at < 0 ? s : at + anchor.length + 1, used: false };
        byName.set(anchor, a);
        this.m.anchors.push(a);
      }
      if (isMap(n))
        for (const p of n.items) {
          visit(p.key, depth + 1);
          visit(p.value, depth + 1);
        }
      else if (isSeq(n)) for (const it of n.items) visit(it, depth + 1);
    };
    visit(this.doc.contents, 0);
  }

  on(e: Entry) {
    this.m.onNode = e.value;
    const n = deref(e.value, this.doc);
    if (!n) return;
    if (isScalar(n)) {
      const s = this.str(n);
      if (s) this.m.triggers.push({ name: s.value, start: s.start, end: s.end });
    } else if (isSeq(n)) {
      for (const it of n.items) {
        const s = this.str(it);
        if (s) this.m.triggers.push({ name: s.value, start: s.start, end: s.end });
      }
    } else if (isMap(n)) {
      for (const ev of entries(n as YMap, this.doc, false)) {
        this.m.triggers.push({ name: ev.key, start: ev.keyStart, end: ev.keyEnd, value: ev.value });
        if (ev.key === 'workflow_dispatch' || ev.key === 'workflow_call') this.eventInputs(ev);
      }
    }
    for (const t of this.m.triggers) {
      if (t.name === 'workflow_call') this.m.hasCallTrigger = true;
      if (t.name === 'workflow_dispatch') this.m.hasDispatchTrigger = true;
    }
  }

  eventInputs(ev: Entry) {
    const event = ev.key as 'workflow_dispatch' | 'workflow_call';
    const body = asMap(ev.value, this.doc);
    for (const ie of entries(asMap(entry(body, this.doc, 'inputs', false)?.value, this.doc), this.doc, false)) {
      const d = asMap(ie.value, this.doc);
      const type = scalarText(asScalar(entry(d, this.doc, 'type', false)?.value, this.doc)) ?? 'string';
      const required = asScalar(entry(d, this.doc, 'required', false)?.value, this.doc)?.value === true;
      const prev = this.m.inputs.get(ie.key);
      if (!prev || event === 'workflow_call')
        this.m.inputs.set(ie.key, { name: ie.key, type, start: ie.keyStart, end: ie.keyEnd, required, node: d, event });
    }
    if (event !== 'workflow_call') return;
    const secrets = entry(body, this.doc, 'secrets', false);
    if (secrets) this.m.declaresSecrets = true;
    for (const se of entries(asMap(secrets?.value, this.doc), this.doc, false)) {
      const d = asMap(se.value, this.doc);
      const req = asScalar(entry(d, this.doc, 'required', false)?.value, this.doc)?.value === true;
      this.m.callSecrets.set(se.key, { required: req });
    }
  }

  jobs(e: Entry) {
    const jm = asMap(e.value, this.doc);
    if (!jm) return;
    this.m.jobsNode = jm;
    for (const je of entries(jm, this.doc, false)) {
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
      this.job(je, job);
    }
  }

  job(je: Entry, job: Job) {
    const map = asMap(je.value, this.doc);
    if (!map) return;
    job.node = map;
    this.jobOf.set(map, job);
    const es = entries(map, this.doc, false);
    // GitHub's schema leaves `steps` optional, its server does not: a job that runs on a runner needs steps.
    if (!es.some((x) => x.key === 'uses' || x.key === 'steps'))
      this.issue({ kind: 'missing-key', start: je.keyStart, end: je.keyEnd, key: 'steps', section: `jobs.${job.id}` });
    for (const x of es) {
      switch (x.key) {
        case 'uses':
          job.uses = this.str(x.value);
          break;
        case 'needs': {
          job.needsNode = x.value;
          const seq = asSeq(x.value, this.doc);
          for (const it of seq ? seq.items : [x.value]) {
            const s = this.str(it);
            if (s && s.value !== '') job.needs.push(s);
          }
          break;
        }
        case 'steps':
          this.steps(asSeq(x.value, this.doc)?.items ?? [], job);
          break;
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
        case 'strategy':
          this.strategy(x, job);
          break;
      }
    }
  }

  strategy(x: Entry, job: Job) {
    job.hasStrategy = true;
    const sm = asMap(x.value, this.doc);
    if (!sm) {
      job.matrixDynamic = true;
      return;
    }
    const mx = entry(sm, this.doc, 'matrix', false);
    if (!mx) {
      job.matrixKeys = new Set();
      return;
    }
    const mm = asMap(mx.value, this.doc);
    if (!mm) {
      job.matrixDynamic = true;
      return;
    }
    job.matrix = mm;
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
        if (!asSeq(me.value, this.doc) && isWholeExpression(this.str(me.value))) job.matrixDynamic = true;
      }
    }
  }

  /** The steps of a job in document order; the steps of a `parallel:` group are steps of the job too. */
  steps(items: unknown[], job: Job) {
    for (const it of items) {
      const map = asMap(it, this.doc);
      if (!map) continue;
      const [s, e] = nodeRange(it);
      const step: Step = { index: job.steps.length, node: map, start: s, end: e, job, withEntries: [] };
      let parallel: unknown[] | undefined;
      for (const x of entries(map, this.doc, false)) {
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
          case 'parallel':
            parallel = asSeq(x.value, this.doc)?.items;
            break;
        }
      }
      if (parallel) {
        this.steps(parallel, job);
        continue;
      }
      job.steps.push(step);
      this.stepOf.set(map, step);
    }
  }

  // ---- 2. the schema -----------------------------------------------------------------------------------------------

  validate() {
    const contents = this.doc.contents;
    if (contents == null) return;
    this.check(contents, def(ROOT_DEFINITION), NO_CONTEXT, '', '', {});
  }

  /** Checks one value against a definition (its one-of forms flattened) and records its expressions. */
  check(node: unknown, d: Def, parentAv: Availability, path: string, key: string, scope: Scope) {
    const n = deref(node, this.doc);
    if (!n) return;
    const av = availabilityOf(parentAv, d);
    if (isScalar(n)) {
      this.scalarValue(n, d, av, path, key, scope);
      return;
    }
    if (isMap(n)) {
      const map = n as YMap;
      if (map.flow && this.complexKeys(map)) return;
      if (!d.mappings.length) {
        if (OWNED_VALUES.test(d.name)) return;
        this.typeIssue(n, d, path);
        return;
      }
      const job = this.jobOf.get(map);
      const step = this.stepOf.get(map);
      this.mapping(map, d, av, path, job || step ? { job: job ?? scope.job, step: step ?? scope.step } : scope);
      return;
    }
    if (isSeq(n)) {
      if (!d.sequence) {
        if (OWNED_VALUES.test(d.name)) return;
        this.typeIssue(n, d, path);
        return;
      }
      const item = def(d.sequence);
      n.items.forEach((it, i) => this.check(it, item, av, `${path}[${i}]`, key, scope));
    }
  }

  typeIssue(n: unknown, d: Def, path: string) {
    const [s, e] = nodeRange(n);
    this.issue({ kind: 'type', start: s, end: e, expected: expectedOf(d), section: path });
  }

  scalarValue(n: Scalar, d: Def, av: Availability, path: string, key: string, scope: Scope) {
    const s = this.str(n);
    if (!s) return;
    // `$default-branch`, `$cron-daily`: placeholders of workflow templates, filled in when the template is used.
    if (n.type === 'PLAIN' && s.value.charCodeAt(0) === 36 && /^\$[a-z][a-z0-9-]*$/.test(s.value)) return;
    const isIf = CONDITIONS.has(d.name);
    const hasExpr = typeof n.value === 'string' && n.value.includes('${{');
    if (hasExpr || isIf) {
      const recorded = this.expressions(s, av, path, key, d.name, isIf, scope);
      // A string holding an expression is evaluated; what it gives is checked at run time, not here.
      if (recorded) return;
    }
    if (!d.scalars.length) {
      if (OWNED_VALUES.test(d.name)) return;
      this.issue({ kind: 'type', start: s.start, end: s.end, expected: expectedOf(d), section: path });
      return;
    }
    if (matchScalar(n, d.scalars)) return;
    const text = s.value;
    const empty = text === '' && (n.value === null || n.value === '');
    if (empty && d.scalars.some((f) => f.kind === 'string')) {
      this.issue({ kind: 'empty', start: s.start, end: Math.max(s.end, s.start), section: path });
      return;
    }
    if (OWNED_VALUES.test(d.name)) return;
    const strings = d.scalars.filter((f) => f.kind === 'string');
    const constants = strings.flatMap((f) => (f.kind === 'string' && f.constant !== undefined ? [f.constant] : []));
    if (strings.length && constants.length === strings.length && d.scalars.length === strings.length)
      this.issue({ kind: 'value', start: s.start, end: s.end, value: text, allowed: constants, section: path });
    else this.issue({ kind: 'type', start: s.start, end: s.end, expected: expectedOf(d), section: path });
  }

  mapping(map: YMap, d: Def, av: Availability, path: string, scope: Scope) {
    const es = entries(map, this.doc, false);
    this.duplicates(es, path);
    const forms = d.mappings;
    const form = forms.length === 1 ? forms[0] : pickForm(forms, es);
    const ownsKeys = OWNED_KEYS.has(form?.name ?? d.name);
    for (const e of es) {
      const prop = form ? form.props.get(e.key) : forms.find((f) => f.props.has(e.key))?.props.get(e.key);
      if (prop) {
        this.check(e.value, def(prop.type), av, join(path, e.key), e.key, scope);
        continue;
      }
      if (form?.looseValue) {
        if (e.key === '' && form.looseKey && def(form.looseKey).scalars.some((f) => f.kind === 'string' && f.nonEmpty))
          this.issue({ kind: 'empty', start: e.keyStart, end: e.keyEnd, section: path });
        const value = def(form.looseValue);
        if (form.name === 'jobs')
          this.deferred.push(() => this.check(e.value, value, av, join(path, e.key), e.key, scope));
        else this.check(e.value, value, av, join(path, e.key), e.key, scope);
        continue;
      }
      if (ownsKeys) continue;
      const other = forms.find((f) => f !== form && f.props.has(e.key));
      if (form && other) {
        const discriminator = es.find((x) => form.props.has(x.key) && !other.props.has(x.key))?.key;
        if (discriminator) {
          this.issue({
            kind: 'conflict',
            start: e.keyStart,
            end: e.keyEnd,
            key: e.key,
            other: discriminator,
            section: path,
          });
          continue;
        }
      }
      this.issue({
        kind: 'unknown-key',
        start: e.keyStart,
        end: e.keyEnd,
        key: e.key,
        section: path,
        suggestion: nearest(e.key, formKeys(form ? [form] : forms)),
      });
    }
    if (!form) {
      // Nothing tells the forms apart (a step with only `name:`): each form's required key is missing.
      const required = [...new Set(forms.flatMap((f) => f.required))].filter((k) => !DEFAULT_HIDDEN.has(k));
      if (required.length) this.missing(map, required.join('" or "'), path);
      return;
    }
    for (const k of form.required) if (!es.some((e) => e.key === k)) this.missing(map, k, path);
  }

  /** A required key is missing: reported at the key that holds the mapping (`concurrency:`), else its first key. */
  missing(map: YMap, key: string, path: string) {
    const holder = this.holderKey(map);
    const [s] = nodeRange(map);
    const first = entries(map, this.doc, false)[0];
    const [start, end] = holder ?? [s, s + (first ? first.keyEnd - first.keyStart : 1)];
    this.issue({ kind: 'missing-key', start, end, key, section: path });
  }

  /** The key (or sequence dash) a mapping is the value of, as [start, end]. */
  holderKey(map: YMap): [number, number] | undefined {
    const [s] = nodeRange(map);
    // The key of `key:\n  mapping` or `key: { ... }` ends with a colon before the mapping.
    let i = s - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\n' || this.text[i] === '\r')) i--;
    if (this.text[i] === '-') return undefined;
    if (this.text[i] !== ':') return undefined;
    const lineStart = this.text.lastIndexOf('\n', i) + 1;
    const line = this.text.slice(lineStart, i);
    const m = /^(\s*(?:-\s+)?)(["']?)([^"'#]*?)\2\s*$/.exec(line);
    if (!m) return undefined;
    const ks = lineStart + m[1].length;
    return [ks, ks + m[2].length * 2 + m[3].length];
  }

  /** Keys that differ only in case: GitHub reads every mapping's keys case-insensitively. */
  duplicates(es: Entry[], path: string) {
    if (es.length < 2) return;
    const seen = new Map<string, Entry>();
    for (const e of es) {
      const k = e.key.toLowerCase();
      const prev = seen.get(k);
      // Exact duplicates are YAML errors already (WF000).
      if (prev && prev.key !== e.key)
        this.issue({
          kind: 'duplicate-key',
          start: e.keyStart,
          end: e.keyEnd,
          key: e.key,
          other: prev.key,
          section: path,
        });
      else if (!prev) seen.set(k, e);
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

  /**
   * Records the `${{ }}` expressions inside one scalar (or the whole condition of an `if:`); false when the place
   * evaluates no expression (reported here).
   */
  expressions(
    s: Str,
    av: Availability,
    path: string,
    key: string,
    definition: string,
    isIf: boolean,
    scope: Scope,
  ): boolean {
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
    // One object shape for every site (all fields set at creation): the checker visits thousands of them.
    const site = (start: number, end: number, wrapped: boolean, outerStart: number, outerEnd: number): ExprSite => ({
      start,
      end,
      src: src.slice(start, end),
      expr: undefined,
      error: undefined,
      av,
      isIf,
      key,
      path,
      definition,
      scalar: s,
      job: scope.job,
      step: scope.step,
      wrapped,
      outerStart,
      outerEnd,
    });
    let i = raw.indexOf('${{');
    while (i >= 0) {
      const open = cStart + i;
      const close = findClose(raw, i + 3);
      const innerStart = open + 3;
      const innerEnd = close < 0 ? cEnd : cStart + close;
      const one = site(innerStart, innerEnd, true, open, close < 0 ? cEnd : innerEnd + 2);
      if (close < 0)
        one.error = { start: 0, end: raw.length - i - 3, message: 'the expression is not closed with "}}"' };
      sites.push(one);
      if (close < 0) break;
      i = raw.indexOf('${{', close + 2);
    }
    if (av.none) {
      for (const x of sites)
        this.issue({ kind: 'expression-not-allowed', start: x.outerStart, end: x.outerEnd, section: path });
      return false;
    }
    if (isIf && sites.length === 0 && s.value.trim() !== '') {
      const lead = raw.length - raw.trimStart().length;
      const start = cStart + lead;
      const end = cStart + raw.trimEnd().length;
      sites.push(site(start, end, false, start, end));
      if (block || node.type === 'QUOTE_DOUBLE') sites[0].src = s.value.trim();
    }
    for (const x of sites) {
      if (!x.error) {
        const r = parseExpression(x.src);
        x.expr = r.expr;
        x.error = r.error;
      }
      this.m.expressions.push(x);
    }
    return sites.length > 0;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** Required keys not worth naming when no form is chosen (only the discriminating ones are). */
const DEFAULT_HIDDEN = new Set<string>(['wait', 'wait-all', 'cancel', 'parallel']);

/**
 * The mapping form a mapping was meant as, when several are possible (a job that runs steps or calls a workflow, a
 * `run` or `uses` step ...): like GitHub's reader, each key keeps the forms that have it; `uses` and `run` go first
 * since they say what a job or step is. Undefined when no key tells the forms apart (a step with only `name:`).
 */
export function pickForm(forms: readonly MappingForm[], es: Entry[]): MappingForm | undefined {
  const rank = (k: string) => (k === 'uses' ? 0 : k === 'run' ? 1 : 2);
  let left = forms;
  for (const e of [...es].sort((a, b) => rank(a.key) - rank(b.key))) {
    const having = left.filter((f) => f.props.has(e.key));
    if (having.length) left = having;
  }
  if (left.length === 1) return left[0];
  // A job that names none of the keys that tell the forms apart runs steps (its first form).
  return forms[0].name === 'job-factory' && left.includes(forms[0]) ? forms[0] : undefined;
}

/** Whether a YAML scalar fits one of the scalar forms, as GitHub's reader decides (non-strings read as strings too). */
export function matchScalar(n: Scalar, forms: readonly ScalarForm[]): boolean {
  const v = n.value;
  const type = v === null || v === undefined ? 'null' : typeof v === 'boolean' ? 'boolean' : typeof v;
  for (const f of forms) {
    if (f.kind === 'null' && type === 'null') return true;
    if (f.kind === 'boolean' && type === 'boolean') return true;
    if (f.kind === 'number' && type === 'number') return true;
  }
  const text = type === 'string' ? (v as string) : type === 'null' ? '' : (n.source ?? String(v));
  for (const f of forms) {
    if (f.kind !== 'string') continue;
    if (f.constant !== undefined) {
      if (f.ignoreCase ? f.constant.toUpperCase() === text.toUpperCase() : f.constant === text) return true;
    } else if (!f.nonEmpty || text !== '') return true;
  }
  return false;
}

/** What a definition accepts, in words. */
export function expectedOf(d: Def): string {
  const out: string[] = [];
  if (d.mappings.length) out.push('a mapping');
  if (d.sequence) out.push('a sequence');
  const constants: string[] = [];
  for (const f of d.scalars) {
    if (f.kind === 'string' && f.constant !== undefined) constants.push(`"${f.constant}"`);
    else if (f.kind === 'string') out.push(f.nonEmpty ? 'a non-empty string' : 'a string');
    else if (f.kind === 'null') continue;
    else out.push(`a ${f.kind}`);
  }
  if (constants.length) out.push(constants.length === 1 ? constants[0] : `one of ${constants.join(', ')}`);
  const uniq = [...new Set(out)];
  if (!uniq.length) return 'empty';
  return uniq.length === 1 ? uniq[0] : `${uniq.slice(0, -1).join(', ')} or ${uniq[uniq.length - 1]}`;
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
