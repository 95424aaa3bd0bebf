import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { familiesNamed, nearFamily, workspaceFamilies } from '../../crossfile/families';
import { relativeTo, repoRootOf } from '../../crossfile/paths';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF006',
    id: 'ecs-task-definition-family',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description:
      'A task definition family named in the workflow is a near miss of a ' +
      'family declared by a task definition file of the repository.',
    messages: {
      near:
        'No task definition in the repository has family "{{name}}" ({{via}}); ' +
        'did you mean "{{suggestion}}" ({{path}})?',
    },
    docs: {
      rationale:
        'ECS finds a task definition by its family. ' +
        '`amazon-ecs-render-task-definition` with `task-definition-family`, and `aws ecs ' +
        'describe-task-definition` / `update-service` / `run-task` with `--task-definition`, fail ' +
        'with "Unable to describe task definition" (or, worse, deploy an older family that still ' +
        'exists) when the name is misspelt or the `family` in the JSON file was renamed. A family ' +
        'that is near one declared in the repository (a typo, a different case) is reported with a ' +
        'suggestion. A family unlike every file is not reported: it may be registered elsewhere ' +
        '(Terraform, the console). Names with `$` or `${{ }}` are not checked. The task definition ' +
        'file shows the same mismatch as XF008.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - run: aws ecs describe-task-definition --task-definition web-ap --query ' +
        'taskDefinition > task-definition.json\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - run: aws ecs describe-task-definition --task-definition web-app --query ' +
        'taskDefinition > task-definition.json\n',
      files: {
        '../../ecs/task-definition.json':
          '{\n  "family": "web-app",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
      },
      peers: ['AWS CLI / amazon-ecs-render-task-definition (at run time)'],
    },
  },
  check(ctx) {
    const root = repoRootOf(ctx.path);
    if (!root) return;
    const refs = familiesNamed(ctx.model);
    if (!refs.length) return;
    const defs = workspaceFamilies(ctx.workspace);
    const names = [...new Set(defs.map((d) => d.family))];
    for (const r of refs) {
      const suggestion = nearFamily(r.family, names);
      if (!suggestion) continue;
      const def = defs.find((d) => d.family === suggestion)!;
      ctx.report({
        start: r.start,
        end: r.end,
        messageId: 'near',
        data: { name: r.family, via: r.via, suggestion, path: relativeTo(root, def.path) },
        suggestions: [
          {
            title: `Change to "${suggestion}"`,
            safe: false,
            edits: [{ start: r.start, end: r.end, newText: suggestion }],
          },
        ],
        related: [{ path: def.path, start: def.start, end: def.end, message: `family: ${suggestion}` }],
      });
    }
  },
});
