import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str, isTemplated, insertProp, props, keyOf } from '../json';
import { nearest } from '../../../text/nearest';
import { containers, isFargate, isRegion, ALL_REGIONS } from '../ecs';
import { fillFix, hole, knownOf, REGION_STOP } from '../fill';

/** TD210: the awslogs driver needs a group, a real region and (on Fargate) a stream prefix. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD210',
    id: 'awslogs-options',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'The awslogs log driver is missing a required option or names an unknown region.',
    messages: {
      missing: 'The awslogs driver needs {{options}}.',
      badRegion: '"{{region}}" is not an AWS region code.',
      badRegionSuggest: '"{{region}}" is not an AWS region code; did you mean "{{suggestion}}"?',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'The task fails to start: the awslogs driver cannot create its stream without these options.',
      rationale:
        "The awslogs driver sends the container's output to CloudWatch Logs: " +
        'it needs the log group (`awslogs-group`) and its region (`awslogs-region`, a region code ' +
        'such as `eu-west-1`); on Fargate ECS also requires `awslogs-stream-prefix`. A task with ' +
        'these missing fails to start.',
      incorrect: fargateExample(
        {},
        { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } },
      ),
      correct: fargateExample(
        {},
        {
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
          },
        },
      ),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const fargate = isFargate(td);
    const family = str(get(td, 'family')) ?? 'app';
    for (const c of containers(td)) {
      const lc = get(c.node, 'logConfiguration');
      const driver = get(lc, 'logDriver');
      if (str(driver) !== 'awslogs') continue;
      const options = get(lc, 'options');
      if (options && options.type !== 'object') continue;
      const has = (k: string) => props(options).some((p) => keyOf(p) === k);
      const needed: [string, string, string][] = [
        ['awslogs-group', JSON.stringify(`/ecs/${family}`), ''],
        ['awslogs-region', `"${hole(0)}"`, ''],
      ];
      if (fargate) needed.push(['awslogs-stream-prefix', JSON.stringify('ecs'), ' on Fargate']);
      const missing = needed.filter(([k]) => !has(k));
      if (missing.length) {
        const edits = options
          ? missing.map(([k, v]) => insertProp(ctx.text, options, k, v))
          : [
              insertProp(
                ctx.text,
                lc!,
                'options',
                `{ ${missing.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')} }`,
              ),
            ];
        // Several inserts at one offset: merge them into one edit.
        const merged =
          edits.length > 1
            ? [{ start: edits[0].start, end: edits[0].end, newText: edits.map((e) => e.newText).join('') }]
            : edits;
        // the region the file names, else a snippet with a choice of regions
        const fix = fillFix(`Add ${missing.map(([k]) => k).join(', ')}`, merged, [
          { value: knownOf(td).region, stop: REGION_STOP },
        ]);
        const names = missing.map(([k, , why]) => `"${k}"${why ? ` (required${why})` : ''}`);
        const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
        ctx.report({
          start: driver!.offset,
          end: driver!.offset + driver!.length,
          messageId: 'missing',
          data: { options: list },
          fix,
        });
      }
      const region = get(options, 'awslogs-region');
      const r = str(region);
      if (r !== undefined && !isTemplated(r) && !isRegion(r)) {
        const suggestion = nearest(r, ALL_REGIONS, { mode: 'rename' });
        const at = { start: region!.offset, end: region!.offset + region!.length };
        if (suggestion)
          ctx.report({
            ...at,
            messageId: 'badRegionSuggest',
            data: { region: r, suggestion },
            fix: {
              title: `Change to "${suggestion}"`,
              edits: [{ ...at, newText: JSON.stringify(suggestion) }],
              safe: false,
            },
          });
        else ctx.report({ ...at, messageId: 'badRegion', data: { region: r } });
      }
    }
  },
});
