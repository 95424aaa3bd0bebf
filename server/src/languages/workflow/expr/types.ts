/**
 * Types of expression values, and the contexts of a workflow typed from the workflow itself: `matrix` from its rows
 * and `include`, `steps` from the step ids before a step (with the outputs of popular actions from the catalog and of
 * local actions from their `action.yml`), `needs` from the needed jobs' outputs, `inputs` and `secrets` from the
 * workflow's `workflow_dispatch`/`workflow_call` declarations, and `github.event.inputs` from the dispatch inputs.
 */
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { WorkspaceIndex } from '../../../engine/types';
import type { Job, Step, WorkflowModel } from '../parse';
import { asMap, asScalar, deref, entries, entry } from '../../../yaml/view';
import { lookupAction, usesRef } from '../actions';
import { readLocalAction, readLocalWorkflow } from '../local-actions';

export type Ty =
  | { k: 'any' }
  | { k: 'null' }
  | { k: 'bool' }
  | { k: 'number' }
  | { k: 'string' }
  | { k: 'object'; props: Map<string, Ty>; strict: boolean; values?: Ty; docs?: Map<string, string> }
  /** `deref`: made by an object filter (`a.*`), so `.name` maps over the elements. */
  | { k: 'array'; elem: Ty; deref?: boolean };

export const ANY: Ty = { k: 'any' };
export const STRING: Ty = { k: 'string' };
export const NUMBER: Ty = { k: 'number' };
export const BOOL: Ty = { k: 'bool' };
export const NULL: Ty = { k: 'null' };

export function obj(props: Record<string, Ty>, strict = true, values?: Ty, docs?: Record<string, string>): Ty {
  const m = new Map<string, Ty>();
  for (const [k, v] of Object.entries(props)) m.set(k.toLowerCase(), v);
  const d = docs ? new Map(Object.entries(docs).map(([k, v]) => [k.toLowerCase(), v])) : undefined;
  return { k: 'object', props: m, strict, values, docs: d };
}
export function looseMap(values: Ty = ANY): Ty {
  return { k: 'object', props: new Map(), strict: false, values };
}
export function array(elem: Ty, deref = false): Ty {
  return deref ? { k: 'array', elem, deref } : { k: 'array', elem };
}

export function show(t: Ty): string {
  switch (t.k) {
    case 'object': {
      if (!t.strict) return t.values && t.values.k !== 'any' ? `{string => ${show(t.values)}}` : 'object';
      const keys = [...t.props.keys()].sort();
      return keys.length ? `{${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}}` : '{}';
    }
    case 'array':
      return `array<${show(t.elem)}>`;
    default:
      return t.k;
  }
}

/** One type for values of two types (a matrix row of several values, `a || b`): `any` when they do not agree. */
export function fuse(a: Ty, b: Ty): Ty {
  if (a.k === 'any' || b.k === 'any') return ANY;
  if (a.k === 'string' && (b.k === 'string' || b.k === 'number')) return a;
  if (b.k === 'string' && a.k === 'number') return b;
  if (a.k === 'object' && b.k === 'object') {
    if (!a.props.size && !a.strict) return a;
    if (!b.props.size && !b.strict) return b;
    const props = new Map(a.props);
    for (const [k, t] of b.props) {
      const prev = props.get(k);
      props.set(k, prev ? fuse(prev, t) : t);
    }
    return { k: 'object', props, strict: a.strict && b.strict, values: a.values ?? b.values };
  }
  if (a.k === 'array' && b.k === 'array') {
    if (a.elem.k === 'any') return a;
    if (b.elem.k === 'any') return b;
    return array(fuse(a.elem, b.elem));
  }
  return a.k === b.k ? a : ANY;
}

/** Whether a value of type `from` may be passed where `to` is expected (a function parameter). */
export function assignable(to: Ty, from: Ty): boolean {
  if (to.k === 'any' || from.k === 'any' || to.k === 'bool') return true;
  switch (to.k) {
    case 'string':
      return from.k === 'string' || from.k === 'number';
    case 'array':
      return from.k === 'array' && assignable(to.elem, from.elem);
    default:
      return to.k === from.k;
  }
}

/** The type of a JSON value (`fromJSON` of a literal). */
export function typeOfJSON(v: unknown): Ty {
  if (v === null) return NULL;
  if (Array.isArray(v)) return array(v.length ? v.map(typeOfJSON).reduce(fuse) : ANY);
  switch (typeof v) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOL;
    case 'object': {
      const props = new Map<string, Ty>();
      for (const [k, x] of Object.entries(v as object)) props.set(k.toLowerCase(), typeOfJSON(x));
      return { k: 'object', props, strict: true };
    }
  }
  return ANY;
}

