/**
 * ECS task definition families a workflow names, and the families the workspace's task definition
 * files declare. Shared by XF006 (the workflow side), XF008 (the task definition side) and XF007
 * (two deploy steps for one service). A family is named by:
 * - `aws-actions/amazon-ecs-render-task-definition` inputs `task-definition-family` and
 *   `task-definition-arn` (`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`);
 * - `aws ecs <subcommand> ... --task-definition <family>[:<revision>]|<arn>` and
 *   `aws ecs register-task-definition --family <family>` in `run:` scripts.
 * Anything with `$` (a shell variable, an expression) is left out: its value is unknown.
 */
import type { WorkspaceIndex } from '../../engine/types';
import type { Job, Step, WorkflowModel } from '../workflow/parse';
import type { TaskDefModel } from '../taskdef/parse';
import { get, str } from '../taskdef/json';
import { editDistance, nearest } from '../../text/nearest';
import {
  actionSteps,
  DEPLOY_ACTION,
  ecsSteps,
  modelCache,
  RENDER_ACTION,
  stepCwd,
  type EcsStep,
  type Input,
} from './workflow';
import { repoRootOf, resolveIn } from './paths';
import { asMap, asScalar, entry, scalarText } from '../../yaml/view';
import { filesWritten, scriptCommands, type ScriptWord } from './script';

export interface FamilyRef {
  family: string;
  /** Offsets of the family name itself in the workflow text (a revision or ARN prefix excluded). */
  start: number;
  end: number;
  /** Where it is named, for messages: `task-definition-family`, `aws ecs update-service --task-definition`. */
  via: string;
  job: Job;
  step: Step;
}

/** The family a `--task-definition` value or ARN names; undefined when dynamic or not a family. */
export function familyOf(value: string): string | undefined {
  const v = value.trim();
  if (!v || v.includes('$') || v.includes('{{')) return undefined;
  const arn = /^arn:aws[a-z-]*:ecs:[^:]*:[^:]*:task-definition\/([A-Za-z0-9_-]{1,255})(?::\d+)?$/.exec(v);
  if (arn) return arn[1];
  const m = /^([A-Za-z0-9_-]{1,255})(?::\d+)?$/.exec(v);
  return m ? m[1] : undefined;
}

/** `aws ecs` subcommands whose `--task-definition` takes a family (with or without revision) or an ARN. */
const TASK_DEF_SUBCOMMANDS = new Set([
  'describe-task-definition',
  'update-service',
  'create-service',
  'run-task',
  'start-task',
  'deregister-task-definition',
  'register-task-definition',
]);
/** Global `aws` options that take a value (`aws --region x ecs ...`). */
const AWS_GLOBAL_VALUE = new Set([
  '--region',
  '--profile',
  '--output',
  '--endpoint-url',
  '--query',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
  '--cli-binary-format',
]);

function refIn(
  text: string,
  w: { start: number; end: number },
  family: string,
): { start: number; end: number } | undefined {
  const at = text.indexOf(family, w.start);
  return at >= 0 && at + family.length <= w.end ? { start: at, end: at + family.length } : undefined;
}

function fromCommand(text: string, cmd: ScriptWord[], job: Job, step: Step, out: FamilyRef[]): void {
  for (let k = 0; k < cmd.length; k++) {
    if (cmd[k].value !== 'aws' && !cmd[k].value.endsWith('/aws')) continue;
    let j = k + 1;
    while (j < cmd.length && cmd[j].value.startsWith('--')) j += AWS_GLOBAL_VALUE.has(cmd[j].value) ? 2 : 1;
    if (cmd[j]?.value !== 'ecs') continue;
    const sub = cmd[j + 1]?.value;
    if (!sub || !TASK_DEF_SUBCOMMANDS.has(sub)) continue;
    for (let f = j + 2; f < cmd.length; f++) {
      const m = /^(--task-definition|--family)(?:=(.*))?$/.exec(cmd[f].value);
      if (!m || (m[1] === '--family' && sub !== 'register-task-definition')) continue;
      const w =
        m[2] !== undefined ? { value: m[2], start: cmd[f].start + m[1].length + 1, end: cmd[f].end } : cmd[f + 1];
      if (!w) continue;
      const family = familyOf(w.value);
      const at = family && refIn(text, w, family);
      if (family && at) out.push({ family, ...at, via: `aws ecs ${sub} ${m[1]}`, job, step });
    }
    return;
  }
}

