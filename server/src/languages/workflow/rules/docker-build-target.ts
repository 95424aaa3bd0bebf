import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { buildSteps, isLiteral } from '../../crossfile/workflow';
import { dockerfileAt } from '../../crossfile/models';
import { relativeTo, repoRootOf } from '../../crossfile/paths';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<WorkflowModel>({
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
        'workflow, and the Dockerfile shows the same problem (XF013).',
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
    const root = repoRootOf(ctx.path);
    if (!root) return;
    for (const b of buildSteps(ctx.model, ctx.path)) {
      if (!b.target || !isLiteral(b.target) || !b.dockerfilePath) continue;
      const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
      if (!df?.model.stages.length) continue;
      const names = df.model.stages.map((s) => s.name).filter((n): n is string => !!n);
      const target = b.target.value;
      if (names.some((n) => n.toLowerCase() === target.toLowerCase())) continue;
      const suggestion = nearest(target, names, { mode: 'rename', containment: 'either' });
      const last = df.model.stages[df.model.stages.length - 1];
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
        suggestions: suggestion
          ? [
              {
                title: `Change to "${suggestion}"`,
                safe: false,
                edits: [{ start: b.target.start, end: b.target.end, newText: suggestion }],
              },
            ]
          : undefined,
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
