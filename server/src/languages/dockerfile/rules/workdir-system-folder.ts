import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';

/** Folders the container runtime mounts over when the container starts: what the build puts there is hidden. */
const MOUNTED = ['/proc', '/sys', '/dev'];

function mountedOver(dir: string): string | undefined {
  let p = dir;
  while (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return MOUNTED.find((m) => p === m || p.startsWith(`${m}/`));
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF107',
    id: 'workdir-system-folder',
    defaultSeverity: 'warning',
    description: 'WORKDIR is a folder the container runtime mounts over (`/proc`, `/sys`, `/dev`).',
    messages: {
      mounted:
        'WORKDIR {{dir}} is under {{mount}}, which the runtime mounts over when the container starts: files the ' +
        'build puts there are hidden, and the process starts in a kernel folder.',
    },
    fixable: false,
    docs: {
      severity:
        'A likely bug: the build succeeds, but what it copied or built in that folder is not there when the ' +
        'container runs.',
      rationale:
        'Docker, containerd and ECS mount `proc` on `/proc`, `sysfs` on `/sys` and a `tmpfs` on `/dev` in every ' +
        'container. A WORKDIR under them works during the build, but at run time the mount hides what the image ' +
        'holds there, and the program runs in a kernel folder. Use a folder of your own (`/app`, `/srv/<name>`). ' +
        'trivy also reports `/boot`, `/initrd` and `/lost+found`; nothing is mounted over them in a container, ' +
        'so they are not reported here.',
      incorrect: 'FROM alpine:3.20\nWORKDIR /dev/app\nCOPY . .',
      correct: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .',
      peers: ['trivy DS030 (AVD-DS-0030)'],
    },
  },
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.keyword !== 'WORKDIR' || ins.args.length === 0) continue;
      const a = ins.args[0];
      const dir = a.value;
      if (!dir.startsWith('/')) continue;
      const mount = mountedOver(dir);
      if (mount) ctx.report({ start: a.start, end: a.end, messageId: 'mounted', data: { dir, mount } });
    }
  },
});