export function familiesNamed(model: WorkflowModel): FamilyRef[] {
  return modelCache(model, 'crossfile:families', () => {
    const out: FamilyRef[] = [];
    for (const a of actionSteps(model, RENDER_ACTION)) {
      for (const key of ['task-definition-family', 'task-definition-arn']) {
        const input = a.inputs.get(key);
        if (!input || input.block) continue;
        const family = familyOf(input.value);
        const at = family && refIn(model.text, { start: input.contentStart, end: input.contentEnd }, family);
        if (family && at) out.push({ family, ...at, via: key, job: a.job, step: a.step });
      }
    }
    for (const job of model.jobs) {
      for (const step of job.steps) {
        if (!step.run || !/\becs\b/.test(step.run.value)) continue;
        for (const cmd of scriptCommands(model.text, step.run.start, step.run.end))
          fromCommand(model.text, cmd, job, step, out);
      }
    }
    return out;
  });
}

export interface FamilyDef {
  path: string;
  family: string;
  start: number;
  end: number;
}

/** The literal `family` of every task definition file of the workspace (templated ones left out). */
export function workspaceFamilies(ws: WorkspaceIndex): FamilyDef[] {
  const out: FamilyDef[] = [];
  for (const p of ws.list('taskdef')) {
    const file = ws.get(p);
    if (file?.kind !== 'taskdef') continue;
    const node = get((file.model as TaskDefModel).taskDef, 'family');
    const family = str(node);
    if (!node || !family || /[$<{]/.test(family)) continue;
    // the offsets of the string's content, inside its quotes
    out.push({ path: p, family, start: node.offset + 1, end: node.offset + node.length - 1 });
  }
  return out;
}

/**
 * The workspace family a named family most likely meant, when it names none of them: a case-only
 * difference or a typo (the shared edit distance, a third of the length). Names that differ only in
 * their digits (`api-v1`/`api-v2`, `worker2`) are distinct families, not typos.
 */
export function nearFamily(name: string, families: readonly string[]): string | undefined {
  if (families.includes(name)) return undefined;
  const hit = nearest(name, families);
  if (!hit) return undefined;
  const digitless = (s: string) => s.toLowerCase().replace(/\d+/g, '#');
  if (hit.toLowerCase() !== name.toLowerCase() && digitless(hit) === digitless(name)) return undefined;
  // two families equally near: no single "did you mean"
  const d = editDistance(name.toLowerCase(), hit.toLowerCase());
  if (families.filter((f) => f !== hit && editDistance(name.toLowerCase(), f.toLowerCase()) === d).length)
    return undefined;
  return hit;
}

/** A deploy step, the service it updates and the family it deploys, when all are literal. */
export interface ServiceDeploy {
  step: Step;
  job: Job;
  service: Input;
  cluster: string;
  family: string;
  /** Where the family was read: the task definition file, or the render step's `task-definition-family`. */
  familyAt: { path: string; start: number; end: number };
  /**
   * The AWS target of the job as written (region, role or keys, environment): deploys to different targets never clash.
   */
  target: string;
}

const CREDENTIALS_ACTION = 'aws-actions/configure-aws-credentials';

function targetOf(model: WorkflowModel, job: Job, before: Step): string {
  const env = job.node ? entry(job.node, model.doc, 'environment', false)?.value : undefined;
  const envMap = asMap(env, model.doc);
  const environment =
    scalarText(asScalar(envMap ? entry(envMap, model.doc, 'name', false)?.value : env, model.doc)) ?? '';
  const creds = actionSteps(model, CREDENTIALS_ACTION)
    .filter((a) => a.job === job && a.step.index < before.index)
    .pop();
  const input = (k: string) => creds?.inputs.get(k)?.value.trim() ?? '';
  return JSON.stringify([environment, input('aws-region'), input('role-to-assume'), input('aws-access-key-id')]);
}

function familyOfFile(
  ws: WorkspaceIndex,
  path: string,
): { family: string; familyAt: ServiceDeploy['familyAt'] } | undefined {
  const file = ws.get(path);
  if (file?.kind !== 'taskdef') return undefined;
  const node = get((file.model as TaskDefModel).taskDef, 'family');
  const family = str(node);
  if (!node || !family || /[$<{]/.test(family)) return undefined;
  return { family, familyAt: { path, start: node.offset + 1, end: node.offset + node.length - 1 } };
}

/**
 * The deploy steps of a workflow with a literal `service` (and `cluster`, else "default") and the
 * family they deploy: the `task-definition` file's, or through `${{ steps.<id>.outputs.task-definition }}`
 * the render step's (its file's family, or its `task-definition-family`/`-arn`).
 */
export function serviceDeploys(
  ws: WorkspaceIndex,
  model: WorkflowModel,
  workflowPath: string,
  wanted?: (key: string) => boolean,
): ServiceDeploy[] {
  const out: ServiceDeploy[] = [];
  const steps = ecsSteps(model, workflowPath);
  for (const d of steps) {
    if (d.action !== DEPLOY_ACTION) continue;
    const service = d.inputs.get('service');
    const clusterInput = d.inputs.get('cluster');
    if (
      !service ||
      service.block ||
      !literalName(service.value) ||
      (clusterInput && (clusterInput.block || !literalName(clusterInput.value)))
    )
      continue;
    const cluster = shortName(clusterInput?.value ?? 'default');
    const target = targetOf(model, d.job, d.step);
    // Steps for other services are skipped before their task definitions are read (each read is a dependency).
    if (wanted && !wanted(deployKey(service.value, cluster, target))) continue;
    let found: { family: string; familyAt: ServiceDeploy['familyAt'] } | undefined;
    if (d.taskDefPath) found = familyOfFile(ws, d.taskDefPath);
    else if (d.taskDef) {
      const ref = /^\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.task-definition\s*\}\}$/.exec(d.taskDef.value.trim());
      const render =
        ref && steps.find((s) => s.action === RENDER_ACTION && s.job === d.job && s.step.id?.value === ref[1]);
      if (render?.taskDefPath)
        found = familyOfFile(ws, render.taskDefPath) ?? describedInto(model, render, workflowPath);
      else if (render && !render.taskDef) {
        const named = familiesNamed(model).find((f) => f.step === render.step);
        if (named)
          found = { family: named.family, familyAt: { path: workflowPath, start: named.start, end: named.end } };
      }
    }
    if (!found) continue;
    out.push({ step: d.step, job: d.job, service, cluster, ...found, target });
  }
  return out;
}

