import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Node } from 'jsonc-parser';
import { get, items, replaceNode, insertProp, templatedNode } from '../json';
import { isFargate, isWindows, FARGATE_SIZES, FARGATE_WINDOWS_CPU, parseCpu, parseMemory } from '../ecs';
import { cite } from '../limits';

/**
 * The valid Fargate pair closest to the one written: keep a valid cpu and round memory up to the
 * next size it offers; otherwise the smallest cpu at least as big as asked that offers the memory.
 */
export function nearestFargatePair(
  cpu: number | undefined,
  memory: number | undefined,
): { cpu: number; memory: number } {
  const roundUp = (offered: number[], m: number | undefined) =>
    m === undefined ? offered[0] : (offered.find((v) => v >= m) ?? offered[offered.length - 1]);
  const size = cpu !== undefined ? FARGATE_SIZES.find((s) => s.cpu === cpu) : undefined;
  if (size) return { cpu: size.cpu, memory: roundUp(size.memory, memory) };
  const fits = FARGATE_SIZES.filter((s) => memory === undefined || s.memory.includes(memory));
  const pool = fits.length ? fits : FARGATE_SIZES;
  const pick = pool.find((s) => s.cpu >= (cpu ?? 0)) ?? pool[pool.length - 1];
  return { cpu: pick.cpu, memory: roundUp(pick.memory, memory) };
}

function size(n: Node | undefined, parse: (s: string) => number | undefined): { ok: boolean; value?: number } {
  if (!n) return { ok: true };
  if (templatedNode(n)) return { ok: true };
  if (n.type === 'number') return { ok: true, value: n.value as number };
  if (n.type !== 'string') return { ok: true }; // wrong-type reports it
  const v = parse(String(n.value));
  return { ok: v !== undefined, value: v };
}

/** TD101: task-level cpu/memory: well-formed, present on Fargate, and a pair Fargate offers. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD101',
    id: 'task-cpu-memory',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'Task-level cpu and memory must be well-formed, and on Fargate present and a supported pair.',
    messages: {
      badCpu: 'Task cpu "{{value}}" is not a number of CPU units (e.g. "1024") or vCPUs (e.g. "1 vCPU").',
      badMemory: 'Task memory "{{value}}" is not a number of MiB (e.g. "2048") or GB (e.g. "2 GB").',
      missing: 'Fargate requires task-level "{{key}}".',
      badCpuFargate: 'Fargate does not offer {{cpu}} CPU units; use 256, 512, 1024, 2048, 4096, 8192 or 16384.',
      windowsCpu: 'Windows containers on Fargate need at least 1 vCPU (cpu 1024, 2048 or 4096), not {{cpu}}.',
      badPair: 'Fargate does not offer {{memory}} MiB with {{cpu}} CPU units; with {{cpu}} it offers {{allowed}}.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register cpu and memory it cannot read, or a pair Fargate does not offer.',
      rationale:
        'Fargate only runs fixed sizes: 256 CPU units with 512, 1024 or 2048 ' +
        'MiB; 512 with 1–4 GB; 1024 with 2–8 GB; 2048 with 4–16 GB; 4096 with 8–30 GB; 8192 with ' +
        '16–60 GB in 4 GB steps; 16384 with 32–120 GB in 8 GB steps. Any other pair, or a missing ' +
        'cpu or memory, is rejected at registration. Windows containers on Fargate start at 1 vCPU ' +
        '(1024, 2048 or 4096). The fix proposes the nearest valid pair. ' +
        cite('fargate-sizes', 'fargate-windows-cpu'),
      incorrect: fargateExample({ cpu: '256', memory: '4096' }),
      correct: fargateExample({ cpu: '1024', memory: '4096' }),
      peers: ['cfn-lint E3047', 'KICS "ECS Task Definition Invalid CPU or Memory" (CloudFormation)'],
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const cpuNode = get(td, 'cpu');
    const memNode = get(td, 'memory');
    const cpu = size(cpuNode, parseCpu);
    const mem = size(memNode, parseMemory);
    if (!cpu.ok)
      ctx.report({
        start: cpuNode!.offset,
        end: cpuNode!.offset + cpuNode!.length,
        messageId: 'badCpu',
        data: { value: String(cpuNode!.value) },
      });
    if (!mem.ok)
      ctx.report({
        start: memNode!.offset,
        end: memNode!.offset + memNode!.length,
        messageId: 'badMemory',
        data: { value: String(memNode!.value) },
      });
    if (!isFargate(td) || !cpu.ok || !mem.ok) return;
    const anchor = items(get(td, 'requiresCompatibilities')).find((n) => n.value === 'FARGATE')!;
    if (!cpuNode || !memNode) {
      const pair = nearestFargatePair(cpu.value, mem.value);
      for (const [key, node, value] of [
        ['cpu', cpuNode, pair.cpu],
        ['memory', memNode, pair.memory],
      ] as const) {
        if (node) continue;
        ctx.report({
          start: anchor.offset,
          end: anchor.offset + anchor.length,
          messageId: 'missing',
          data: { key },
          fix: {
            title: `Add "${key}": "${value}"`,
            edits: [insertProp(ctx.text, td, key, JSON.stringify(String(value)))],
            safe: false,
          },
        });
      }
      return;
    }
    if (cpu.value === undefined || mem.value === undefined) return; // templated
    const sizeRow = FARGATE_SIZES.find((s) => s.cpu === cpu.value);
    const pair = nearestFargatePair(cpu.value, mem.value);
    const edits = [];
    if (pair.cpu !== cpu.value) edits.push(replaceNode(cpuNode, JSON.stringify(String(pair.cpu))));
    if (pair.memory !== mem.value) edits.push(replaceNode(memNode, JSON.stringify(String(pair.memory))));
    const fix = { title: `Use cpu ${pair.cpu} with memory ${pair.memory}`, edits, safe: false };
    if (sizeRow && isWindows(td) && !FARGATE_WINDOWS_CPU.includes(sizeRow.cpu)) {
      const win = nearestFargatePair(Math.max(1024, Math.min(4096, cpu.value)), mem.value);
      const winEdits = [];
      if (win.cpu !== cpu.value) winEdits.push(replaceNode(cpuNode, JSON.stringify(String(win.cpu))));
      if (win.memory !== mem.value) winEdits.push(replaceNode(memNode, JSON.stringify(String(win.memory))));
      ctx.report({
        start: cpuNode.offset,
        end: cpuNode.offset + cpuNode.length,
        messageId: 'windowsCpu',
        data: { cpu: cpu.value },
        fix: { title: `Use cpu ${win.cpu} with memory ${win.memory}`, edits: winEdits, safe: false },
      });
    } else if (!sizeRow) {
      ctx.report({
        start: cpuNode.offset,
        end: cpuNode.offset + cpuNode.length,
        messageId: 'badCpuFargate',
        data: { cpu: cpu.value },
        fix,
      });
    } else if (!sizeRow.memory.includes(mem.value)) {
      const m = sizeRow.memory;
      const allowed =
        m.length <= 3 ? m.join(', ') + ' MiB' : `${m[0]}–${m[m.length - 1]} MiB in steps of ${m[1] - m[0]}`;
      ctx.report({
        start: memNode.offset,
        end: memNode.offset + memNode.length,
        messageId: 'badPair',
        data: { cpu: cpu.value, memory: mem.value, allowed },
        fix,
      });
    }
  },
});
