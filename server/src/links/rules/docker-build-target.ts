import { defineRule } from '../../engine/define';
import type { WorkflowFacts } from '../../languages/workflow/facts';
import { isLiteral } from '../../languages/workflow/facts';
import { dockerfileAt, own } from '../facts';
import { relativeTo } from '../../text/paths';
import { nearest } from '../../text/nearest';
import { nameFinalStage } from '../builds';
import type { Fix } from '../../engine/types';

export const rule = defineRule<unknown>({
  meta: {
    code: 'XF011',
    id: 'docker-build-target',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: 'The `target` of an image build is not a stage of its Dockerfile.',
    messages: {
      unknown: '"{{target}}" is not a stage of {{path}} ({{stages}}).',
      unknownSuggest: '"{{target}}" is not a stage of {{path}}; did you mean "{{suggestion}}"?',
    },
    docs: {
      rationale:
        'BuildKit fails with "target stage could not be found" when `target` ' +
        '(or `--target`) names no `FROM ... AS <name>`; a renamed stage breaks the release build ' +
        'only. The Dockerfile is read through the workspace, so renaming the stage re-checks the ' +
        'workflow, and the Dockerfile shows the same problem (XF013). The fixes (suggestions): change the ' +
        'target to the stage it most likely meant, and, where the final stage has no name, name it so in ' +
        'the Dockerfile (a build without a target builds that stage).',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: docker/build-push-action@v6\n        with:\n          target: prod\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n   ' +
        '   - uses: docker/build-push-action@v6\n        with:\n          target: production\n',
      files: { '../../Dockerfile': 'FROM node:22 AS build\nFROM node:22-slim AS production\n' },
      peers: ['docker buildx build (at run time)', 'Shipshape CP035 for compose'],
    },
  },
  check(ctx) {
    const wf = own<WorkflowFacts>(ctx);
    const root = wf?.root;
    if (!wf || !root) return;
    for (const b of wf.builds) {
      if (!b.target || !isLiteral(b.target) || !b.dockerfilePath) continue;
      const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
      if (!df?.stages.length) continue;
      const names = df.stages.map((s) => s.name).filter((n): n is string => !!n);
      const target = b.target.value;
      if (names.some((n) => n.toLowerCase() === target.toLowerCase())) continue;
      const suggestion = nearest(target, names, { mode: 'rename', containment: 'either' });
      const last = df.stages[df.stages.length - 1];
      const suggestions: Fix[] = [];
      if (suggestion)
        suggestions.push({
          title: `Change to "${suggestion}"`,
          safe: false,
          edits: [{ start: b.target.start, end: b.target.end, newText: suggestion }],
        });
      const dfText = ctx.workspace.get(b.dockerfilePath)?.text ?? ctx.workspace.readText(b.dockerfilePath);
      const named = dfText === undefined ? undefined : nameFinalStage(dfText, last, target);
      if (named)
        suggestions.push({
          title: `${named.title} in ${relativeTo(root, b.dockerfilePath)}`,
          safe: false,
          edits: [],
          otherFiles: [{ path: b.dockerfilePath, edits: [named.edit] }],
        });
      ctx.report({
        start: b.target.start,
        end: b.target.end,
        messageId: suggestion ? 'unknownSuggest' : 'unknown',
        data: {
          target,
          path: relativeTo(root, b.dockerfilePath),
          suggestion: suggestion ?? '',
          stages: names.length ? `stages: ${names.join(', ')}` : 'it has no named stages',
        },
        suggestions: suggestions.length ? suggestions : undefined,
        related: [
          {
            path: b.dockerfilePath,
            start: last.from.start,
            end: last.from.end,
            message: 'the stages of the Dockerfile',
          },
        ],
      });
    }
  },
});
