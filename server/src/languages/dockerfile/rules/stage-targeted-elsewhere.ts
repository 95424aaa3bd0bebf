import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { nodeEnd, nodeStart } from '../../../yaml/view';
import { isLiteral } from '../../crossfile/workflow';
import { composeBuildsOf, workflowBuildsOf } from '../../crossfile/links';
import { nearest } from '../../../text/nearest';

/** XF013: the other side of XF011 (workflows) and of compose's CP035, shown in the Dockerfile. */
export const rule = defineRule<DockerfileModel>({
  meta: {
    code: 'XF013',
    id: 'stage-targeted-elsewhere',
    kinds: ['dockerfile'],
    defaultSeverity: 'error',
    fixable: false,
    description: 'A workflow or compose file builds this Dockerfile with a `target` that is not one of its stages.',
    messages: {
      renamed: '{{where}} builds target "{{target}}", which is not a stage here; was "{{suggestion}}" renamed?',
      missing: '{{where}} builds target "{{target}}", which is not a stage here.',
    },
    docs: {
      rationale:
        'Renaming or removing a stage breaks the builds that target it, and ' +
        "they run elsewhere (in CI, on release, on a colleague's `docker compose up`). Shown here, " +
        'in the Dockerfile being edited, with a link to the build step or service (the workflow ' +
        'itself shows XF011, the compose file CP035). Renaming the stage with F2 renames those ' +
        'targets too.',
      incorrect: 'FROM node:22 AS build\nFROM node:22-slim AS prod\n',
      correct: 'FROM node:22 AS build\nFROM node:22-slim AS production\n',
      files: {
        '.github/workflows/release.yml':
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
          '   - uses: docker/build-push-action@v6\n        with:\n          target: production\n',
      },
      peers: ['Shipshape XF011 (the workflow side)'],
    },
  },
  check(ctx) {
    const stages = ctx.model.stages;
    if (!stages.length) return;
    const names = stages.map((s) => s.name).filter((n): n is string => !!n);
    const report = (target: string, where: string, related: { path: string; start: number; end: number }) => {
      if (names.some((n) => n.toLowerCase() === target.toLowerCase())) return;
      const suggestion = nearest(target, names, { mode: 'rename', containment: 'either' });
      const stage = stages.find((s) => s.name === suggestion) ?? stages[stages.length - 1];
      const at =
        stage.nameStart !== undefined
          ? { start: stage.nameStart, end: stage.nameEnd! }
          : { start: stage.from.start, end: stage.from.end };
      ctx.report({
        ...at,
        messageId: suggestion ? 'renamed' : 'missing',
        data: { where, target, suggestion: suggestion ?? '' },
        related: [{ ...related, message: `target: ${target}` }],
      });
    };
    for (const { path: p, build: b } of workflowBuildsOf(ctx.workspace, ctx.path)) {
      if (!b.target || !isLiteral(b.target)) continue;
      report(b.target.value, p.slice(p.lastIndexOf('/.github/') + 1), {
        path: p,
        start: b.target.start,
        end: b.target.end,
      });
    }
    const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/') + 1);
    for (const { path: p, svc, info } of composeBuildsOf(ctx.workspace, ctx.path)) {
      if (!info.targetNode || !info.target || info.target.includes('$')) continue;
      const rel = p.startsWith(dir) ? p.slice(dir.length) : p.slice(p.lastIndexOf('/') + 1);
      report(info.target, `${rel} (service ${svc.name})`, {
        path: p,
        start: nodeStart(info.targetNode),
        end: nodeEnd(info.targetNode),
      });
    }
  },
});
