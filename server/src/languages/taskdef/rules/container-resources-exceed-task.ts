import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, num } from '../json';
import { containers, taskSize, parseCpu, parseMemory } from '../ecs';

/** TD202: containers cannot ask for more cpu or memory than the task has. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD202',
    id: 'container-resources-exceed-task',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: "The containers' cpu or memory add up to more than the task-level cpu or memory.",
    messages: {
      cpu: "The containers reserve {{sum}} CPU units in all, more than the task's {{task}}.",
      memory: "The containers reserve {{sum}} MiB in all, more than the task's {{task}} MiB.",
      oneMemory: 'Container "{{name}}" has a hard memory limit of {{value}} MiB, more than the task\'s {{task}} MiB.',
    },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register containers that need more than the task has.',
      rationale:
        'Task-level cpu and memory are the budget the containers share. ECS ' +
        "rejects a task definition whose containers' cpu, or whose memory reservations " +
        "(`memoryReservation`, else `memory`), add up to more than the task's, or one container's " +
        "hard limit above the task's memory.",
      incorrect: fargateExample({}, { cpu: 256, memory: 512 }, [
        { name: 'sidecar', image: 'busybox:1.36', cpu: 128, memoryReservation: 64, essential: false },
      ]),
      correct: fargateExample({ cpu: '512', memory: '1024' }, { cpu: 256, memory: 512 }, [
        { name: 'sidecar', image: 'busybox:1.36', cpu: 128, memoryReservation: 64, essential: false },
      ]),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const cpuNode = get(td, 'cpu');
    const memNode = get(td, 'memory');
    const taskCpu = taskSize(cpuNode, parseCpu);
    const taskMem = taskSize(memNode, parseMemory);
    const list = containers(td);
    if (taskCpu !== undefined) {
      const sum = list.reduce((s, c) => s + (num(get(c.node, 'cpu')) ?? 0), 0);
      if (sum > taskCpu)
        ctx.report({
          start: cpuNode!.offset,
          end: cpuNode!.offset + cpuNode!.length,
          messageId: 'cpu',
          data: { sum, task: taskCpu },
        });
    }
    if (taskMem !== undefined) {
      let sum = 0;
      for (const c of list) {
        const hard = get(c.node, 'memory');
        const soft = num(get(c.node, 'memoryReservation'));
        sum += soft ?? num(hard) ?? 0;
        const h = num(hard);
        if (h !== undefined && h > taskMem)
          ctx.report({
            start: hard!.offset,
            end: hard!.offset + hard!.length,
            messageId: 'oneMemory',
            data: { name: c.name ?? '?', value: h, task: taskMem },
          });
      }
      if (sum > taskMem)
        ctx.report({
          start: memNode!.offset,
          end: memNode!.offset + memNode!.length,
          messageId: 'memory',
          data: { sum, task: taskMem },
        });
    }
  },
});
