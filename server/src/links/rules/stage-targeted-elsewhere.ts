import { defineRule } from '../../engine/define';
import type { DockerfileFacts } from '../../languages/dockerfile/facts';
import type { Fix, Span } from '../../engine/types';
import { isLiteral } from '../../languages/workflow/facts';
import { composeBuildsOf, nameFinalStage, workflowBuildsOf } from '../builds';
import { own } from '../facts';
import { nearest } from '../../text/nearest';

/** XF013: the other side of XF011 (workflows) and of compose's CP035, shown in the Dockerfile. */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF013',
    id: 'stage-targeted-elsewhere',
    kinds: ['dockerfile'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
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
        'targets too. The fixes (suggestions): change the target in the workflow or compose file to the ' +
        'stage it most likely meant, and, where the final stage has no name, name it so (`FROM node:22 AS ' +
        'production`): a build without a target builds that stage, which is most often what the target meant.',
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
    const stages = own<DockerfileFacts>(ctx)?.stages ?? [];
    if (!stages.length) return;
    const names = stages.map((s) => s.name).filter((n): n is string => !!n);
    const final = stages[stages.length - 1];
    const report = (
      target: string,
      where: string,
      related: { path: string; start: number; end: number },
      edit: Span | undefined,
    ) => {
      if (names.some((n) => n.toLowerCase() === target.toLowerCase())) return;
      const suggestion = nearest(target, names, { mode: 'rename', containment: 'either' });
      const stage = stages.find((s) => s.name === suggestion) ?? final;
      const at = stage.nameSpan ?? stage.from;
      const suggestions: Fix[] = [];
      if (suggestion && edit)
        suggestions.push({
          title: `Change the target in ${where} to "${suggestion}"`,
          safe: false,
          edits: [],
          otherFiles: [{ path: related.path, edits: [{ ...edit, newText: suggestion }] }],
        });
      const named = nameFinalStage(ctx.text, final, target);
      if (named) suggestions.push({ title: named.title, safe: false, edits: [named.edit] });
      ctx.report({
        ...at,
        messageId: suggestion ? 'renamed' : 'missing',
        data: { where, target, suggestion: suggestion ?? '' },
        related: [{ ...related, message: `target: ${target}` }],
        suggestions: suggestions.length ? suggestions : undefined,
      });
    };
    for (const { path: p, build: b } of workflowBuildsOf(ctx, ctx.path)) {
      if (!b.target || !isLiteral(b.target)) continue;
      const span = { start: b.target.start, end: b.target.end };
      report(b.target.value, p.slice(p.lastIndexOf('/.github/') + 1), { path: p, ...span }, span);
    }
    const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/') + 1);
    for (const { path: p, service, build } of composeBuildsOf(ctx, ctx.path)) {
      if (!build.targetNode || !build.target || build.target.includes('$')) continue;
      const rel = p.startsWith(dir) ? p.slice(dir.length) : p.slice(p.lastIndexOf('/') + 1);
      report(build.target, `${rel} (service ${service.name})`, { path: p, ...build.targetNode }, build.targetContent);
    }
  },
});
