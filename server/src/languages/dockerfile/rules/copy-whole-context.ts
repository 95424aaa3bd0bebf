import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { unquote } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL4007',
    id: 'copy-whole-context',
    defaultSeverity: 'off',
    presets: { hadolint: 'warning' },
    description: 'COPY of the whole build context (`.`).',
    messages: {
      whole:
        'This COPY takes the whole build context: any change to any file invalidates it and every layer after ' +
        'it; copy the paths the image needs.',
    },
    fixable: false,
    docs: {
      severity:
        'Off by default: copying the whole context works, and DF101 already reports it where it costs the ' +
        'most (before the dependency install); hadolint has the rule in its sources but not yet in a release ' +
        '(`preset: hadolint` turns it on as a warning).',
      rationale:
        '`COPY . .` brings in everything the `.dockerignore` lets through, so any edit (a README, a test) ' +
        'rebuilds this layer and all that follow, and files you did not mean to ship can end up in the ' +
        'image. Reported for a source `.` or `./` (quotes dropped) of a COPY from the build context; a ' +
        'subdirectory or named files are fine.',
      incorrect: 'COPY . .',
      correct: 'COPY package.json package-lock.json ./\nCOPY src/ ./src/',
      peers: ['hadolint DL4007'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'COPY' || ins.heredocs.length || ins.flags.some((f) => f.name === 'from')) continue;
      const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
      for (const w of words.slice(0, -1)) {
        const v = unquote(w.value);
        if (v === '.' || v === './') ctx.report({ start: w.start, end: w.end, messageId: 'whole' });
      }
    }
  },
});
