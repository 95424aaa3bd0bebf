import type { Node } from 'jsonc-parser';
import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, items, propNode, str } from '../json';
import { containers, isFargate, isWindows, osFamily } from '../ecs';
import { cite, fact, strings } from '../limits';

const LINUX_ONLY = fact('linux-only-parameters');

/** TD220: Linux-only settings in a Windows task, Windows-only volumes in a Linux one, Windows families Fargate lacks. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD220',
    id: 'platform-unsupported-parameter',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: "A setting the task's operating system (or Fargate's Windows) does not support.",
    messages: {
      linuxOnly: '{{what}} is not supported for Windows containers.',
      windowsMode: 'Windows containers use the awsvpc network mode or the default one, not "{{mode}}".',
      windowsDriver: 'Docker volumes of Windows containers use the local driver only, not "{{driver}}".',
      windowsOnly: 'FSx for Windows File Server volumes are for Windows containers; this task runs Linux.',
      fargateOs: 'Fargate does not run {{os}}; it runs Windows Server 2019 and 2022 (Full or Core) and later.',
    },
    fixable: false,
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        'Windows containers have no Linux parameters, user, read-only root filesystem, privileged mode, ulimits, ' +
        'DNS settings or extra hosts, no pid or ipc mode, only the awsvpc or default network mode and local ' +
        'Docker volumes; FSx for Windows File Server volumes are for Windows only; and Fargate offers ' +
        'Windows Server 2019 and 2022 but not the 2016, 2004 and 20H2 families. ECS documents these as not ' +
        'supported: depending on the host the setting is refused when the task starts or silently has no ' +
        `effect, hence a warning. ${cite('linux-only-parameters', 'windows-network-modes', 'fargate-windows-os')}`,
      incorrect: fargateExample(
        {
          cpu: '1024',
          memory: '2048',
          runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
        },
        { image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022', user: 'ContainerUser' },
      ),
      correct: fargateExample({
        cpu: '1024',
        memory: '2048',
        runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
      }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td) return;
    const at = (n: Node, messageId: string, data?: Record<string, string>) =>
      ctx.report({ start: n.offset, end: n.offset + n.length, messageId, data });
    const os = osFamily(td);
    if (isWindows(td)) {
      for (const key of LINUX_ONLY.task ?? []) {
        const p = propNode(td, key);
        if (p) at(p, 'linuxOnly', { what: `"${key}"` });
      }
      for (const c of containers(td))
        for (const key of LINUX_ONLY.container ?? []) {
          const p = propNode(c.node, key);
          if (p) at(p, 'linuxOnly', { what: `"${key}"` });
        }
      const mode = get(td, 'networkMode');
      const m = str(mode);
      if (mode && m !== undefined && !strings('windows-network-modes').includes(m))
        at(mode, 'windowsMode', { mode: m });
      for (const v of items(get(td, 'volumes'))) {
        const driver = get(get(v, 'dockerVolumeConfiguration'), 'driver');
        const d = str(driver);
        if (driver && d !== undefined && !strings('windows-volume-driver').includes(d))
          at(driver, 'windowsDriver', { driver: d });
      }
      if (os && isFargate(td) && strings('fargate-windows-os').includes(os))
        at(get(get(td, 'runtimePlatform'), 'operatingSystemFamily')!, 'fargateOs', { os });
    } else if (os === 'LINUX' || (os === undefined && isFargate(td))) {
      for (const v of items(get(td, 'volumes'))) {
        const p = propNode(v, 'fsxWindowsFileServerVolumeConfiguration');
        if (p) at(p.children![0], 'windowsOnly');
      }
    }
  },
});
