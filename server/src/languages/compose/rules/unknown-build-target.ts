import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { buildInfo, loadDockerfile, stageNames } from '../build';
import { nearest } from '../../../text/nearest';
import { nodeEnd, nodeStart } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
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
    for (const svc of ctx.model.services) {
      const info = buildInfo(ctx.model, svc, ctx.path);
      if (!info?.target || !info.targetNode || info.target.includes('$')) continue;
      const df = loadDockerfile(ctx.workspace, ctx.path, info);
      if (!df) continue;
      const stages = stageNames(df.model);
      if (stages.some((s) => s.toLowerCase() === info.target!.toLowerCase())) continue;
      const suggestion = nearest(info.target, stages);
      const start = nodeStart(info.targetNode),
        end = nodeEnd(info.targetNode);
      ctx.report({
        start,
        end,
        messageId: suggestion ? 'unknownSuggest' : 'unknown',
        data: {
          target: info.target,
          dockerfile: info.inline ? 'dockerfile_inline' : info.dockerfile,
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
