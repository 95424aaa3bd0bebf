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
    // Per stage, in one pass (parents come first): the stage its chain starts from, and the ENV
    // names the chain's other stages define, shared with the parent when it defines none (walking
    // the chain per stage was cubic in a long `FROM previous` chain).
    const envNames = new Map<number, string[]>();
    for (const e of m.envs) {
      const list = envNames.get(e.stage);
      if (list) list.push(e.name);
      else envNames.set(e.stage, [e.name]);
    }
    const defsOf = new Map<object, typeof m.args>();
    for (const d of [...m.envs, ...m.args]) {
      const list = defsOf.get(d.instruction);
      if (list) list.push(d);
      else defsOf.set(d.instruction, [d]);
    }
    const rootOf: number[] = [];
    const inherited: ReadonlySet<string>[] = [];
    for (const s of m.stages) {
      const p = s.parentStage;
      if (p === undefined || p >= s.index) {
        rootOf[s.index] = s.index;
        inherited[s.index] = new Set();
      } else {
        rootOf[s.index] = rootOf[p];
        const more = envNames.get(p);
        inherited[s.index] = more?.length ? new Set([...inherited[p], ...more]) : inherited[p];
      }
    }
    for (const s of m.stages) {
      const root = m.stages[rootOf[s.index]];
      const fromScratch = root.image?.toLowerCase() === 'scratch';
      // names defined before each instruction: inherited ENVs, then this stage's ARG/ENV in order
      const defined = new Set<string>(PREDEFINED_ARGS);
      const fromParents = inherited[s.index];
      for (const ins of s.instructions) {
        // same-instruction references are DL3044's business
        for (const d of defsOf.get(ins) ?? []) if (d.stage === s.index) defined.add(d.name);
        if (!EXPANDED_BY_DOCKER.has(ins.keyword)) continue;
        if (!ins.args.some((a) => a.value.includes('$'))) continue;
        for (const v of ins.variables) {
          const name = v.name;
          if (defined.has(name) || fromParents.has(name)) continue;
          const mod = v.modifier;
          if (mod === '-' || mod === '+' || mod === '?') continue;
          const start = v.nameStart,
            end = v.nameEnd;
          const close = nearest(
            name,
            [...new Set([...fromParents, ...defined])].filter((n) => !PREDEFINED_ARGS.includes(n)),
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