/** The type of a YAML value written in the workflow (a matrix value): an expression stands for anything. */
export function typeOfYaml(node: unknown, doc: Document | undefined, depth = 0): Ty {
  const n = deref(node, doc);
  if (!n || depth > 16) return ANY;
  if (isScalar(n)) {
    const v = n.value;
    if (v === null || v === undefined) return NULL;
    if (typeof v === 'boolean') return BOOL;
    if (typeof v === 'number') return NUMBER;
    return typeof v === 'string' && v.includes('${{') ? ANY : STRING;
  }
  if (isSeq(n)) return array(n.items.length ? n.items.map((i) => typeOfYaml(i, doc, depth + 1)).reduce(fuse) : ANY);
  if (isMap(n)) {
    const props = new Map<string, Ty>();
    for (const e of entries(n, doc, false)) props.set(e.key.toLowerCase(), typeOfYaml(e.value, doc, depth + 1));
    return { k: 'object', props, strict: true };
  }
  return ANY;
}

export const GITHUB_PROPS: Record<string, string> = {
  action: 'The name of the action running, or the id of the step.',
  action_path: 'The path of the running action (composite actions).',
  action_ref: 'The ref of the running action.',
  action_repository: 'The owner/repo of the running action.',
  action_status: 'The result of a composite action.',
  actor: 'The user that triggered the first run.',
  actor_id: 'The account id of the actor.',
  api_url: 'The REST API URL.',
  artifact_cache_size_limit: 'The cache size limit of the repository, in GB.',
  base_ref: 'The base branch of a pull request.',
  env: 'The path of the GITHUB_ENV file.',
  event: 'The full webhook event payload.',
  event_name: 'The name of the event that triggered the run.',
  event_path: 'The path of the event payload file.',
  graphql_url: 'The GraphQL API URL.',
  head_ref: 'The head branch of a pull request (untrusted).',
  job: 'The job id of the current job.',
  path: 'The path of the GITHUB_PATH file.',
  ref: 'The full ref that triggered the run, e.g. refs/heads/main.',
  ref_name: 'The short ref name, e.g. main.',
  ref_protected: 'Whether the ref is protected.',
  ref_type: 'branch or tag.',
  repository: 'The owner/repo name.',
  repository_id: 'The repository id.',
  repository_owner: 'The owner name.',
  repository_owner_id: 'The owner account id.',
  repository_visibility: 'public, private or internal.',
  repositoryurl: 'The git URL of the repository.',
  retention_days: 'Days logs and artifacts are kept.',
  run_id: 'A unique number for each run.',
  run_number: 'A number for each run of this workflow.',
  run_attempt: 'The attempt number of this run.',
  secret_source: 'Where the secrets come from: Actions, Dependabot, Codespaces or None.',
  server_url: 'The GitHub server URL.',
  sha: 'The commit SHA that triggered the run.',
  token: 'A token to authenticate on behalf of the app installed on the repository.',
  triggering_actor: 'The user that started this run attempt.',
  workflow: 'The workflow name.',
  workflow_ref: 'The ref path of the workflow file.',
  workflow_sha: 'The commit SHA of the workflow file.',
  workspace: 'The default working directory of steps.',
  output: 'The path of the GITHUB_OUTPUT file.',
  state: 'The path of the GITHUB_STATE file.',
  step_summary: 'The path of the GITHUB_STEP_SUMMARY file.',
};
const GITHUB_TYPES: Record<string, Ty> = {
  ref_protected: BOOL,
  retention_days: NUMBER,
  artifact_cache_size_limit: NUMBER,
};
let plainGithub: Ty | undefined;
function githubType(eventInputs: Ty | undefined): Ty {
  // Without dispatch inputs the type is always the same (types are never changed once built).
  if (!eventInputs) return (plainGithub ??= githubObject(looseMap(ANY)));
  return githubObject(obj({ inputs: eventInputs }, false));
}
function githubObject(event: Ty): Ty {
  return obj(
    Object.fromEntries(Object.keys(GITHUB_PROPS).map((k) => [k, k === 'event' ? event : (GITHUB_TYPES[k] ?? STRING)])),
    true,
    undefined,
    GITHUB_PROPS,
  );
}

