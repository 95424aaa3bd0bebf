import { defineRule } from '../../../engine/define';
import { isMap, isScalar, isSeq } from 'yaml';
import type { ComposeModel } from '../parse';
import { localBuild } from '../build';
import { entry, items, str } from '../../../yaml/view';
import { contentRange } from '../../../yaml/scalar';
import { declaredArgs, dockerfileAt, PREDEFINED_ARGS } from '../../crossfile/models';
import { dirname, relativeTo } from '../../crossfile/paths';
import { nearest } from '../../../text/nearest';

/** XF027: compose's side of XF012, for `build.args` (a mapping, or a list of `NAME=value`). */
export const rule = defineRule<ComposeModel>({
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
    for (const svc of ctx.model.services) {
      const build = svc.get('build')?.value;
      const argsNode = isMap(build) ? entry(build, ctx.model.doc, 'args')?.value : undefined;
      if (!argsNode) continue;
      const info = localBuild(ctx.model, svc, ctx.path);
      if (!info) continue;
      const df = dockerfileAt(ctx.workspace, info.dockerfilePath);
      if (!df?.model.stages.length) continue;
      const declared = declaredArgs(df.model);
      // the names as written: mapping keys, or the NAME of `NAME=value` / `NAME` items
      const names: { name: string; start: number }[] = [];
      if (isMap(argsNode)) {
        for (const p of argsNode.items) {
          const k = str(p.key as never);
          if (k !== undefined && isScalar(p.key)) names.push({ name: k, start: contentRange(p.key).start });
        }
      } else if (isSeq(argsNode)) {
        for (const it of items(argsNode, ctx.model.doc)) {
          const v = str(it);
          if (v !== undefined && isScalar(it)) names.push({ name: v.split('=')[0], start: contentRange(it).start });
        }
      }
      for (const { name, start } of names) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || PREDEFINED_ARGS.has(name) || declared.includes(name)) continue;
        const end = start + name.length;
        if (ctx.text.slice(start, end) !== name) continue;
        const suggestion = nearest(name, declared, { mode: 'rename', containment: 'either' });
        ctx.report({
          start,
          end,
          messageId: suggestion ? 'undeclaredSuggest' : 'undeclared',
          data: { name, path: relativeTo(dirname(ctx.path), info.dockerfilePath), suggestion: suggestion ?? '' },
          suggestions: suggestion
            ? [{ title: `Change to "${suggestion}"`, safe: false, edits: [{ start, end, newText: suggestion }] }]
            : undefined,
          related: [{ path: info.dockerfilePath, start: 0, end: 0, message: 'the Dockerfile this service builds' }],
        });
      }
    }
  },
});
