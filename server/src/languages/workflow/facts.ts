/**
 * What other files may know of a GitHub Actions workflow: its jobs and steps, the ECS render and deploy steps and the
 * task definition files they name, the image builds (`docker/build-push-action`, `docker build`) with their
 * Dockerfile, context, target, build args, tags and platforms, the task definition families it names, the
 * `nix build|run|develop|shell .#name` installables of its scripts and the files its scripts write. Plain data with
 * offsets into the workflow, computed once per parse; the checks across files (`server/src/links/`) read only this.
 * A step is named by its job id and its index in the job.
 */
import type { ParsedFile } from '../../engine/types';
import { isDynamic, repoRootOf, resolveIn } from '../../text/paths';
import { awsTargetOf, familiesNamed } from './families';
import type { Job, Step, WorkflowModel } from './parse';
import { filesWritten } from './script';
import {
  buildSteps,
  DEPLOY_ACTION,
  ecsSteps,
  isLiteral,
  RENDER_ACTION,
  runnerArch,
  runnerLabels,
  stepCwd,
  type Input,
  type Word,
} from './steps';

export type { Input, Word };
export { isDynamic, isLiteral };
export { DEPLOY_ACTION, RENDER_ACTION };

export interface Span {
  start: number;
  end: number;
}

/** A step by its place: the job's id and the step's index in it. */
export interface StepRef {
  job: string;
  step: number;
}

export interface StepFacts extends StepRef, Span {
  id?: Word;
  name?: Word;
  uses?: Word;
  /** The `run:` script and its offsets. */
  run?: Word;
}

export interface JobFacts {
  id: string;
  key: Span;
  /** The runner labels as written; expressions kept. */
  runnerLabels: string[];
  /** The CPU architecture of a GitHub-hosted runner; undefined when unknown (self-hosted, expressions). */
  runnerArch?: 'arm64' | 'amd64';
}

export interface EcsStepFacts extends StepRef {
  action: 'render' | 'deploy';
  uses: Word;
  inputs: Record<string, Input>;
  taskDef?: Input;
  /** The task definition file when `task-definition` is a literal path. */
  taskDefPath?: string;
  /** A render step's `container-name`. */
  container?: Input;
  /** The AWS target of the job at this step (environment, region, role or keys), for telling deploys apart. */
  awsTarget: string;
}

export interface BuildFacts extends StepRef {
  source: 'action' | 'run';
  /** Where relative paths start: the repository root, or the step's working directory. */
  cwd: string;
  context?: Word;
  contextPath?: string;
  file?: Word;
  dockerfilePath?: string;
  target?: Word;
  buildArgs: Word[];
  tags: Word[];
  platforms: Word[];
  /** Where the workflow pushes the image to a registry (see `BuildStep.push`); undefined when it does not. */
  push?: Word;
}

export interface FamilyFacts extends StepRef, Span {
  family: string;
  /** Where it is named, for messages: `task-definition-family`, `aws ecs update-service --task-definition`. */
  via: string;
}

export interface InstallableFacts extends StepRef, Span {
  command: string;
  name: string;
}

export interface WorkflowFacts {
  /** The folder holding `.github/workflows/`, where the workflow's relative paths start. */
  root?: string;
  jobs: JobFacts[];
  steps: StepFacts[];
  ecs: EcsStepFacts[];
  builds: BuildFacts[];
  families: FamilyFacts[];
  installables: InstallableFacts[];
  /** Files a `run:` step writes (redirects, `tee`, `-o`, `cp`/`mv` targets), resolved in the step's folder. */
  writes: (StepRef & { path: string })[];
}

const word = (s: { value: string; start: number; end: number } | undefined): Word | undefined =>
  s ? { value: s.value, start: s.start, end: s.end } : undefined;
const ref = (job: Job, step: Step): StepRef => ({ job: job.id, step: step.index });

const HAS_DEFAULTS = (node: { items: { key: unknown }[] } | undefined) =>
  !!node?.items.some(
    (p) =>
      (p.key as { value?: unknown })?.value === 'defaults' ||
      (p.key as { value?: unknown })?.value === 'working-directory',
  );

