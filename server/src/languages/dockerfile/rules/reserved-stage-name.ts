import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3063',
    formerCodes: ['DF006'],
    id: 'reserved-stage-name',
    defaultSeverity: 'warning',
    description: 'Reserved words should not be used as stage names.',
    messages: {
      reserved:
        '`{{name}}` is a reserved word (`FROM {{lower}}` and `--from={{lower}}` already mean something else): ' +
        'give the stage another name.',
    },
    fixable: false,
    docs: {
      severity:
        'A likely bug: the build runs (BuildKit only warns), but the stage cannot be referenced reliably by ' +
        'its name.',
      rationale:
        '`scratch` (the empty image) and `context` (the build context) have ' +
        'meanings in `FROM` and `--from`; a stage with that name cannot be referenced reliably. BuildKit ' +
        '`ReservedStageName`, hadolint DL3063. Like BuildKit (which lower-cases stage names) and unlike ' +
        "hadolint, `AS Scratch` is reported too. This rule was DF006 before it took hadolint's code; DF006 still " +
        'names it in configuration and ignore comments and will never name another rule.',
      incorrect: 'FROM alpine:3.20 AS scratch',
      correct: 'FROM alpine:3.20 AS base',
      peers: ['hadolint DL3063', 'BuildKit ReservedStageName'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages)
      if (s.name && ['scratch', 'context'].includes(s.name.toLowerCase()))
        ctx.report({
          start: s.nameStart!,
          end: s.nameEnd!,
          messageId: 'reserved',
          data: { name: s.name, lower: s.name.toLowerCase() },
        });
  },
});
