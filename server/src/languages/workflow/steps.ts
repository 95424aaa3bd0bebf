/**
 * The steps of a workflow that concern other files: the ECS render/deploy steps and the task definition they name,
 * and the image builds (`docker/build-push-action`, `docker build` in `run:`) with their Dockerfile, context, target,
 * build args, tags and platforms. Offsets are into the workflow text. `facts.ts` turns them into plain data.
 */
import { posix } from 'node:path';
import type { Job, Step, WorkflowModel } from './parse';
import { asMap, asScalar, entry, nodeRange, scalarText } from '../../yaml/view';
import { isDynamic, repoRootOf, resolveIn } from '../../text/paths';
import { scriptWords } from './script';
import { contentRange } from '../../yaml/scalar';

/** One `with:` input: its value, the whole scalar's range and the range of its content (inside quotes). */
export interface Input {
  key: string;
  value: string;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  keyStart: number;
  keyEnd: number;
  block: boolean;
}

export interface ActionStep {
  job: Job;
  step: Step;
  action: string;
  inputs: Map<string, Input>;
}

export const RENDER_ACTION = 'aws-actions/amazon-ecs-render-task-definition';
export const DEPLOY_ACTION = 'aws-actions/amazon-ecs-deploy-task-definition';
export const BUILD_PUSH_ACTION = 'docker/build-push-action';

/** The action name of a `uses:` without its ref, lower-cased (`docker/build-push-action`). */
export function actionName(uses: string): string {
  const at = uses.indexOf('@');
  return (at < 0 ? uses : uses.slice(0, at)).toLowerCase();
}

function inputsOf(model: WorkflowModel, step: Step): Map<string, Input> {
  const out = new Map<string, Input>();
  for (const e of step.withEntries) {
    const s = asScalar(e.value, model.doc);
    const value = scalarText(s);
    if (!s || value === undefined) continue;
    const [start, end] = nodeRange(s);
    const content = contentRange(s);
    const block = s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED';
    out.set(e.key, {
      key: e.key,
      value,
      start,
      end,
      contentStart: content.start,
      contentEnd: content.end,
      keyStart: e.keyStart,
      keyEnd: e.keyEnd,
      block,
    });
  }
  return out;
}

/** Every step that uses one of the actions (by name, any ref). */
export function actionSteps(model: WorkflowModel, ...names: string[]): ActionStep[] {
  const out: ActionStep[] = [];
  for (const job of model.jobs) {
    for (const step of job.steps) {
      if (!step.uses) continue;
      const action = actionName(step.uses.value);
      if (names.includes(action)) out.push({ job, step, action, inputs: inputsOf(model, step) });
    }
  }
  return out;
}

/** A render or deploy step and the task definition file it names. */
export interface EcsStep extends ActionStep {
  taskDef?: Input;
  /** The resolved path when `task-definition` is a literal file path. */
  taskDefPath?: string;
  container?: Input;
}

/** The ECS render and deploy steps of a workflow and the task definition files they name. */
export function ecsSteps(model: WorkflowModel, workflowPath: string): EcsStep[] {
  const root = repoRootOf(workflowPath);
  return actionSteps(model, RENDER_ACTION, DEPLOY_ACTION).map((a) => {
    const taskDef = a.inputs.get('task-definition');
    const taskDefPath = root && taskDef && !taskDef.block ? resolveIn(root, taskDef.value) : undefined;
    return {
      ...a,
      taskDef,
      taskDefPath,
      container: a.action === RENDER_ACTION ? a.inputs.get('container-name') : undefined,
    };
  });
}

/** A word of a build (a flag value, a tag, a build arg) with its offsets in the workflow text. */
export interface Word {
  value: string;
  start: number;
  end: number;
}

