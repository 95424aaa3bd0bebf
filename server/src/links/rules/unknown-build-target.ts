import { defineRule } from '../../engine/define';
import type { ComposeFacts } from '../../languages/compose/facts';
import { composeDockerfile } from '../builds';
import { own } from '../facts';
import { nearest } from '../../text/nearest';

export const rule = defineRule<unknown>({
  meta: {
    code: 'CP035',
    id: 'unknown-build-target',
    kinds: ['compose'],
    defaultSeverity: 'error',
    fixable: 'suggestion',
    description: '`build.target` is not a stage (`FROM ... AS name`) of the Dockerfile.',
    messages: {
      unknown: '"{{target}}" is not a stage of {{dockerfile}}{{stages}}.',
      unknownSuggest: '"{{target}}" is not a stage of {{dockerfile}}; did you mean "{{suggestion}}"?',
    },
    docs: {
      severity: 'The build fails: the Dockerfile has no stage of that name.',
      rationale:
        'The builder fails with "target stage could not be found" when ' +
        '`target` names no `FROM ... AS <name>` of the Dockerfile (a file, read through the ' +
        'workspace index so renaming a stage re-checks the compose file, or `dockerfile_inline`).',
      incorrect:
        'services:\n  api:\n    build:\n      context: .\n      ' +
        'dockerfile_inline: |\n        FROM node:22 AS build\n        FROM node:22-slim AS ' +
        'production\n      target: prod\n',
      correct:
        'services:\n  api:\n    build:\n      context: .\n      ' +
        'dockerfile_inline: |\n        FROM node:22 AS build\n        FROM node:22-slim AS ' +
        'production\n      target: production\n',
      peers: ['docker buildx build (target stage could not be found)'],
    },
  },
  check(ctx) {
    for (const svc of own<ComposeFacts>(ctx)?.services ?? []) {
      const b = svc.build;
      if (!b?.target || !b.targetNode || b.target.includes('$')) continue;
      const df = composeDockerfile(ctx.workspace, b);
      if (!df) continue;
      const stages = df.stages.map((s) => s.name).filter((n): n is string => !!n);
      if (stages.some((s) => s.toLowerCase() === b.target!.toLowerCase())) continue;
      const suggestion = nearest(b.target, stages);
      const { start, end } = b.targetNode;
      ctx.report({
        start,
        end,
        messageId: suggestion ? 'unknownSuggest' : 'unknown',
        data: {
          target: b.target,
          dockerfile: b.inline ? 'dockerfile_inline' : b.dockerfile,
          suggestion: suggestion ?? '',
          stages: stages.length ? ` (stages: ${stages.join(', ')})` : ' (it has no named stages)',
        },
        fix: suggestion
          ? { title: `Change to "${suggestion}"`, safe: false, edits: [{ start, end, newText: suggestion }] }
          : undefined,
      });
    }
  },
});
