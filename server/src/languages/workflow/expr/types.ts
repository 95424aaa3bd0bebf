/** Types of expression values and the contexts of a workflow, typed from the workflow itself. */
import type { Job, Step, WorkflowModel } from '../parse';
import { asMap, entries } from '../../../yaml/view';

export type Ty =
  | { k: 'any' }
  | { k: 'null' }
  | { k: 'bool' }
  | { k: 'number' }
  | { k: 'string' }
  | { k: 'object'; props: Map<string, Ty>; strict: boolean; values?: Ty; docs?: Map<string, string> }
  | { k: 'array'; elem: Ty };

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

export function show(t: Ty): string {
  switch (t.k) {
    case 'object': {
      if (!t.strict) return t.values && t.values.k !== 'any' ? `{string => ${show(t.values)}}` : 'object';
      const keys = [...t.props.keys()];
      return keys.length ? `{${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}}` : '{}';
    }
    case 'array':
      return `array<${show(t.elem)}>`;
    default:
      return t.k;
  }
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
const githubTy = obj(
  Object.fromEntries(
    Object.keys(GITHUB_PROPS).map((k) => [
      k,
      k === 'event'
        ? ANY
        : k === 'run_attempt' || k === 'retention_days'
          ? STRING
          : k === 'ref_protected'
            ? BOOL
            : STRING,
    ]),
  ),
  true,
  undefined,
  GITHUB_PROPS,
);

export const RUNNER_PROPS: Record<string, string> = {
  name: 'The runner name.',
  os: 'Linux, Windows or macOS.',
  arch: 'X86, X64, ARM or ARM64.',
  temp: 'A temporary folder emptied after each job.',
  tool_cache: 'The folder of preinstalled tools.',
  debug: '1 when debug logging is on.',
  environment: 'github-hosted or self-hosted.',
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

export interface Scope {
  model: WorkflowModel;
  job?: Job;
  step?: Step;
}

/** The type of a context in one place of the workflow. */
export function contextType(name: string, scope: Scope): Ty {
  const { model, job, step } = scope;
  switch (name) {
    case 'github':
      return githubTy;
    case 'env':
      return looseMap(STRING);
    case 'vars':
      return looseMap(STRING);
    case 'secrets':
      return looseMap(STRING);
    case 'runner':
      return runnerTy;
    case 'strategy':
      return strategyTy;
    case 'job':
      return jobCtxTy;
    case 'inputs': {
      const props: Record<string, Ty> = {};
      for (const [k, def] of model.inputs)
        props[k] = def.type === 'boolean' ? BOOL : def.type === 'number' ? NUMBER : STRING;
      return obj(props, true);
    }
    case 'matrix': {
      if (!job || job.matrixDynamic) return looseMap(ANY);
      const props: Record<string, Ty> = {};
      for (const k of job.matrixKeys ?? []) props[k] = ANY;
      return obj(props, true);
    }
    case 'needs': {
      const props: Record<string, Ty> = {};
      for (const n of job?.needs ?? []) {
        const target = model.jobsById.get(n.value);
        props[n.value] = obj({
          outputs:
            target && !target.uses
              ? obj(Object.fromEntries(target.outputs.map((o) => [o.key, STRING])))
              : looseMap(STRING),
          result: STRING,
        });
      }
      return obj(props, true);
    }
    case 'jobs': {
      const props: Record<string, Ty> = {};
      for (const j of model.jobs)
        props[j.id] = obj({
          outputs: j.uses ? looseMap(STRING) : obj(Object.fromEntries(j.outputs.map((o) => [o.key, STRING]))),
          result: STRING,
        });
      return obj(props, true);
    }
    case 'steps': {
      const props: Record<string, Ty> = {};
      if (job) {
        for (const s of job.steps) {
          if (step && s.index >= step.index) break;
          if (s.id) props[s.id.value] = obj({ outputs: looseMap(STRING), outcome: STRING, conclusion: STRING });
        }
      }
      return obj(props, true);
    }
  }
  return ANY;
}

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
