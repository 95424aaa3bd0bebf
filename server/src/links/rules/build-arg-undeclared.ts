import { defineRule } from '../../engine/define';
import type { ComposeFacts } from '../../languages/compose/facts';
import { declaredArgs, PREDEFINED_BUILD_ARGS } from '../../languages/dockerfile/facts';
import { dockerfileAt, own } from '../facts';
import { dirname, relativeTo } from '../../text/paths';
import { nearest } from '../../text/nearest';

/** XF027: compose's side of XF012, for `build.args` (a mapping, or a list of `NAME=value`). */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF027',
    id: 'build-arg-undeclared',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: "A `build.args` entry names a build argument the service's Dockerfile declares with no `ARG`.",
    messages: {
      undeclared: 'Build argument "{{name}}" is not declared by any ARG of {{path}}, so it has no effect.',
      undeclaredSuggest:
        'Build argument "{{name}}" is not declared by any ARG of {{path}}; did you mean "{{suggestion}}"?',
    },
    docs: {
      rationale:
        'Compose passes `build.args` as `--build-arg`; one that no `ARG` ' +
        'declares is ignored with only a warning in the build output ("build-args were not ' +
        'consumed"), so the version or flag never reaches the image. Usually a typo or an ARG ' +
        'renamed in the Dockerfile. Checked when the Dockerfile is in the workspace; arguments ' +
        'Docker predefines (proxies, BuildKit settings) are always accepted.',
      incorrect: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_VERSON: "22"\n',
      correct: 'services:\n  app:\n    build:\n      context: .\n      args:\n        NODE_VERSION: "22"\n',
      files: { Dockerfile: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-slim\n' },
      peers: ['docker compose build (warning: build-args not consumed)', 'Shipshape XF012 (workflows)'],
    },
  },
  check(ctx) {
    for (const svc of own<ComposeFacts>(ctx)?.services ?? []) {
      const b = svc.build;
      if (!b?.local || !b.args.length) continue;
      const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
      if (!df?.stages.length) continue;
      const declared = declaredArgs(df);
      for (const { name, start, end } of b.args) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || PREDEFINED_BUILD_ARGS.has(name) || declared.includes(name))
          continue;
        const suggestion = nearest(name, declared, { mode: 'rename', containment: 'either' });
        ctx.report({
          start,
          end,
          messageId: suggestion ? 'undeclaredSuggest' : 'undeclared',
          data: { name, path: relativeTo(dirname(ctx.path), b.dockerfilePath), suggestion: suggestion ?? '' },
          suggestions: suggestion
            ? [{ title: `Change to "${suggestion}"`, safe: false, edits: [{ start, end, newText: suggestion }] }]
            : undefined,
          related: [{ path: b.dockerfilePath, start: 0, end: 0, message: 'the Dockerfile this service builds' }],
        });
      }
    }
  },
});