export const RUNNER_PROPS: Record<string, string> = {
  name: 'The runner name.',
  os: 'Linux, Windows or macOS.',
  arch: 'X86, X64, ARM or ARM64.',
  temp: 'A temporary folder emptied after each job.',
  tool_cache: 'The folder of preinstalled tools.',
  debug: '1 when debug logging is on.',
  environment: 'github-hosted or self-hosted.',
  workspace: 'The working folder of the runner.',
};
const runnerTy = obj(
  Object.fromEntries(Object.keys(RUNNER_PROPS).map((k) => [k, STRING])),
  true,
  undefined,
  RUNNER_PROPS,
);
export const STRATEGY_PROPS: Record<string, string> = {
  'fail-fast': 'Whether a failing matrix job cancels the others.',
  'job-index': 'The index of this matrix job (from 0).',
  'job-total': 'How many matrix jobs there are.',
  'max-parallel': 'How many matrix jobs run at once.',
};
const strategyTy = obj(
  { 'fail-fast': BOOL, 'job-index': NUMBER, 'job-total': NUMBER, 'max-parallel': NUMBER },
  true,
  undefined,
  STRATEGY_PROPS,
);
export const JOB_CTX_PROPS: Record<string, string> = {
  container: 'The job container: id and network.',
  services: 'The service containers: id, network and ports.',
  status: 'success, failure or cancelled.',
  check_run_id: 'The check run id of the job.',
  workflow_ref: 'The ref of the workflow file of this job.',
  workflow_sha: 'The commit of the workflow file of this job.',
  workflow_repository: 'The repository of the workflow file.',
  workflow_file_path: 'The path of the workflow file.',
};
const jobCtxTy = obj(
  {
    container: obj({ id: STRING, network: STRING }),
    services: looseMap(obj({ id: STRING, network: STRING, ports: looseMap(STRING) })),
    status: STRING,
    check_run_id: NUMBER,
    workflow_ref: STRING,
    workflow_sha: STRING,
    workflow_repository: STRING,
    workflow_file_path: STRING,
  },
  true,
  undefined,
  JOB_CTX_PROPS,
);

export const CONTEXT_DOCS: Record<string, string> = {
  github: 'Information about the run and the event that triggered it.',
  env: 'Environment variables set in the workflow, job or step.',
  vars: 'Configuration variables of the repository, environment or organization.',
  secrets: 'Secrets available to the run.',
  inputs: 'Inputs of `workflow_dispatch` or `workflow_call`.',
  matrix: 'The matrix values of this job run.',
  needs: 'Outputs and results of the jobs this job needs.',
  steps: 'Outputs, outcome and conclusion of earlier steps with an id.',
  job: 'The running job: container, services, status.',
  jobs: 'Outputs and results of the jobs of a reusable workflow.',
  runner: 'The runner executing the job.',
  strategy: 'The matrix strategy of the job.',
};

export const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'matrix',
  'needs',
  'steps',
  'job',
  'jobs',
  'runner',
  'strategy',
];

/** Actions that set outputs of any name (`core.setOutput` from a script, one output per filter ...). */
const DYNAMIC_OUTPUTS = new Set(['actions/github-script', 'dorny/paths-filter']);
/** Secrets every called workflow has, declared or not. */
const IMPLICIT_SECRETS = ['github_token', 'actions_step_debug', 'actions_runner_debug'];

export interface TypingEnv {
  /** The workflow's path and the workspace: local actions and local reusable workflows are read through them. */
  path?: string;
  workspace?: WorkspaceIndex;
}

/**
 * The contexts of one workflow, typed once and shared by every expression of a check (built through `ctx.once`).
 * Per-job and per-step types are computed on first use.
 */
export class Typing {
  private readonly doc: Document | undefined;
  private github?: Ty;
  private inputs?: Ty;
  private secrets?: Ty;
  private jobsTy?: Ty;
  private readonly matrix = new Map<Job, Ty>();
  private readonly needs = new Map<Job, Ty>();
  private readonly outputs = new Map<Step, Ty>();
  private readonly callOutputs = new Map<Job, Ty>();

  constructor(
    private readonly model: WorkflowModel,
    private readonly env: TypingEnv = {},
  ) {
    this.doc = model.doc;
  }

