/**
 * The ECS task definition families a workflow names. Read into the workflow's facts for XF006, XF007 and XF008. A family is named by:
 * - `aws-actions/amazon-ecs-render-task-definition` inputs `task-definition-family` and
 *   `task-definition-arn` (`arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`);
 * - `aws ecs <subcommand> ... --task-definition <family>[:<revision>]|<arn>` and
 *   `aws ecs register-task-definition --family <family>` in `run:` scripts.
 * Anything with `$` (a shell variable, an expression) is left out: its value is unknown.
 */
import type { Job, Step, WorkflowModel } from './parse';
import { actionSteps, RENDER_ACTION } from './steps';
import { asMap, asScalar, entry, scalarText } from '../../yaml/view';
import { scriptCommands, type ScriptWord } from './script';

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

/** Every family a workflow names, in render step inputs and `aws ecs` commands. */
export function familiesNamed(model: WorkflowModel): FamilyRef[] {
  {
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
  }
}

const CREDENTIALS_ACTION = 'aws-actions/configure-aws-credentials';

/**
 * The AWS target of a job before a step, as written (environment, region, role or keys of the last
 * `configure-aws-credentials` before it): deploys to different targets never clash.
 */
export function awsTargetOf(model: WorkflowModel, job: Job, before: Step): string {
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