export interface BuildStep {
  job: Job;
  step: Step;
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
  /**
   * Where the workflow pushes the image to a registry: the action's `push` (`true` or an expression, which pushes on
   * some events) or `outputs` with `type=registry`/`push=true`, `--push` or such an `--output` of `docker build`, or a
   * later `docker push` in the same job of one of its tags (or of any image, when a tag or the pushed name is given
   * by a variable).
   */
  push?: Word;
}

/** Each `NAME=value` line (or list item) of a multi-line input, with the offsets of NAME. */
function linesOf(text: string, input: Input, nameOnly: boolean): Word[] {
  const out: Word[] = [];
  let cursor = input.contentStart;
  for (const raw of input.value.split(/[\n,]/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const word = nameOnly ? line.split('=')[0].trim() : line;
    if (!word) continue;
    const at = text.indexOf(word, cursor);
    if (at < 0 || at > input.end) continue;
    cursor = at + word.length;
    out.push({ value: word, start: at, end: at + word.length });
  }
  return out;
}

function workingDirectory(model: WorkflowModel, job: Job, step: Step): string | undefined {
  const fromStep = scalarText(asScalar(entry(step.node, model.doc, 'working-directory', false)?.value, model.doc));
  if (fromStep !== undefined) return fromStep;
  for (const holder of [job.node, model.root]) {
    const run = asMap(
      entry(asMap(entry(holder, model.doc, 'defaults', false)?.value, model.doc), model.doc, 'run', false)?.value,
      model.doc,
    );
    const wd = scalarText(asScalar(entry(run, model.doc, 'working-directory', false)?.value, model.doc));
    if (wd !== undefined) return wd;
  }
  return undefined;
}

const word = (i: Input | undefined): Word | undefined =>
  i ? { value: i.value.trim(), start: i.contentStart, end: i.contentEnd } : undefined;

/** The image builds of a workflow: `docker/build-push-action` steps and `docker build` commands in `run:`. */
export function buildSteps(model: WorkflowModel, workflowPath: string): BuildStep[] {
  const root = repoRootOf(workflowPath);
  if (!root) return [];
  const out: BuildStep[] = [];
  for (const a of actionSteps(model, BUILD_PUSH_ACTION)) {
    const b: BuildStep = {
      job: a.job,
      step: a.step,
      source: 'action',
      cwd: root,
      buildArgs: [],
      tags: [],
      platforms: [],
    };
    b.context = word(a.inputs.get('context'));
    // Without `context` the action builds the Git checkout of the repository itself.
    b.contextPath = b.context ? resolveIn(root, b.context.value) : root;
    b.file = word(a.inputs.get('file'));
    // `file` is read from the working directory (the repository root), not from the context.
    b.dockerfilePath = b.file
      ? resolveIn(root, b.file.value)
      : b.contextPath && posix.join(b.contextPath, 'Dockerfile');
    b.target = word(a.inputs.get('target'));
    const args = a.inputs.get('build-args');
    if (args) b.buildArgs = linesOf(model.text, args, true);
    const tags = a.inputs.get('tags');
    if (tags) b.tags = linesOf(model.text, tags, false);
    const platforms = a.inputs.get('platforms');
    if (platforms) b.platforms = linesOf(model.text, platforms, false);
    const push = a.inputs.get('push');
    const outputs = a.inputs.get('outputs');
    if (push && /^(true|\$\{\{)/i.test(push.value.trim())) b.push = word(push);
    else if (outputs && PUSH_OUTPUT.test(outputs.value)) b.push = word(outputs);
    out.push(b);
  }
  for (const job of model.jobs) {
    for (const step of job.steps) {
      if (!step.run || !/\bdocker\b/.test(step.run.value)) continue;
      const wd = workingDirectory(model, job, step);
      const cwd = wd === undefined ? root : resolveIn(root, wd);
      if (!cwd) continue;
      for (const cmd of dockerBuildCommands(model.text, step.run.start, step.run.end)) {
        const b: BuildStep = {
          job,
          step,
          source: 'run',
          cwd,
          buildArgs: cmd.buildArgs,
          tags: cmd.tags,
          platforms: cmd.platforms,
          file: cmd.file,
          target: cmd.target,
          context: cmd.context,
          push: cmd.push,
        };
        b.contextPath = cmd.context ? resolveIn(cwd, cmd.context.value) : undefined;
        if (cmd.context?.value === '-') b.contextPath = undefined;
        b.dockerfilePath = cmd.file
          ? cmd.file.value === '-'
            ? undefined
            : resolveIn(cwd, cmd.file.value)
          : b.contextPath && posix.join(b.contextPath, 'Dockerfile');
        out.push(b);
      }
    }
  }
  for (const b of out) b.push ??= pushedLater(model, b);
  return out;
}

/** An `--output`/`outputs` that sends the image to a registry. */
const PUSH_OUTPUT = /type=registry|push=true/;

/** The `docker push` / `docker image push` commands of the scripts of a job, from the build's step on. */
function pushedLater(model: WorkflowModel, b: BuildStep): Word | undefined {
  const literalTags = b.tags.filter((t) => !isDynamic(t.value)).map((t) => t.value);
  const dynamicTag = b.tags.some((t) => isDynamic(t.value));
  for (const step of b.job.steps) {
    if (step.index < b.step.index || !step.run || !/\bdocker\b/.test(step.run.value)) continue;
    const words = scriptWords(model.text, step.run.start, step.run.end);
    for (let k = 0; k < words.length; k++) {
      if (words[k].sep || words[k].value !== 'docker') continue;
      let j = k + 1;
      if (words[j]?.value === 'image') j++;
      if (words[j]?.value !== 'push') continue;
      for (j++; j < words.length && !words[j].sep; j++) {
        const w = words[j];
        if (w.value.startsWith('-')) continue;
        if (
          dynamicTag ||
          isDynamic(w.value) ||
          literalTags.includes(w.value) ||
          literalTags.some((t) => sameRepo(t, w.value))
        )
          return { value: w.value, start: w.start, end: w.end };
      }
    }
  }
  return undefined;
}

/** `docker push --all-tags acme/web` pushes every tag of the repository. */
const sameRepo = (tag: string, pushed: string) => !pushed.includes(':') && tag.split(':')[0] === pushed;

interface Cmd {
  file?: Word;
  target?: Word;
  context?: Word;
  buildArgs: Word[];
  tags: Word[];
  platforms: Word[];
  push?: Word;
}

/**
 * `docker build` / `docker buildx build` / `docker image build` commands in a script, read with the
 * script reader of crossfile/script.ts (quotes and line continuations; anything with a variable is
 * kept as written and later ignored as dynamic).
 */
export function dockerBuildCommands(text: string, start: number, end: number): Cmd[] {
  const words = scriptWords(text, start, end);
  const out: Cmd[] = [];
  for (let k = 0; k < words.length; k++) {
    if (words[k].sep || words[k].value !== 'docker') continue;
    let j = k + 1;
    if (words[j]?.value === 'buildx' || words[j]?.value === 'image') j++;
    if (words[j]?.value !== 'build') continue;
    const cmd: Cmd = { buildArgs: [], tags: [], platforms: [] };
    const positional: Word[] = [];
    for (j++; j < words.length && !words[j].sep; j++) {
      const w = words[j];
      const m = /^(-f|--file|--target|--build-arg|-t|--tag|--platform)(?:=(.*))?$/.exec(w.value);
      if (w.value === '--push') {
        cmd.push = w;
        continue;
      }
      const o = /^(--output|-o)(?:=(.*))?$/.exec(w.value);
      if (o) {
        const v = o[2] !== undefined ? w : words[j + 1] && !words[j + 1].sep ? words[++j] : undefined;
        if (v && PUSH_OUTPUT.test(v.value)) cmd.push = v;
        continue;
      }
      if (m) {
        let v: Word | undefined;
        if (m[2] !== undefined) {
          const off = w.end - (w.value.length - m[1].length - 1);
          v = { value: m[2], start: off, end: w.end };
        } else if (words[j + 1] && !words[j + 1].sep) v = words[++j];
        if (!v) continue;
        const val = {
          value: v.value,
          start: v.start + (text[v.start] === '"' || text[v.start] === "'" ? 1 : 0),
          end: v.end - (text[v.end - 1] === '"' || text[v.end - 1] === "'" ? 1 : 0),
        };
        if (m[1] === '-f' || m[1] === '--file') cmd.file = val;
        else if (m[1] === '--target') cmd.target = val;
        else if (m[1] === '--build-arg') {
          const name = val.value.split('=')[0];
          cmd.buildArgs.push({ value: name, start: val.start, end: val.start + name.length });
        } else if (m[1] === '-t' || m[1] === '--tag') cmd.tags.push(val);
        else
          cmd.platforms.push(...val.value.split(',').map((p) => ({ value: p.trim(), start: val.start, end: val.end })));
        continue;
      }
      if (/^\d*(<|>|>>|<<<?|>&|<&)\S*$/.test(w.value)) {
        // a redirect (`< Dockerfile`, `2>&1`): its target is no build context
        if (/^\d*(<|>|>>|<<<?)$/.test(w.value)) j++;
        continue;
      }
      if (w.value.startsWith('-') && w.value !== '-') {
        // flags with a separate value that we do not read
        if (
          /^(--cache-from|--cache-to|--label|--secret|--ssh|--output|-o|--network|--progress|--iidfile|--metadata-file|--build-context|--add-host|--shm-size|--ulimit|--builder|--attest|--annotation|--cgroup-parent|--isolation|--memory|-m|--cpu-shares|--cpuset-cpus|--allow|--load-from)$/.test(
            w.value,
          ) &&
          words[j + 1] &&
          !words[j + 1].sep
        )
          j++;
        continue;
      }
      positional.push(w);
    }
    const ctxWord = positional[positional.length - 1];
    if (ctxWord) cmd.context = ctxWord;
    out.push(cmd);
    k = j;
  }
  return out;
}

/** Whether a value may be checked (it is a literal, not an expression). */
export function isLiteral(w: { value: string } | undefined): boolean {
  return !!w && !!w.value && !isDynamic(w.value);
}

/** The runner labels of a job as written (`runs-on:` string, list, or `labels:` of a group); expressions kept. */
export function runnerLabels(model: WorkflowModel, job: Job): string[] {
  const out: string[] = [];
  const add = (n: unknown) => {
    const s = scalarText(asScalar(n, model.doc));
    if (s !== undefined) out.push(s);
  };
  const node = job.runsOn as { items?: unknown[] } | undefined;
  const map = asMap(job.runsOn, model.doc);
  if (map) {
    const labels = entry(map, model.doc, 'labels', false)?.value as { items?: unknown[] } | undefined;
    if (labels?.items) labels.items.forEach(add);
    else add(labels);
  } else if (node?.items) node.items.forEach(add);
  else add(job.runsOn);
  return out;
}

/**
 * The CPU architecture a GitHub-hosted runner builds for, from its labels; undefined when unknown (self-hosted,
 * expressions).
 */
export function runnerArch(labels: string[]): 'arm64' | 'amd64' | undefined {
  if (!labels.length || labels.some((l) => l.includes('${{') || l === 'self-hosted')) return undefined;
  if (labels.some((l) => /(^|-)arm(64)?($|-)|aarch64/i.test(l))) return 'arm64';
  if (labels.some((l) => /^(ubuntu|windows)-/.test(l))) return 'amd64';
  return undefined;
}

/**
 * The folder a `run:` step runs in: its (or its job's, or the workflow's) `working-directory` resolved against the
 * repository root.
 */
export function stepCwd(model: WorkflowModel, job: Job, step: Step, root: string): string | undefined {
  const wd = workingDirectory(model, job, step);
  return wd === undefined ? root : resolveIn(root, wd);
}