  context(name: string, job?: Job, step?: Step): Ty {
    switch (name) {
      case 'github':
        return (this.github ??= githubType(this.dispatchInputs()));
      case 'env':
      case 'vars':
        return looseMap(STRING);
      case 'secrets':
        return (this.secrets ??= this.secretsType());
      case 'runner':
        return runnerTy;
      case 'strategy':
        return strategyTy;
      case 'job':
        return jobCtxTy;
      case 'inputs':
        return (this.inputs ??= this.inputsType());
      case 'matrix':
        return job ? this.matrixOf(job) : obj({});
      case 'needs':
        return job ? this.needsOf(job) : obj({});
      case 'jobs':
        return (this.jobsTy ??= this.jobsType());
      case 'steps':
        return job ? this.stepsBefore(job, step) : obj({});
    }
    return ANY;
  }

  private dispatchInputs(): Ty | undefined {
    if (!this.model.hasDispatchTrigger) return undefined;
    const props: Record<string, Ty> = {};
    for (const [k, d] of this.model.inputs) if (d.event === 'workflow_dispatch') props[k] = STRING;
    return obj(props);
  }

  private inputsType(): Ty {
    const props: Record<string, Ty> = {};
    for (const [k, d] of this.model.inputs)
      props[k] = d.type === 'boolean' ? BOOL : d.type === 'number' ? NUMBER : STRING;
    return obj(props);
  }

  /** Strict when the workflow is only called (`workflow_call` is its only trigger) and declares its secrets. */
  private secretsType(): Ty {
    const m = this.model;
    const onlyCalled = m.triggers.length > 0 && m.triggers.every((t) => t.name === 'workflow_call');
    if (!m.declaresSecrets || !onlyCalled) return looseMap(STRING);
    const props: Record<string, Ty> = {};
    for (const s of IMPLICIT_SECRETS) props[s] = STRING;
    for (const k of m.callSecrets.keys()) props[k] = STRING;
    return obj(props);
  }

  private jobsType(): Ty {
    const props: Record<string, Ty> = {};
    for (const j of this.model.jobs) props[j.id] = obj({ outputs: this.jobOutputs(j), result: STRING });
    return obj(props);
  }

  /** The outputs a job gives to `needs.<id>.outputs`: its `outputs:`, or a called local workflow's. */
  private jobOutputs(j: Job): Ty {
    if (!j.uses) return obj(Object.fromEntries(j.outputs.map((o) => [o.key, STRING])));
    let t = this.callOutputs.get(j);
    if (!t) {
      const called =
        this.env.path && this.env.workspace
          ? readLocalWorkflow(this.env.path, j.uses.value, this.env.workspace)
          : undefined;
      t = called?.outputs ? obj(Object.fromEntries(called.outputs.map((o) => [o, STRING]))) : looseMap(STRING);
      this.callOutputs.set(j, t);
    }
    return t;
  }

  private needsOf(job: Job): Ty {
    let t = this.needs.get(job);
    if (!t) {
      const props: Record<string, Ty> = {};
      for (const n of job.needs) {
        const target = this.model.jobsById.get(n.value) ?? this.byLowerId(n.value);
        if (!target) continue;
        props[target.id] = obj({ outputs: this.jobOutputs(target), result: STRING });
      }
      t = obj(props);
      this.needs.set(job, t);
    }
    return t;
  }

  private byLowerId(id: string): Job | undefined {
    const l = id.toLowerCase();
    return this.model.jobs.find((j) => j.id.toLowerCase() === l);
  }

  private matrixOf(job: Job): Ty {
    let t = this.matrix.get(job);
    if (!t) {
      t = this.matrixType(job);
      this.matrix.set(job, t);
    }
    return t;
  }

  private matrixType(job: Job): Ty {
    const doc = this.doc;
    if (!job.hasStrategy) return obj({});
    if (!job.matrix) {
      // `matrix: ${{ fromJSON('{...}') }}` of a literal is typed from the JSON; any other expression is anything.
      const strategy = asMap(entry(job.node, doc, 'strategy', false)?.value, doc);
      // `strategy: ${{ ... }}`: anything.
      if (!strategy) return looseMap(ANY);
      const m = asScalar(entry(strategy, doc, 'matrix', false)?.value, doc);
      if (!entry(strategy, doc, 'matrix', false)) return obj({});
      const lit =
        typeof m?.value === 'string' ? /^\s*\$\{\{\s*fromjson\('((?:[^']|'')*)'\)\s*\}\}\s*$/i.exec(m.value) : null;
      if (lit) {
        try {
          const json = typeOfJSON(JSON.parse(lit[1].replace(/''/g, "'")));
          if (json.k === 'object') return rowsOf(json);
        } catch {
          // broken JSON is the function rule's business
        }
      }
      return looseMap(ANY);
    }
    const props = new Map<string, Ty>();
    let strict = true;
    for (const e of entries(job.matrix, doc, false)) {
      if (e.key === 'exclude') continue;
      if (e.key === 'include') {
        const seq = deref(e.value, doc);
        if (!seq || !isSeq(seq)) {
          strict = false;
          continue;
        }
        for (const it of seq.items) {
          const im = asMap(it, doc);
          if (!im) {
            strict = false;
            continue;
          }
          for (const ie of entries(im, doc, false)) {
            const k = ie.key.toLowerCase();
            const t = typeOfYaml(ie.value, doc);
            const prev = props.get(k);
            props.set(k, prev ? fuse(prev, t) : t);
          }
        }
        continue;
      }
      const row = typeOfYaml(e.value, doc);
      const k = e.key.toLowerCase();
      const t = row.k === 'array' ? row.elem : ANY;
      const prev = props.get(k);
      props.set(k, prev ? fuse(prev, t) : t);
    }
    return strict ? { k: 'object', props, strict: true } : { k: 'object', props, strict: false, values: ANY };
  }

