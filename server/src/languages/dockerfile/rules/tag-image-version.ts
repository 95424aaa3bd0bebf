import { defineRule } from '../../../engine/define';
import { tagChoice } from '../data';
import type { DockerfileModel } from '../parse';
import { findStage } from '../parse';
import { dynamic } from '../util';

/** FROM without a tag or digest builds on whatever `latest` is that day. */
export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DL3006',
    id: 'tag-image-version',
    defaultSeverity: 'info',
    presets: { hadolint: 'warning' },
    description: 'A FROM image has no tag or digest.',
    messages: {
      untagged: '`{{image}}` has no tag or digest, so each build takes whatever `latest` is that day: name a version.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'Reproducibility practice: the build works today and may change with the next push of the image.',
      rationale:
        'An untagged image means `latest`, which changes under you: two builds ' +
        'of the same Dockerfile give different images. The fix (a suggestion) adds a current tag of the image, ' +
        'chosen in the editor from the tags Shipshape knows; for an image it does not know, the editor asks for ' +
        'the tag. An editor without snippet edits gets the first current tag, or no fix rather than a placeholder.',
      incorrect: 'FROM debian',
      correct: 'FROM debian:12-slim',
      peers: ['hadolint DL3006'],
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      const img = s.image;
      if (!img || img.toLowerCase() === 'scratch' || dynamic(img)) continue;
      if (findStage(ctx.model, img) && findStage(ctx.model, img)!.index < s.index) continue;
      if (s.tag || s.digest) continue;
      ctx.report({
        start: s.imageStart,
        end: s.imageEnd,
        messageId: 'untagged',
        data: { image: img },
        fix: (() => {
          const tag = tagChoice(s.imageName ?? img);
          return {
            title: tag.plain ? `Add a current tag (${tag.plain}…)` : 'Add an explicit tag',
            safe: false,
            snippet: true,
            edits: [{ start: s.imageEnd, end: s.imageEnd, newText: `:${tag.snippet}` }],
            fallback: tag.plain ? [{ start: s.imageEnd, end: s.imageEnd, newText: `:${tag.plain}` }] : undefined,
          };
        })(),
      });
    }
  },
});
