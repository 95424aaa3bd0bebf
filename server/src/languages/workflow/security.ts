/**
 * What the workflow security rules (WF1xx) share: the workflow's triggers, a step's action and inputs, the `env`
 * in force for a step with the expressions each value holds (read from the expression's text, so the rules do not
 * depend on the expression parser's tree), and the questions "does this job run code it checked out" and "is this
 * runner self-hosted".
 */
import type { Settings } from '../../engine/types';
import { asMap, asScalar, entries, entry, scalarText, type Entry, type YMap } from '../../yaml/view';
import type { Job, Step, WorkflowModel } from './parse';
import { actionName, runnerLabels } from './steps';

/** Events whose runs have a write token and secrets while they can be started by anyone who can open a PR. */
export const PRIVILEGED_UNTRUSTED_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'];

/** Event payload fields that whoever opens an issue, a pull request or a comment controls. */
const UNTRUSTED = [
  /^github\.event\.(issue|pull_request|discussion)\.(title|body)$/,
  /^github\.event\.(comment|review|review_comment)\.body$/,
  /^github\.event\.pages\.[^.]+\.page_name$/,
  /^github\.event\.(head_commit|workflow_run\.head_commit)\.(message|author\.(email|name))$/,
  /^github\.event\.commits\.[^.]+\.(message|author\.(email|name))$/,
  /^github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)$/,
  /^github\.event\.workflow_run\.(head_branch|display_title)$/,
  /^github\.event\.workflow_run\.pull_requests\.[^.]+\.head\.ref$/,
  /^github\.head_ref$/,
];

/** `[...]` spelled `.*`, in one pass (`/\[[^\]]*\]/g` rescanned the rest from each `[` when none closed). */
function bracketsAsStar(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = s.indexOf('[', i);
    const close = open < 0 ? -1 : s.indexOf(']', open + 1);
    if (close < 0) break;
    out += `${s.slice(i, open)}.*`;
    i = close + 1;
  }
  return out + s.slice(i);
}

/** Property chains in an expression's source, lower-cased, with `[*]`/`.*`/`['x']` spelled as path segments. */
export function chainsIn(src: string): string[] {
  const norm = src
    .replace(/\[\s*'([^']*)'\s*\]/g, '.$1')
    .replace(/\[\s*"([^"]*)"\s*\]/g, '.$1')
    .toLowerCase();
  // a chain starts where a name does (the lookbehind): tried from every letter of a long name, it rescanned the name
  return (
    bracketsAsStar(norm).match(/(?<![\w-])[a-z_][\w-]*(\s*\.\s*(\*|[a-z_][\w-]*))+|\b(github|secrets|env|inputs)\b/g) ??
    []
  );
}

/** The untrusted event fields an expression's source reads. */
export function untrustedIn(src: string): string[] {
  return chainsIn(src)
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => UNTRUSTED.some((r) => r.test(c)));
}

/** The secrets an expression's source reads (`secrets.NAME`), and whether it takes the whole `secrets` object. */
export function secretsIn(src: string): { names: string[]; whole: boolean } {
  const names: string[] = [];
  let whole = false;
  for (const c of chainsIn(src).map((x) => x.replace(/\s+/g, ''))) {
    if (c === 'secrets') whole = true;
    else if (c.startsWith('secrets.')) names.push(c.split('.')[1]);
  }
  return { names, whole };
}

/** The `${{ }}` sources written in a scalar of the workflow. */
export function expressionsOf(model: WorkflowModel, node: unknown): string[] {
  return model.expressions.filter((e) => e.scalar.node === node && e.wrapped).map((e) => e.src);
}

/** The names of the workflow's triggers. */
export function triggers(model: WorkflowModel): Set<string> {
  return new Set(model.triggers.map((t) => t.name));
}

/** The action a step uses, lower-cased and without its ref (`actions/checkout`), or undefined. */
export function actionOf(step: Step): string | undefined {
  return step.uses ? actionName(step.uses.value) : undefined;
}

/** A step's `with:` input, as written. */
export function input(model: WorkflowModel, step: Step, key: string): { value: string; entry: Entry } | undefined {
  const e = step.withEntries.find((x) => x.key === key);
  if (!e) return undefined;
  const value = scalarText(asScalar(e.value, model.doc));
  return value === undefined ? undefined : { value, entry: e };
}

export interface EnvVar {
  name: string;
  /** The value as written. */
  value: string;
  /** The expressions it holds. */
  expressions: string[];
  entry: Entry;
}

function envOf(model: WorkflowModel, map: YMap | undefined): EnvVar[] {
  const out: EnvVar[] = [];
  for (const e of entries(map, model.doc, false)) {
    const value = scalarText(asScalar(e.value, model.doc)) ?? '';
    out.push({ name: e.key, value, expressions: expressionsOf(model, e.value), entry: e });
  }
  return out;
}

/** The environment a step's script sees from the workflow: workflow `env`, then the job's, then the step's. */
export function envInForce(model: WorkflowModel, job: Job, step?: Step): Map<string, EnvVar> {
  const top = asMap(entry(model.root, model.doc, 'env', false)?.value, model.doc);
  const out = new Map<string, EnvVar>();
  for (const v of [...envOf(model, top), ...envOf(model, job.env), ...envOf(model, step?.env)]) out.set(v.name, v);
  return out;
}

/** Whether a job runs on a self-hosted runner (the `self-hosted` label, or a label configured as one). */
export function selfHosted(model: WorkflowModel, job: Job, settings: Settings): boolean {
  const own = new Set((settings.workflow?.selfHostedRunnerLabels ?? []).map((l) => l.toLowerCase()));
  return runnerLabels(model, job).some((l) => l.toLowerCase() === 'self-hosted' || own.has(l.toLowerCase()));
}

/** The steps of the job after this one. */
export function stepsAfter(job: Job, step: Step): Step[] {
  return job.steps.slice(step.index + 1);
}

/** Whether a step runs code from the workspace: a script, a local action, a build. */
export function runsWorkspaceCode(step: Step): boolean {
  if (step.run) return true;
  const a = actionOf(step);
  if (!a) return false;
  return (
    a.startsWith('./') ||
    /^(docker\/build-push-action|docker\/bake-action|actions\/github-script|gradle\/|goreleaser\/|pypa\/)/.test(a) ||
    /\/(setup-|action-setup)/.test(a)
  );
}

/** The top-level `permissions` of the job or the workflow as written (`write-all`, a mapping…), or undefined. */
export function permissionsOf(model: WorkflowModel, job?: Job): Entry | undefined {
  return job ? entry(job.node, model.doc, 'permissions', false) : model.permissions;
}
