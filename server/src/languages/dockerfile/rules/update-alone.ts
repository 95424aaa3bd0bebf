import { defineRule } from '../../../engine/define';
import type { DockerInstruction, DockerfileModel } from '../parse';
import { runCommandsOf } from '../parse';
import type { ShellCommand } from '../shell';
import { subcommandOf } from '../util';

/** The package manager family a command refreshes the index of, or installs with. */
type Family = 'apt' | 'apk' | 'dnf' | 'zypper';

function familyOf(name: string): Family | undefined {
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') return 'apt';
  if (name === 'apk') return 'apk';
  if (name === 'dnf' || name === 'yum' || name === 'microdnf' || name === 'tdnf') return 'dnf';
  if (name === 'zypper') return 'zypper';
  return undefined;
}

const UPDATES: Record<Family, Set<string>> = {
  apt: new Set(['update']),
  apk: new Set(['update']),
  dnf: new Set(['makecache']),
  zypper: new Set(['refresh', 'ref']),
};
const INSTALLS: Record<Family, Set<string>> = {
  apt: new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'reinstall']),
  apk: new Set(['add', 'upgrade']),
  dnf: new Set(['install', 'upgrade', 'update', 'reinstall', 'groupinstall', 'localinstall', 'builddep']),
  zypper: new Set(['install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
};

interface RunUse {
  ins: DockerInstruction;
  updates: Map<Family, ShellCommand>;
  installs: Set<Family>;
}

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF106',
    id: 'update-alone',
    defaultSeverity: 'warning',
    description: 'A RUN refreshes the package index and a later RUN installs from it.',
    messages: {
      alone:
        '`{{update}}` runs in a RUN of its own, and line {{line}} installs in a later one: when this layer comes ' +
        'from the cache, the install reads old package lists (packages that changed since fail to download).',
    },
    fixable: false,
    docs: {
      severity:
        'A likely bug: the build works until the cached index layer is older than the mirror, then the install ' +
        'fails (404) or installs outdated packages, with nothing in the Dockerfile having changed.',
      rationale:
        'Docker caches each instruction by its text. A `RUN apt-get update` of its own is reused from the cache for ' +
        'as long as its line is unchanged, so a later `RUN apt-get install` (re-run when its package list changes) ' +
        'reads package lists from whenever the cache was filled. Refresh and install in one RUN ' +
        "(`apt-get update && apt-get install -y ...`), as Docker's best practices say. Reported for apt, apk, " +
        'dnf/yum (`makecache`) and zypper (`refresh`), only when a later RUN of the same stage installs with the ' +
        'same package manager without refreshing itself.',
      incorrect: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
      correct: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
      peers: [
        'checkov CKV_DOCKER_5',
        'trivy DS017 (AVD-DS-0017)',
        'KICS "Update Instruction Alone"',
        "Docker's best practices (apt-get)",
      ],
    },
  },
  check(ctx) {
    const runs: RunUse[] = [];
    let last: RunUse | undefined;
    for (const { ins, cmd } of runCommandsOf(ctx.model.instructions)) {
      if (ins !== last?.ins) {
        last = { ins, updates: new Map(), installs: new Set() };
        runs.push(last);
      }
      const family = familyOf(cmd.name);
      if (!family) continue;
      const sub = subcommandOf(cmd)?.value;
      if (!sub) continue;
      if (UPDATES[family].has(sub) && !last.updates.has(family)) last.updates.set(family, cmd);
      else if (INSTALLS[family].has(sub)) last.installs.add(family);
    }
    // per stage, the updates not yet followed by an install: reported at the first later RUN that installs alone
    const pending = new Map<string, ShellCommand>();
    for (const run of runs) {
      for (const family of run.installs) {
        const key = `${run.ins.stage}:${family}`;
        const p = pending.get(key);
        if (p && !run.updates.has(family)) {
          const line = ctx.lines.position(run.ins.start).line + 1;
          ctx.report({
            start: p.start,
            end: p.end,
            messageId: 'alone',
            data: { update: ctx.text.slice(p.start, p.end), line: String(line) },
          });
        }
        pending.delete(key);
      }
      for (const [family, cmd] of run.updates)
        if (!run.installs.has(family)) pending.set(`${run.ins.stage}:${family}`, cmd);
    }
  },
});
