import { defineRule } from '../../engine/define';
import type { TaskDefFacts } from '../../languages/taskdef/facts';
import type { FamilyFacts } from '../../languages/workflow/facts';
import { own, workflowAt } from '../facts';
import { nearFamily, workspaceFamilies } from '../families';
import { NAMES_FAMILY } from '../keys';

/** XF008: the other side of XF006, shown on the task definition's `family`. */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF008',
    id: 'family-named-elsewhere',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    fixable: false,
    description: "A workflow names a task definition family that is a near miss of this file's `family`.",
    messages: {
      near:
        '{{workflow}} names family "{{name}}" ({{via}}), which no task ' +
        'definition here declares; is it this family "{{family}}", misspelt or renamed?',
    },
    docs: {
      rationale:
        "Renaming a task definition's `family` (or misspelling it in a " +
        'workflow) breaks every workflow step that finds the task definition by family name: ' +
        '`task-definition-family` of the render action, `aws ecs ... --task-definition`. Shown ' +
        'here, with a link to the workflow (the workflow itself shows XF006). Only near names are ' +
        'reported: a family unlike every task definition file may be registered elsewhere.',
      incorrect:
        '{\n  "family": "web-app",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
      correct:
        '{\n  "family": "web-api",\n  "containerDefinitions": [{ "name": "web", "image": "example/web:1" }]\n}\n',
      files: {
        '../.github/workflows/deploy.yml':
          'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ' +
          '    - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n          ' +
          'task-definition-family: web-api\n          container-name: web\n          image: ' +
          'example/web:1\n',
      },
      peers: ['Shipshape XF006 (the workflow side)'],
    },
  },
  check(ctx) {
    // this file as it is now (the editor's text), the others from the index
    const own_ = own<TaskDefFacts>(ctx)?.family;
    if (!own_) return;
    const family = own_.value;
    const mine = { family, ...own_.span };
    const named: { path: string; r: FamilyFacts }[] = [];
    for (const p of ctx.workspace.withKey('workflow', NAMES_FAMILY))
      for (const r of workflowAt(ctx.workspace, p)?.families ?? []) if (r.family !== family) named.push({ path: p, r });
    // The other task definitions are read only when a workflow names a family this one lacks
    // (each read makes this file depend on that one).
    if (!named.length) return;
    const names = [
      ...new Set([
        family,
        ...workspaceFamilies(ctx.workspace)
          .filter((d) => d.path !== ctx.path)
          .map((d) => d.family),
      ]),
    ];
    for (const { path: p, r } of named) {
      if (nearFamily(r.family, names) !== mine.family) continue;
      const workflow = p.slice(p.lastIndexOf('/.github/') + 1);
      ctx.report({
        start: mine.start,
        end: mine.end,
        messageId: 'near',
        data: { workflow, name: r.family, via: r.via, family: mine.family },
        related: [{ path: p, start: r.start, end: r.end, message: `${r.via} ${r.family}` }],
      });
    }
  },
});
