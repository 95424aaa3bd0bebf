import { defineRule } from '../../../engine/define';
import { labelPairs, labelSchema } from '../labels';
import { type DockerfileModel, findStage } from '../parse';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3049',
    id: 'label-schema-missing',
    defaultSeverity: 'info',
    description: 'An image lacks a label the label schema requires.',
    messages: {
      missing: 'Label `{{label}}` is missing: `label-schema` in `.hadolint.yaml` requires it on every image.',
    },
    fixable: false,
    docs: {
      severity: 'Practice your team asked for (label-schema): the image builds without the label.',
      rationale:
        'With a `label-schema` in `.hadolint.yaml`, every image the file builds carries each of its labels. As ' +
        'hadolint, each stage is judged, at its FROM: a label set in the stage it is built on counts; a stage ' +
        'only copied from (`COPY --from`), or that a labelled stage is built on, is a step towards an image and ' +
        'is not reported. One finding per missing label.',
      incorrect: 'FROM debian:12-slim\nLABEL team="infra"',
      correct: 'FROM debian:12-slim\nLABEL owner="infra@example.com"',
      peers: ['hadolint DL3049'],
      files: { '.hadolint.yaml': 'label-schema:\n  owner: email\n' },
    },
  },
  check(ctx) {
    const labels = Object.keys(labelSchema(ctx));
    if (!labels.length) return;
    const m = ctx.model;
    const own = new Map<number, Set<string>>();
    for (const p of labelPairs(ctx)) own.set(p.ins.stage, (own.get(p.ins.stage) ?? new Set()).add(p.key));
    // stages only copied from are build steps
    const copiedFrom = new Set<number>();
    for (const ins of m.instructions) {
      const from =
        ins.keyword === 'COPY' || ins.keyword === 'ADD' ? ins.flags.find((f) => f.name === 'from') : undefined;
      if (!from?.value) continue;
      const source = /^\d+$/.test(from.value) ? m.stages[Number(from.value)] : findStage(m, from.value);
      if (source && source.index < ins.stage) copiedFrom.add(source.index);
    }
    for (const label of labels) {
      const labelled: boolean[] = [];
      for (const s of m.stages)
        labelled[s.index] = !!own.get(s.index)?.has(label) || (s.parentStage !== undefined && labelled[s.parentStage]);
      const silenced = new Set(copiedFrom);
      for (const s of m.stages) if (labelled[s.index] && s.parentStage !== undefined) silenced.add(s.parentStage);
      for (const s of m.stages)
        if (!labelled[s.index] && !silenced.has(s.index))
          ctx.report({ start: s.from.keywordStart, end: s.from.keywordEnd, messageId: 'missing', data: { label } });
    }
  },
});
