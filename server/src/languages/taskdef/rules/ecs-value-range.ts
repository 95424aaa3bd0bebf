import type { Node } from 'jsonc-parser';
import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, num } from '../json';
import { containers, isFargate, isWindows, parseCpu, taskSize } from '../ecs';
import { bounds, cite, fact } from '../limits';

const RANGES = [
  'ephemeral-storage',
  'ec2-task-cpu',
  'fargate-start-timeout',
  'fargate-stop-timeout',
  'restart-attempt-period',
];

/** TD120: numbers ECS bounds beyond its API model (ephemeral storage, EC2 task cpu, Fargate timeouts, restarts). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD120',
    id: 'ecs-value-range',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A size or duration outside the range ECS accepts, though the API model sets no bounds.',
    messages: {
      range: '{{key}} {{value}} is out of range: ECS accepts {{bounds}}{{where}}.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS refuses the registration (RegisterTaskDefinition fails), so the deploy fails; the limit is in the data file `taskdef/data/limits.json` with its source.',
      rationale:
        'The API model says these are integers; ECS itself refuses the registration when they fall outside ' +
        "its documented ranges: Fargate's `ephemeralStorage.sizeInGiB` (21–200 GiB), a task-level `cpu` on EC2 or " +
        'external instances (128–196608 units), `startTimeout` and `stopTimeout` on Fargate (2–120 s) and a ' +
        "restart policy's `restartAttemptPeriod` (60–1800 s). The suggestion clamps the value into the range. " +
        cite(...RANGES),
      incorrect: fargateExample({ ephemeralStorage: { sizeInGiB: 10 } }),
      correct: fargateExample({ ephemeralStorage: { sizeInGiB: 30 } }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const fargate = isFargate(td);
    const check = (n: Node | undefined, value: number | undefined, key: string, id: string, where = '') => {
      const f = fact(id);
      if (!n || value === undefined) return;
      if ((f.min === undefined || value >= f.min) && (f.max === undefined || value <= f.max)) return;
      const clamped = Math.min(f.max ?? value, Math.max(f.min ?? value, value));
      const text = n.type === 'string' ? JSON.stringify(String(clamped)) : String(clamped);
      ctx.report({
        start: n.offset,
        end: n.offset + n.length,
        messageId: 'range',
        data: { key, value, bounds: bounds(f), where },
        suggestions: [
          {
            title: `Use ${clamped}`,
            edits: [{ start: n.offset, end: n.offset + n.length, newText: text }],
            safe: false,
          },
        ],
      });
    };
    const storage = get(get(td, 'ephemeralStorage'), 'sizeInGiB');
    check(storage, num(storage), 'ephemeralStorage.sizeInGiB', 'ephemeral-storage');
    // Fargate's task sizes are TD101's; Windows containers ignore task-level sizes.
    if (!fargate && !isWindows(td)) {
      const cpu = get(td, 'cpu');
      check(cpu, taskSize(cpu, parseCpu), 'Task cpu', 'ec2-task-cpu', ' on EC2 and external instances');
    }
    for (const c of containers(td)) {
      if (fargate)
        for (const [key, id] of [
          ['startTimeout', 'fargate-start-timeout'],
          ['stopTimeout', 'fargate-stop-timeout'],
        ]) {
          const n = get(c.node, key);
          check(n, num(n), key, id, ' on Fargate');
        }
      const period = get(get(c.node, 'restartPolicy'), 'restartAttemptPeriod');
      check(period, num(period), 'restartPolicy.restartAttemptPeriod', 'restart-attempt-period');
    }
  },
});
