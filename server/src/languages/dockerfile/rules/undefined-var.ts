import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { PREDEFINED_ARGS } from '../util';
import { nearest } from '../../../text/nearest';

const EXPANDED_BY_DOCKER = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ARG',
]);

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF008',
    id: 'undefined-var',
    defaultSeverity: 'warning',
    description: 'Variables should be defined (by ARG or ENV) before they are used.',
    messages: { undefined: '`${{name}}` is not defined by an ARG or ENV before this point{{hint}}.' },
    fixable: 'suggestion',
    docs: {
      severity: 'A likely bug: an undefined variable expands to nothing, silently.',
      rationale:
        'An undefined variable expands to an empty string: `COPY app ' +
        "/$APP_DIR/` copies to `/`. BuildKit `UndefinedVar` also knows the base image's " +
        'environment, which a linter without a registry does not: so we report a variable only ' +
        'when a defined one has a close name (a likely typo, with a fix to use it, a suggestion), ' +
        'or when the stage builds on `scratch` and nothing else can define it. RUN, CMD and ' +
        'ENTRYPOINT are left to the shell, and `${VAR:-default}` forms are fine.',
      incorrect: 'ARG APP_DIR=/app\nWORKDIR $APP_DRI',
      correct: 'ARG APP_DIR=/app\nWORKDIR $APP_DIR',
      peers: ['BuildKit UndefinedVar'],
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const s of m.stages) {
      // the chain of stages this one builds on
      const chain: number[] = [];
      let cur: typeof s | undefined = s;
      while (cur && !chain.includes(cur.index)) {
        chain.push(cur.index);
        cur = cur.parentStage !== undefined ? m.stages[cur.parentStage] : undefined;
      }
      const root = m.stages[chain[chain.length - 1]];
      const fromScratch = root.image?.toLowerCase() === 'scratch';
      // names defined before each instruction: inherited ENVs, then this stage's ARG/ENV in order
      const defined = new Set<string>(PREDEFINED_ARGS);
      for (const e of m.envs) if (chain.includes(e.stage) && e.stage !== s.index) defined.add(e.name);
      const own = [...m.envs, ...m.args].filter((d) => d.stage === s.index);
      for (const ins of s.instructions) {
        // same-instruction references are DL3044's business
        for (const d of own) if (d.instruction === ins) defined.add(d.name);
        if (!EXPANDED_BY_DOCKER.has(ins.keyword)) continue;
        if (!ins.args.some((a) => a.value.includes('$'))) continue;
        for (const v of ins.variables) {
          const name = v.name;
          if (defined.has(name)) continue;
          const mod = v.modifier;
          if (mod === '-' || mod === '+' || mod === '?') continue;
          const start = v.nameStart,
            end = v.nameEnd;
          const close = nearest(
            name,
            [...defined].filter((n) => !PREDEFINED_ARGS.includes(n)),
          );
          if (!close && !fromScratch) continue;
          ctx.report({
            start,
            end,
            messageId: 'undefined',
            data: { name, hint: close ? ` (did you mean \`${close}\`?)` : '' },
            fix: close ? { title: `Use ${close}`, safe: false, edits: [{ start, end, newText: close }] } : undefined,
          });
        }
      }
    }
  },
});
