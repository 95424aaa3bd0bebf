import { defineRule } from '../../engine/define';
import { isTemplated, type TaskDefFacts } from '../../languages/taskdef/facts';
import { isLiteral } from '../../languages/workflow/facts';
import { workflowsRendering } from '../builds';
import { own, type LinkContext } from '../facts';

/** The tag of an image reference, '' when there is none; undefined when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const i = last.indexOf(':');
  return i < 0 ? '' : last.slice(i + 1);
}

const EXAMPLE = (image: string) =>
  `{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "${image}", "essential": true }\n  ]\n}\n`;

/**
 * TD300: an image without a tag or with :latest, unless a workflow renders this task definition with a new image for
 * that container at deploy time (it lives with the checks across files for that reason; code and id are the ones it
 * always had).
 */
export const rule = defineRule<unknown>({
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
        'does not roll back the code, and a bad push breaks running services as tasks are replaced. ' +
        'Not reported for a container whose image a workflow of the workspace replaces at deploy time ' +
        '(`aws-actions/amazon-ecs-render-task-definition` with this file as `task-definition` and the ' +
        "container's name as `container-name`, or a render that takes an earlier render's output): the " +
        'file is a template there, and what runs is the image the workflow built.',
      incorrect: EXAMPLE('nginx:latest'),
      correct: EXAMPLE('nginx:1.27.2'),
      peers: ['hadolint DL3007 (for FROM)'],
    },
  },
  check(ctx) {
    const td = own<TaskDefFacts>(ctx);
    if (!td || td.broken) return;
    let rendered: ReturnType<typeof renderedContainers> | undefined;
    for (const c of td.containers) {
      const image = c.image;
      if (!image || !c.imageSpan) continue;
      const tag = imageTag(image);
      if (tag === undefined) continue;
      if (tag === '' && isTemplated(image)) continue; // "${IMAGE}" carries its own tag
      if (tag !== '' && tag !== 'latest') continue;
      rendered ??= renderedContainers(ctx, ctx.path);
      if (c.name !== undefined && rendered.names.has(c.name)) continue;
      if (rendered.unnamed && td.containers.length === 1) continue;
      ctx.report({ ...c.imageSpan, messageId: tag === '' ? 'untagged' : 'latest', data: { image } });
    }
  },
});

/**
 * The containers whose image the workspace's workflows replace when they render this task definition: render steps
 * naming this file, and render steps of the same job that take such a step's output (`task-definition:
 * ${{ steps.render-web.outputs.task-definition }}`), the usual way to replace the images of several containers. A
 * render whose own image is a literal `latest` (or untagged) replaces nothing worth knowing. `unnamed`: some render
 * names its container by an expression (it can only be the one container of a task of one).
 */
function renderedContainers(ctx: LinkContext, path: string): { names: Set<string>; unnamed: boolean } {
  const names = new Set<string>();
  let unnamed = false;
  for (const wf of workflowsRendering(ctx, path)) {
    const ids = new Map(wf.facts.steps.map((s) => [`${s.job}#${s.step}`, s.id?.value]));
    const chain = new Set<string>();
    for (const s of wf.facts.ecs) {
      if (s.action !== 'render') continue;
      const from = s.taskDef && /steps\.([\w-]+)\.outputs\.task-definition/.exec(s.taskDef.value)?.[1];
      if (s.taskDefPath !== path && !(from && chain.has(`${s.job}#${from}`))) continue;
      const id = ids.get(`${s.job}#${s.step}`);
      if (id) chain.add(`${s.job}#${id}`);
      const image = s.inputs.image;
      const tag = image && isLiteral(image) ? imageTag(image.value.trim()) : undefined;
      if (!image || tag === '' || tag === 'latest') continue;
      if (s.container && isLiteral(s.container)) names.add(s.container.value.trim());
      else unnamed = true;
    }
  }
  return { names, unnamed };
}