  /** The `steps` context at a step: the steps with an id before it in its job (all of them in job outputs). */
  private stepsBefore(job: Job, step: Step | undefined): Ty {
    const props = new Map<string, Ty>();
    let strict = true;
    for (const s of job.steps) {
      if (step && s.index >= step.index) break;
      if (!s.id) continue;
      if (s.id.value.includes('${{')) {
        strict = false;
        continue;
      }
      props.set(s.id.value.toLowerCase(), obj({ outputs: this.outputsOf(s), outcome: STRING, conclusion: STRING }));
    }
    return strict ? { k: 'object', props, strict: true } : { k: 'object', props, strict: false, values: ANY };
  }

  /** `steps.<id>.outputs` of a step: the action's declared outputs when known, else any name. */
  outputsOf(s: Step): Ty {
    let t = this.outputs.get(s);
    if (t) return t;
    t = looseMap(STRING);
    if (s.uses) {
      const r = usesRef(s.uses);
      if (r.kind === 'repo' && !DYNAMIC_OUTPUTS.has(`${r.owner}/${r.repo}`.toLowerCase())) {
        const a = lookupAction(r.name)?.action;
        if (a?.outputs.length) t = obj(Object.fromEntries(a.outputs.map((o) => [o, STRING])));
      } else if (r.kind === 'local' && this.env.path && this.env.workspace) {
        const l = readLocalAction(this.env.path, r.path, this.env.workspace);
        if (l?.action.outputs.length) t = obj(Object.fromEntries(l.action.outputs.map((o) => [o, STRING])));
      }
    }
    this.outputs.set(s, t);
    return t;
  }
}

/** A matrix given as one JSON object: its rows' element types, `include` keys added, `exclude` left out. */
function rowsOf(json: Ty & { k: 'object' }): Ty {
  const props = new Map<string, Ty>();
  for (const [k, v] of json.props) {
    if (k === 'exclude') continue;
    if (k === 'include') {
      if (v.k === 'array' && v.elem.k === 'object')
        for (const [ik, iv] of v.elem.props) props.set(ik, props.has(ik) ? fuse(props.get(ik)!, iv) : iv);
      else return looseMap(ANY);
      continue;
    }
    props.set(k, v.k === 'array' ? v.elem : ANY);
  }
  return { k: 'object', props, strict: true };
}

export interface Scope {
  model: WorkflowModel;
  job?: Job;
  step?: Step;
  env?: TypingEnv;
}

/** The type of a context in one place of the workflow (for editor features; checks share one Typing). */
export function contextType(name: string, scope: Scope): Ty {
  return new Typing(scope.model, scope.env).context(name, scope.job, scope.step);
}

/** Names declared by a job's `steps[].id`, used for completions. */
export function stepIds(job: Job, before?: Step): string[] {
  const out: string[] = [];
  for (const s of job.steps) {
    if (before && s.index >= before.index) break;
    if (s.id) out.push(s.id.value);
  }
  return out;
}

export function envNames(model: WorkflowModel, job?: Job, step?: Step): string[] {
  const out = new Set<string>();
  const root = model.root && model.doc ? asMap(model.root.get('env', true), model.doc) : undefined;
  for (const e of entries(root, model.doc, false)) out.add(e.key);
  for (const e of entries(job?.env, model.doc, false)) out.add(e.key);
  for (const e of entries(step?.env, model.doc, false)) out.add(e.key);
  return [...out];
}