/**
 * The `.#name` installables of a workflow's run steps. Steps or jobs that change the working directory (and workflows
 * with top-level `defaults:`) are skipped: their `.` is another folder.
 */
function installables(model: WorkflowModel): InstallableFacts[] {
  if (/^defaults:/m.test(model.text)) return [];
  const out: InstallableFacts[] = [];
  for (const job of model.jobs) {
    if (HAS_DEFAULTS(job.node as never)) continue;
    for (const step of job.steps) {
      if (!step.run || HAS_DEFAULTS(step.node as never)) continue;
      const script = model.text.slice(step.run.start, step.run.end);
      const re = /(?:^|[\n;&|(][^\S\n]*)nix\s+(build|run|develop|shell)\b([^\n;&|]*)/g;
      for (let m = re.exec(script); m; m = re.exec(script)) {
        const args = m[2];
        const name = /(?:^|\s)\.#([A-Za-z0-9_'-]+)(?=\s|$)/.exec(args);
        if (!name) continue;
        const start = step.run.start + m.index + m[0].length - args.length + name.index + name[0].indexOf('.#') + 2;
        out.push({ command: m[1], name: name[1], start, end: start + name[1].length, ...ref(job, step) });
      }
    }
  }
  return out;
}

export function workflowFacts(model: WorkflowModel, path: string): WorkflowFacts {
  const root = repoRootOf(path);
  const steps: StepFacts[] = [];
  const writes: WorkflowFacts['writes'] = [];
  for (const job of model.jobs)
    for (const step of job.steps) {
      // (the step reference written out, not `...ref(job, step)`: V8 makes a spread followed by more properties some
      // 20x slower, and this runs for every step)
      steps.push({
        job: job.id,
        step: step.index,
        start: step.start,
        end: step.end,
        id: word(step.id),
        name: word(step.name),
        uses: word(step.uses),
        run: word(step.run),
      });
      const cwd = root && step.run ? stepCwd(model, job, step, root) : undefined;
      if (cwd && step.run)
        for (const w of filesWritten(model.text, step.run.start, step.run.end)) {
          const p = resolveIn(cwd, w.value);
          if (p) writes.push({ job: job.id, step: step.index, path: p });
        }
    }
  return {
    root,
    jobs: model.jobs.map((job) => {
      const labels = runnerLabels(model, job);
      return {
        id: job.id,
        key: { start: job.keyStart, end: job.keyEnd },
        runnerLabels: labels,
        runnerArch: runnerArch(labels),
      };
    }),
    steps,
    ecs: ecsSteps(model, path).map((s) => ({
      job: s.job.id,
      step: s.step.index,
      action: s.action === DEPLOY_ACTION ? 'deploy' : 'render',
      uses: word(s.step.uses)!,
      inputs: Object.fromEntries(s.inputs),
      taskDef: s.taskDef,
      taskDefPath: s.taskDefPath,
      container: s.container,
      awsTarget: awsTargetOf(model, s.job, s.step),
    })),
    builds: buildSteps(model, path).map((b) => ({
      job: b.job.id,
      step: b.step.index,
      source: b.source,
      cwd: b.cwd,
      context: b.context,
      contextPath: b.contextPath,
      file: b.file,
      dockerfilePath: b.dockerfilePath,
      target: b.target,
      buildArgs: b.buildArgs,
      tags: b.tags,
      platforms: b.platforms,
      push: b.push,
    })),
    families: familiesNamed(model).map((f) => ({
      family: f.family,
      start: f.start,
      end: f.end,
      via: f.via,
      ...ref(f.job, f.step),
    })),
    installables: installables(model),
    writes,
  };
}

/** The facts of a parsed workflow (the language's `facts` hook). */
export function factsOfFile(file: ParsedFile<WorkflowModel>): WorkflowFacts {
  return workflowFacts(file.model, file.path);
}

/** The step a reference names, from the facts. */
export function stepOf(f: WorkflowFacts, r: StepRef): StepFacts | undefined {
  return f.steps.find((s) => s.job === r.job && s.step === r.step);
}

/** The job a reference names, from the facts. */
export function jobOf(f: WorkflowFacts, id: string): JobFacts | undefined {
  return f.jobs.find((j) => j.id === id);
}
