import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, str } from '../json';
import { isWindows } from '../ecs';

/** TD109: Windows containers run on X86_64 only. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD109',
    id: 'windows-architecture',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A Windows task definition asks for the ARM64 architecture.',
    messages: {
      arm: 'Windows containers run only on X86_64; "cpuArchitecture": "ARM64" is not available with {{os}}.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'ECS refuses to register ARM64 for Windows.',
      rationale:
        'ECS runs Windows Server containers on x86-64 hosts only; Graviton ' +
        '(ARM64) is for Linux. The runtime platform combination is rejected.',
      incorrect: fargateExample({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' },
      }),
      correct: fargateExample({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
      }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!isWindows(td)) return;
    const rp = get(td, 'runtimePlatform');
    const arch = get(rp, 'cpuArchitecture');
    if (str(arch) !== 'ARM64') return;
    ctx.report({
      start: arch!.offset,
      end: arch!.offset + arch!.length,
      messageId: 'arm',
      data: { os: str(get(rp, 'operatingSystemFamily'))! },
      fix: {
        title: 'Use X86_64',
        edits: [{ start: arch!.offset, end: arch!.offset + arch!.length, newText: '"X86_64"' }],
        safe: false,
      },
    });
  },
});
