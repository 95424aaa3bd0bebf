import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { ecsSteps, stepCwd, type EcsStep } from '../../crossfile/workflow';
import { filesWritten } from '../../crossfile/script';
import { resolveIn } from '../../crossfile/paths';
import { relativeTo, repoRootOf } from '../../crossfile/paths';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF001',
    id: 'ecs-task-definition-file',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'The `task-definition` an ECS render or deploy step names does not exist or is not a task definition.',
    messages: {
      missing: 'No file at {{path}} (the path is relative to the repository root).',
      notTaskDef: '{{path}} is not an ECS task definition (it has no "containerDefinitions").',
    },
    docs: {
      rationale:
        '`aws-actions/amazon-ecs-render-task-definition` and ' +
        '`amazon-ecs-deploy-task-definition` read `task-definition` from the checked-out ' +
        'repository, relative to its root. A moved or misspelt file fails the deploy job after the ' +
        "image was already built and pushed. Values with expressions (e.g. the render step's " +
        'output) are not checked, nor files that an earlier `run:` of the same job writes (`aws ' +
        'ecs describe-task-definition ... > task-definition.json`, `tee`, `-o`, `cp`).',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: actions/checkout@v4\n      - uses: ' +
        'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/taskdef.json\n          container-name: web\n          image: ' +
        'example/web:1\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: actions/checkout@v4\n      - uses: ' +
        'aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
        'image: example/web:1\n',
      files: {
        '../../ecs/task-definition.json':
          '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
      },
      peers: ['aws-actions/amazon-ecs-render-task-definition (at run time)'],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    for (const s of ecsSteps(ctx.model, ctx.path)) {
      if (!s.taskDef || !s.taskDefPath) continue;
      const at = { start: s.taskDef.start, end: s.taskDef.end };
      const rel = relativeTo(root, s.taskDefPath);
      const file = ctx.workspace.get(s.taskDefPath);
      if (!file) {
        // `aws ecs describe-task-definition ... > task-definition.json` in an earlier step makes it at run time
        if (!ctx.workspace.exists(s.taskDefPath)) {
          if (!writtenEarlier(ctx.model, s, root)) ctx.report({ ...at, messageId: 'missing', data: { path: rel } });
        }
        // Readable but of no kind we know (a JSON file without containerDefinitions).
        else if (ctx.workspace.readText(s.taskDefPath) !== undefined)
          ctx.report({ ...at, messageId: 'notTaskDef', data: { path: rel } });
        continue;
      }
      const td =
        file.kind === 'taskdef'
          ? (file.model as { taskDef?: { children?: { children?: { value?: unknown }[] }[] } }).taskDef
          : undefined;
      const hasContainers = !!td?.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions');
      // A task definition still being typed (broken JSON) is not "not a task definition".
      if (file.kind === 'taskdef' && (hasContainers || (file.model as { problems: unknown[] }).problems.length))
        continue;
      ctx.report({ ...at, messageId: 'notTaskDef', data: { path: rel } });
    }
  },
});

/** Whether a `run:` step before `s` in its job writes the task definition file (redirect, tee, -o, cp/mv). */
function writtenEarlier(model: WorkflowModel, s: EcsStep, root: string): boolean {
  for (const step of s.job.steps) {
    if (step.index >= s.step.index) break;
    if (!step.run) continue;
    const cwd = stepCwd(model, s.job, step, root);
    if (!cwd) continue;
    if (filesWritten(model.text, step.run.start, step.run.end).some((w) => resolveIn(cwd, w.value) === s.taskDefPath))
      return true;
  }
  return false;
}
