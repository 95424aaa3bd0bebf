import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, propNode, insertProp, replaceNode } from '../json';
import { parsesCleanly } from '../rule-kit';
import { fillFix, hole, type Stop } from '../fill';

const TAG_KEYS: Stop = { kind: 'choice', values: ['team', 'service', 'environment', 'owner', 'project'] };

/** TD306: the task definition has no tags. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD306',
    id: 'missing-tags',
    kinds: ['taskdef'],
    defaultSeverity: 'hint',
    description: 'The task definition carries no tags.',
    messages: {
      missing:
        'The task definition has no "tags"; tag it (team, service, ' +
        'environment) for cost allocation and access control.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'Practice: tags only help find and bill the resources. ' +
        'A hint, not an info: most real task definitions lack it (all 14 aws-samples ones we checked), and ' +
        'with TD303–TD306 as infos every container got four findings that buried the ones ' +
        'that matter. `TD306: info` in `.shipshape.yaml` shows it in the Problems list.',
      rationale:
        'AWS recommends tagging every resource: tags drive cost allocation ' +
        'reports, tag-based IAM conditions and inventory. Task definition tags are set at ' +
        'registration.',
      incorrect: fargateExample(),
      correct: fargateExample({ tags: [{ key: 'team', value: 'payments' }] }),
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    if (td?.type !== 'object') return;
    const tags = get(td, 'tags') ?? get(ctx.model.wrapper ? ctx.model.root : undefined, 'tags');
    if (tags && (tags.type !== 'array' || (tags.children?.length ?? 0) > 0)) return;
    const family = propNode(td, 'family');
    const at = family ? family.children![0] : td;
    const value = `[{ "key": "${hole(0)}", "value": "${hole(1)}" }]`;
    const edit = tags ? replaceNode(tags, value) : insertProp(ctx.text, td, 'tags', value);
    // the key a choice of the usual ones, the value the user's: a snippet fix (never a placeholder word)
    const fix = fillFix(
      'Add a tag (its key and value to fill in)',
      [edit],
      [{ stop: TAG_KEYS }, { stop: { kind: 'empty' } }],
    );
    ctx.report({
      start: at.offset,
      end: family ? at.offset + at.length : at.offset + 1,
      messageId: 'missing',
      fix,
    });
  },
});