/** What makes two deploy steps update the same service: its name, its cluster and the AWS target of the job. */
export function deployKey(service: string, cluster: string, target: string): string {
  return JSON.stringify([shortName(service), cluster, target]);
}

/**
 * The family an earlier step of the job fetched into the render step's file (`aws ecs describe-task-definition
 * --task-definition web > td.json`).
 */
function describedInto(
  model: WorkflowModel,
  render: EcsStep,
  workflowPath: string,
): { family: string; familyAt: ServiceDeploy['familyAt'] } | undefined {
  const root = repoRootOf(workflowPath);
  if (!root) return undefined;
  let found: FamilyRef | undefined;
  for (const r of familiesNamed(model)) {
    if (
      r.job !== render.job ||
      r.step.index >= render.step.index ||
      !r.step.run ||
      !r.via.startsWith('aws ecs describe-task-definition')
    )
      continue;
    const cwd = stepCwd(model, r.job, r.step, root);
    if (
      cwd &&
      filesWritten(model.text, r.step.run.start, r.step.run.end).some(
        (w) => resolveIn(cwd, w.value) === render.taskDefPath,
      )
    )
      found = r;
  }
  return found && { family: found.family, familyAt: { path: workflowPath, start: found.start, end: found.end } };
}

const literalName = (v: string) => !!v.trim() && !v.includes('$') && !v.includes('{{');
/** A cluster or service written as an ARN (`arn:aws:ecs:...:cluster/prod`, `service/prod/web`) → its name. */
export function shortName(v: string): string {
  const t = v.trim();
  return t.startsWith('arn:') ? t.slice(t.lastIndexOf('/') + 1) : t;
}
