import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Node } from 'jsonc-parser';
import { get, items, propNode, str } from '../json';
import { isFargate, containers } from '../ecs';
import { cite, fact } from '../limits';

const INVALID = fact('fargate-invalid-parameters');

/** TD107: parameters that only EC2 (or external) hosts support. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD107',
    id: 'fargate-unsupported-parameter',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A parameter that Fargate does not support.',
    messages: { unsupported: 'Fargate does not support {{what}}.' },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register a parameter Fargate does not support.',
      rationale:
        'Some task definition parameters need control over the host: devices, ' +
        'shared memory size, tmpfs mounts, swap, `ipcMode`, `pidMode: host`, Docker volume ' +
        'drivers, host paths for bind mounts and added Linux capabilities other than SYS_PTRACE; nor the ' +
        'container settings that reach into the host or its network (`disableNetworking`, `dnsServers`, ' +
        '`dnsSearchDomains`, `dockerSecurityOptions`, `extraHosts`, GPUs). ' +
        `Fargate rejects them at registration. ${cite('fargate-invalid-parameters')}`,
      incorrect: fargateExample({}, { linuxParameters: { sharedMemorySize: 512 } }),
      correct: fargateExample({}, { linuxParameters: { initProcessEnabled: true } }),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    if (!td || !isFargate(td)) return;
    const report = (n: Node | undefined, what: string) => {
      if (n) ctx.report({ start: n.offset, end: n.offset + n.length, messageId: 'unsupported', data: { what } });
    };
    for (const key of INVALID.task ?? []) report(propNode(td, key), `"${key}"`);
    if (str(get(td, 'pidMode')) === 'host') report(propNode(td, 'pidMode'), '"pidMode": "host"');
    for (const v of items(get(td, 'volumes'))) {
      report(propNode(v, 'dockerVolumeConfiguration'), 'Docker volume drivers ("dockerVolumeConfiguration")');
      if (get(get(v, 'host'), 'sourcePath'))
        report(propNode(get(v, 'host'), 'sourcePath'), 'host paths for bind mounts ("host.sourcePath")');
    }
    for (const c of containers(td)) {
      for (const key of INVALID.container ?? []) report(propNode(c.node, key), `"${key}"`);
      for (const r of items(get(c.node, 'resourceRequirements')))
        if (str(get(r, 'type')) === 'GPU') report(r, 'GPUs (resourceRequirements of type "GPU")');
      const lp = get(c.node, 'linuxParameters');
      for (const key of INVALID.linuxParameters ?? []) report(propNode(lp, key), `"linuxParameters.${key}"`);
      for (const cap of items(get(get(lp, 'capabilities'), 'add'))) {
        const name = str(cap);
        if (name !== undefined && name !== 'SYS_PTRACE') report(cap, `adding the ${name} capability (only SYS_PTRACE)`);
      }
    }
  },
});
