import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3044',
    id: 'env-self-reference',
    defaultSeverity: 'warning',
    presets: { hadolint: 'error' },
    description: 'An ENV refers to a variable it defines itself.',
    messages: {
      self:
        '`${{name}}` refers to a variable defined in this same ENV: it still ' +
        'has its previous value here (usually empty).',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: the build succeeds but the variable has its old value (hadolint calls it an error).',
      rationale:
        'All assignments of one ENV are evaluated against the environment from ' +
        'before the statement, so `ENV A=1 B=$A` gives B an empty value. Split the ENV in two. ' +
        'Referring to an earlier value (`ENV PATH=/opt/bin:$PATH`) is fine.',
      incorrect: 'ENV APP_HOME=/app APP_BIN=$APP_HOME/bin',
      correct: 'ENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin',
      peers: ['hadolint DL3044'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'ENV' || !ins.args.some((a) => a.value.includes('$'))) continue;
      const defs = ctx.model.envs.filter((e) => e.instruction === ins);
      const earlier = new Set(
        ctx.model.envs
          .filter((e) => e.instruction.start < ins.start)
          .map((e) => e.name)
          .concat(ctx.model.args.filter((a) => a.instruction.start < ins.start).map((a) => a.name)),
      );
      for (const v of ins.variables) {
        const start = v.nameStart;
        const def = defs.find((d) => d.name === v.name);
        if (!def || def.nameStart >= start || earlier.has(def.name)) continue;
        // the assignment that holds the reference: `ENV PATH=/x:$PATH` reads PATH's previous value, which is fine
        const holder = defs.filter((d) => d.nameStart < start).pop();
        if (holder === def) continue;
        ctx.report({ start: v.start, end: v.end, messageId: 'self', data: { name: def.name } });
      }
    }
  },
});
