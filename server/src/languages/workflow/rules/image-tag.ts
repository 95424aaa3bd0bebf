import { defineRule } from '../../../engine/define';
import type { Str, WorkflowModel } from '../parse';
import { asMap, asScalar, entries, entry, nodeRange, scalarText } from '../../../yaml/view';

/** The tag of an image reference: undefined when there is none (a digest counts as pinned). */
function tagOf(image: string): string | undefined {
  if (image.includes('@sha256:')) return 'digest';
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF040',
    id: 'workflow-image-latest-tag',
    kinds: ['workflow'],
    defaultSeverity: 'info',
    description: 'Docker images of `docker://` actions, `container:` and `services:` should name a version tag.',
    messages: {
      untagged: 'Image "{{image}}" has no tag, so it is "latest": whatever was pushed last runs. Name a version.',
      latest: 'Image "{{image}}" uses the "latest" tag: whatever was pushed last runs. Name a version.',
    },
    fixable: false,
    docs: {
      rationale:
        'An image without a tag (or with `latest`) changes under the workflow whenever its maintainers push, so ' +
        'a run that passed yesterday can fail today for no change of yours. The same rule applies to compose ' +
        'files and task definitions. Severity info: a practice (the workflow runs, and many teams follow a ' +
        'moving tag on purpose); compose and task definitions, where the image is the deliverable, warn.',
      incorrect:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: node\n    steps:\n      - run: make\n',
      correct:
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    container: node:22-bookworm\n    steps:\n      - run: make\n',
      peers: ['hadolint DL3007', 'actionlint action'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const check = (s: Str | undefined, image: string) => {
      if (!s || !image || image.includes('${{') || /^\$[a-z]/.test(image)) return;
      const tag = tagOf(image);
      if (tag === 'digest') return;
      if (tag === undefined) ctx.report({ start: s.start, end: s.end, messageId: 'untagged', data: { image } });
      else if (tag === 'latest') ctx.report({ start: s.start, end: s.end, messageId: 'latest', data: { image } });
    };
    const str = (node: unknown): Str | undefined => {
      const sc = asScalar(node, doc);
      const v = scalarText(sc);
      if (!sc || v === undefined) return undefined;
      const [a, b] = nodeRange(sc);
      return { value: v, start: a, end: b, node: sc };
    };
    const container = (node: unknown) => {
      const s = str(node) ?? str(entry(asMap(node, doc), doc, 'image', false)?.value);
      if (s) check(s, s.value.trim());
    };
    for (const job of ctx.model.jobs) {
      container(entry(job.node, doc, 'container', false)?.value);
      for (const svc of entries(asMap(entry(job.node, doc, 'services', false)?.value, doc), doc, false))
        container(svc.value);
      for (const step of job.steps)
        if (step.uses?.value.startsWith('docker://')) check(step.uses, step.uses.value.slice('docker://'.length));
    }
  },
});
