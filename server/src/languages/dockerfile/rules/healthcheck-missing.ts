import { defineRule } from '../../../engine/define';
import { type DockerfileModel, findStage } from '../parse';
import { stageChain } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3057',
    id: 'healthcheck-missing',
    defaultSeverity: 'off',
    description: 'The final stage has no HEALTHCHECK.',
    messages: { missing: 'The final stage has no HEALTHCHECK.' },
    fixable: false,
    docs: {
      severity: 'Off, as in hadolint: orchestrators (Kubernetes, ECS) usually define their own probes.',
      rationale:
        'A HEALTHCHECK lets Docker (and compose `depends_on: condition: ' +
        'service_healthy`) tell a started container from a working one. Off by default, as in ' +
        'hadolint: orchestrators such as Kubernetes and ECS define their own probes. Each image the file can ' +
        'build is judged: a stage no other stage is built on (a stage only copied from is a build step, not an ' +
        'image); a HEALTHCHECK (or `HEALTHCHECK NONE`) in a stage it is built on counts, one in an unrelated ' +
        'stage does not. Unlike hadolint, intermediate stages that other stages are built on are not reported ' +
        'themselves.',
      incorrect: 'FROM nginx:1.27',
      correct: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1',
      peers: ['hadolint DL3057'],
    },
  },
  check(ctx) {
    const m = ctx.model;
    const builtOn = new Set(m.stages.map((s) => s.parentStage).filter((i) => i !== undefined));
    const copiedFrom = new Set<number>();
    for (const ins of m.instructions) {
      const from =
        ins.keyword === 'COPY' || ins.keyword === 'ADD' ? ins.flags.find((f) => f.name === 'from') : undefined;
      const source = from?.value
        ? /^\d+$/.test(from.value)
          ? m.stages[Number(from.value)]
          : findStage(m, from.value)
        : undefined;
      if (source) copiedFrom.add(source.index);
    }
    for (const s of m.stages) {
      // an image is a stage nothing else is built on, and that is not only a source of files for another stage
      if (builtOn.has(s.index) || (copiedFrom.has(s.index) && s !== m.finalStage)) continue;
      // HEALTHCHECK (NONE too) here or in a stage it is built on
      if (stageChain(m, s).some((x) => x.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) continue;
      ctx.report({ start: s.from.keywordStart, end: s.from.keywordEnd, messageId: 'missing' });
    }
  },
});
