import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str, isTemplated } from '../json';
import { containers } from '../ecs';
import { parsesCleanly } from '../rule-kit';

/** The tag of an image reference, '' when there is none; undefined when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const i = last.indexOf(':');
  return i < 0 ? '' : last.slice(i + 1);
}

/** TD300: an image without a tag or with :latest. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD300',
    id: 'taskdef-image-latest-tag',
    kinds: ['taskdef'],
    defaultSeverity: 'info',
    description: 'A container image uses the latest tag or no tag.',
    messages: {
      latest: 'Image "{{image}}" uses the "latest" tag; pin a version or digest so every task runs the same image.',
      untagged:
        'Image "{{image}}" has no tag, which means "latest"; pin a version or ' +
        'digest so every task runs the same image.',
    },
    fixable: false,
    docs: {
      severity: 'Reproducibility practice: the task runs today and may change with the next push of the image.',
      rationale:
        'ECS pulls the image each time a task starts. With `latest` (or no ' +
        'tag) tasks of the same revision can run different code, a rollback to an older revision ' +
        'does not roll back the code, and a bad push breaks running services as tasks are replaced.',
      incorrect: fargateExample({}, { image: 'nginx:latest' }),
      correct: fargateExample({}, { image: 'nginx:1.27.2' }),
      peers: ['hadolint DL3007', 'checkov CKV_AWS_?'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    for (const c of containers(ctx.model.taskDef)) {
      const n = get(c.node, 'image');
      const image = str(n);
      if (!n || image === undefined || image === '') continue;
      const tag = imageTag(image);
      if (tag === undefined) continue;
      if (tag === '' && isTemplated(image)) continue; // "${IMAGE}" carries its own tag
      if (tag !== '' && tag !== 'latest') continue;
      ctx.report({
        start: n.offset,
        end: n.offset + n.length,
        messageId: tag === '' ? 'untagged' : 'latest',
        data: { image },
      });
    }
  },
});
