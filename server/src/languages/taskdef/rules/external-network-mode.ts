import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str } from '../json';
import { compatibilities } from '../ecs';

/** TD108: ECS Anywhere (EXTERNAL) instances do not offer the awsvpc network mode. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD108',
    id: 'external-network-mode',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A task definition for ECS Anywhere (EXTERNAL) uses the awsvpc network mode.',
    messages: {
      awsvpc: 'ECS Anywhere (EXTERNAL) instances do not support "networkMode": "awsvpc"; use bridge, host or none.',
    },
    fixable: false,
    docs: {
      severity: 'A likely bug: the registration succeeds, but ECS Anywhere tasks cannot run in awsvpc.',
      rationale:
        'Tasks on external (on-premises) instances cannot get an elastic ' +
        'network interface, so the awsvpc mode is not available there: the task will not be placed ' +
        'on an external instance. Use `bridge` (the default), `host` or `none`.',
      incorrect: fargateExample(
        { requiresCompatibilities: ['EXTERNAL'], networkMode: 'awsvpc', cpu: undefined, memory: undefined },
        { memory: 256 },
      ),
      correct: fargateExample(
        { requiresCompatibilities: ['EXTERNAL'], networkMode: 'bridge', cpu: undefined, memory: undefined },
        { memory: 256 },
      ),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!compatibilities(td).includes('EXTERNAL')) return;
    const mode = get(td, 'networkMode');
    if (str(mode) !== 'awsvpc') return;
    ctx.report({ start: mode!.offset, end: mode!.offset + mode!.length, messageId: 'awsvpc' });
  },
});
