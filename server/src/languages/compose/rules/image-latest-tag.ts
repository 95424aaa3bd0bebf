import { defineRule } from '../../../engine/define';
import type { ComposeModel } from '../parse';
import { nodeEnd, nodeStart, str } from '../../../yaml/view';

export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const ref = at >= 0 ? image.slice(0, at) : image;
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { name: ref.slice(0, colon), tag: ref.slice(colon + 1), digest };
  return { name: ref, digest };
}

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP041',
    id: 'compose-image-latest-tag',
    kinds: ['compose'],
    defaultSeverity: 'info',
    fixable: false,
    description: 'A service runs an image with the `latest` tag or with no tag at all.',
    messages: {
      latest: '"{{image}}" uses the "latest" tag; pin a version so every machine runs the same image.',
      untagged: '"{{image}}" has no tag, so it means "latest"; pin a version so every machine runs the same image.',
    },
    docs: {
      severity: 'Reproducibility practice: the service runs today and may change with the next push of the image.',
      rationale:
        '`latest` is whatever was pushed last: two developers (or a developer ' +
        'and CI) end up running different versions, and a `docker compose pull` can bring a ' +
        'breaking major release. Pin a tag (or a digest). Services that also have `build` are ' +
        'skipped, since there `image` only names the built image.',
      incorrect: 'services:\n  cache:\n    image: redis\n',
      correct: 'services:\n  cache:\n    image: redis:7.4-alpine\n',
      peers: ['hadolint DL3007 / DL3006 (for FROM)'],
    },
  },
  check(ctx) {
    for (const svc of ctx.model.services) {
      if (svc.get('build')) continue;
      const n = svc.get('image')?.value;
      const image = str(n);
      if (!n || !image || image.includes('$')) continue;
      const { tag, digest } = splitImage(image);
      if (digest) continue;
      if (tag === undefined)
        ctx.report({ start: nodeStart(n), end: nodeEnd(n), messageId: 'untagged', data: { image } });
      else if (tag === 'latest')
        ctx.report({ start: nodeStart(n), end: nodeEnd(n), messageId: 'latest', data: { image } });
    }
  },
});
