import type { Rule } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
import type { WorkflowModel } from '../../workflow/parse';
import { buildSteps, isLiteral } from '../../crossfile/workflow';
import { nearest } from '../../crossfile/similar';

/** XF013: the other side of XF011 (and of compose's CP035), shown in the Dockerfile. */
export const rule: Rule<DockerfileModel> = {
  meta: {
    code: 'XF013', id: 'stage-targeted-elsewhere', kinds: ['dockerfile'], defaultSeverity: 'error', fixable: false,
    description: 'A workflow builds this Dockerfile with a `target` that is not one of its stages.',
    messages: {
      renamed: '{{where}} builds target "{{target}}", which is not a stage here; was "{{suggestion}}" renamed?',
      missing: '{{where}} builds target "{{target}}", which is not a stage here.',
    },
    docs: {
      rationale: 'Renaming or removing a stage breaks the builds that target it, and they run elsewhere (in CI, on release). Shown here, in the Dockerfile being edited, with a link to the build step (the workflow itself shows XF011).',
      incorrect: 'FROM node:22 AS build\nFROM node:22-slim AS prod\n',
      correct: 'FROM node:22 AS build\nFROM node:22-slim AS production\n',
      files: { '.github/workflows/release.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          target: production\n' },
      peers: ['Shipshape XF011 (the workflow side)'],
    },
  },
  check(ctx) {
    const stages = ctx.model.stages;
    if (!stages.length) return;
    const names = stages.map((s) => s.name).filter((n): n is string => !!n);
    for (const p of ctx.workspace.list('workflow')) {
      const wf = ctx.workspace.get(p);
      if (!wf || wf.kind !== 'workflow') continue;
      for (const b of buildSteps(wf.model as WorkflowModel, p)) {
        if (b.dockerfilePath !== ctx.path || !b.target || !isLiteral(b.target)) continue;
        const target = b.target.value;
        if (names.some((n) => n.toLowerCase() === target.toLowerCase())) continue;
        const suggestion = nearest(target, names);
        const stage = stages.find((s) => s.name === suggestion) ?? stages[stages.length - 1];
        const at = stage.nameStart !== undefined ? { start: stage.nameStart, end: stage.nameEnd! } : { start: stage.from.start, end: stage.from.end };
        const where = p.slice(p.lastIndexOf('/.github/') + 1);
        ctx.report({
          ...at, messageId: suggestion ? 'renamed' : 'missing', data: { where, target, suggestion: suggestion ?? '' },
          related: [{ path: p, start: b.target.start, end: b.target.end, message: `target: ${target}` }],
        });
      }
    }
  },
};
