import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { props, end, get } from '../json';
import type { OffsetEdit } from '../../../engine/types';

/** TD007: the `{"taskDefinition": {...}}` wrapper of describe-task-definition output. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD007',
    id: 'describe-wrapper',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'The file is wrapped in describe-task-definition\'s {"taskDefinition": ...}.',
    messages: {
      wrapper:
        'The task definition is wrapped in "taskDefinition"; ' +
        'register-task-definition expects its content at the top level.',
    },
    fixable: 'safe',
    docs: {
      severity: 'ECS refuses to register the describe-task-definition wrapper as a task definition.',
      rationale:
        '`aws ecs describe-task-definition` prints `{"taskDefinition": {...}, ' +
        '"tags": [...]}`. Saved as is, the file cannot be registered. The fix unwraps it (keeping ' +
        'the tags).',
      incorrect: `{ "taskDefinition": ${fargateExample()} }`,
      correct: fargateExample(),
    },
  },
  check(ctx) {
    const { wrapper, taskDef, root } = ctx.model;
    if (!wrapper || !taskDef || !root) return;
    const k = wrapper.children![0];
    const edits: OffsetEdit[] = [{ start: root.offset, end: taskDef.offset, newText: '' }];
    // describe-task-definition --include TAGS prints the tags beside the wrapper: move them inside.
    const tags = get(root, 'tags');
    const innerProps = props(taskDef);
    const lastInner = innerProps[innerProps.length - 1];
    if (tags && tags.type === 'array' && (tags.children?.length ?? 0) > 0 && !get(taskDef, 'tags') && lastInner) {
      const tagsText = ctx.text.slice(tags.offset, end(tags));
      const indent = /(?<![ \t])[ \t]*$/.exec(ctx.text.slice(0, lastInner.offset))![0];
      edits.push({ start: end(lastInner), end: end(lastInner), newText: `,\n${indent}"tags": ${tagsText}` });
    }
    edits.push({ start: end(taskDef), end: end(root), newText: '' });
    ctx.report({
      start: k.offset,
      end: k.offset + k.length,
      messageId: 'wrapper',
      fix: { title: 'Unwrap the task definition', edits, safe: true },
    });
  },
});
