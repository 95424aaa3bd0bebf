import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { workflowsRendering } from '../../crossfile/workflow';
import { taskDefView } from '../../crossfile/models';
import { nearest } from '../../../text/nearest';
import { isLiteral } from '../../crossfile/workflow';

/** XF005: the other side of XF002, shown in the task definition. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'XF005',
    id: 'workflow-container-name',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A workflow renders this task definition for a container name it does not have.',
    messages: {
      renamed:
        'The workflow {{workflow}} renders this task definition for container ' +
        '"{{name}}", which is not here; was "{{suggestion}}" renamed?',
      missing: 'The workflow {{workflow}} renders this task definition for container "{{name}}", which is not here.',
    },
    docs: {
      rationale:
        'Renaming a container breaks every workflow whose ' +
        '`amazon-ecs-render-task-definition` step names it in `container-name`; the deploy fails ' +
        'at run time. Shown here, in the file being edited, with a link to the workflow step (the ' +
        'workflow itself shows XF002).',
      incorrect:
        '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web-app", "image": "example/web:1" }]\n}\n',
      correct: '{\n  "family": "web",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
      files: {
        '../.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
          '    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
          'task-definition: ecs/task-definition.json\n          container-name: web\n          ' +
          'image: example/web:1\n',
      },
      peers: ['Shipshape XF002 (the workflow side)'],
    },
  },
  check(ctx) {
    const view = taskDefView({ path: ctx.path, kind: 'taskdef', text: ctx.text, lines: ctx.lines, model: ctx.model });
    if (!view?.containers.length) return;
    const names = view.containers.map((c) => c.name).filter((n): n is string => n !== undefined);
    if (names.some((n) => /\$\{|<|\{\{/.test(n))) return;
    for (const wf of workflowsRendering(ctx.workspace, ctx.path)) {
      for (const s of wf.steps) {
        if (!s.container || !isLiteral(s.container)) continue;
        const name = s.container.value.trim();
        if (names.includes(name)) continue;
        const suggestion = nearest(name, names, { mode: 'rename', containment: 'either' });
        const target = view.containers.find((c) => c.name === suggestion) ?? view.containers[0];
        const at = target.nameSpan ?? target;
        const workflow = wf.path.slice(wf.path.lastIndexOf('/.github/') + 1);
        ctx.report({
          ...at,
          messageId: suggestion ? 'renamed' : 'missing',
          data: { workflow, name, suggestion: suggestion ?? '' },
          related: [
            {
              path: wf.path,
              start: s.container.contentStart,
              end: s.container.contentEnd,
              message: `container-name: ${name}`,
            },
          ],
        });
      }
    }
  },
});
