import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { ecsSteps, isLiteral } from '../../crossfile/workflow';
import { taskDefAt } from '../../crossfile/models';
import { relativeTo, repoRootOf } from '../../crossfile/paths';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'XF002',
    id: 'ecs-unknown-container',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: '`container-name` of an ECS render step is not a container of the task definition it renders.',
    messages: {
      unknown: '"{{name}}" is not a container of {{path}} (containers: {{names}}).',
      unknownSuggest: '"{{name}}" is not a container of {{path}}; did you mean "{{suggestion}}"?',
    },
    docs: {
      rationale:
        'The render action replaces the `image` of the container named ' +
        '`container-name`; when no container has that name the job fails with "Invalid task ' +
        'definition: Could not find container definition with matching name", after the image was ' +
        'built and pushed. This happens when a container is renamed in the task definition and the ' +
        'workflow is forgotten. The finding is also shown in the task definition (XF005) when it ' +
        'is open.',
      incorrect:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
        'task-definition: ecs/task-definition.json\n          container-name: api\n          ' +
        'image: example/web:1\n',
      correct:
        'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
        '    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
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
      if (!s.taskDefPath || !s.container || !isLiteral(s.container)) continue;
      const view = taskDefAt(ctx.workspace, s.taskDefPath);
      if (!view?.containers.length) continue;
      const names = view.containers.map((c) => c.name).filter((n): n is string => n !== undefined);
      const name = s.container.value.trim();
      if (names.includes(name) || names.some((n) => /\$\{|<|\{\{/.test(n))) continue;
      const suggestion = nearest(name, names, { mode: 'rename', containment: 'either' });
      const { contentStart: start, contentEnd: end } = s.container;
      const first = view.containers[0];
      ctx.report({
        start,
        end,
        messageId: suggestion ? 'unknownSuggest' : 'unknown',
        data: {
          name,
          path: relativeTo(root, s.taskDefPath),
          names: names.map((n) => `"${n}"`).join(', ') || 'none',
          suggestion: suggestion ?? '',
        },
        suggestions: suggestion
          ? [{ title: `Change to "${suggestion}"`, safe: false, edits: [{ start, end, newText: suggestion }] }]
          : undefined,
        related: [
          { path: s.taskDefPath, ...(first.nameSpan ?? first), message: 'the containers of the task definition' },
        ],
      });
    }
  },
});
