import { defineRule } from '../../../engine/define';
import type { Rule } from '../../../engine/types';
import type { DockerfileModel, DockerInstruction, VarDef } from '../parse';
import { INSTRUCTIONS, FLAGS, NEEDS_ARGS, SIGNALS, DURATION } from '../data';

const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF000',
    id: 'syntax',
    defaultSeverity: 'error',
    description: 'Dockerfile syntax and argument errors that make the build fail (unknown instructions are DF001).',
    messages: {
      parse: '{{message}}',
      missingArgs: '{{keyword}} needs {{what}}.',
      unknownFlag: 'Unknown flag `--{{flag}}` for {{keyword}}.',
      flagValue: 'Flag `--{{flag}}` needs a value.',
      duplicateFlag: 'Flag `--{{flag}}` is given twice.',
      badFlagValue: 'Invalid value `{{value}}` for `--{{flag}}`: expected {{expected}}.',
      badDuration: 'Invalid duration `{{value}}` for `--{{flag}}`: use units such as `30s`, `1m30s`.',
      badPort: 'Invalid port `{{value}}`: expected `PORT`, `PORT/tcp`, `PORT/udp` or `PORT/sctp`.',
      badSignal: 'Invalid signal `{{value}}`: expected a name such as `SIGTERM` or a number.',
      fromArgs: 'FROM takes an image, optionally followed by `AS name`.',
      stageName: 'Invalid stage name `{{name}}`: use letters, digits, `-`, `_` and `.`, starting with a letter.',
      healthcheck: 'HEALTHCHECK needs `CMD <command>` or `NONE`.',
      healthNoneArgs: 'HEALTHCHECK NONE takes no other arguments.',
      shellJson: 'SHELL needs the JSON form, e.g. `SHELL ["/bin/bash", "-c"]`.',
      escape: 'The escape directive accepts only `\\` or `` ` ``.',
      duplicateDirective: 'The `{{name}}` directive is already set above.',
      unterminatedHeredoc: 'Here-document `{{name}}` is never closed: add a line with `{{name}}`.',
      envValue: 'ENV `{{name}}` has no value: use `ENV {{name}}=value`.',
      argName: 'Invalid ARG name `{{name}}`.',
      onbuildTrigger: 'ONBUILD needs an instruction to trigger.',
    },
    fixable: false,
    docs: {
      severity: 'BuildKit refuses the Dockerfile: the build fails before it starts.',
      rationale:
        'These mistakes stop `docker build` (or silently do something else); ' +
        'catching them while typing saves a build. Covers what `dockerfile-utils` validates ' +
        '(unknown instructions are DF001): missing arguments, unknown or repeated flags and their ' +
        'values (durations, `--network`, `--security`, `--mount type=`), ports, signals, stage ' +
        'names, `HEALTHCHECK` forms, `SHELL` form, the `escape` directive, unclosed here-documents.',
      incorrect: 'FROM node:20\nHEALTHCHECK --interval=30 CMD curl -f http://localhost/',
      correct: 'FROM node:20\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/',
      peers: ['dockerfile-utils validate', 'BuildKit parser'],
    },
  },
  check(ctx) {
    const m = ctx.model;
    for (const p of m.problems)
      ctx.report({ start: p.start, end: p.end, messageId: 'parse', data: { message: p.message } });
    const seenDirectives = new Set<string>();
    for (const d of m.directives) {
      const n = d.name.toLowerCase();
      if (seenDirectives.has(n))
        ctx.report({ start: d.start, end: d.end, messageId: 'duplicateDirective', data: { name: n } });
      seenDirectives.add(n);
      if (n === 'escape' && d.value !== '\\' && d.value !== '`')
        ctx.report({ start: d.valueStart, end: Math.max(d.valueEnd, d.valueStart + 1), messageId: 'escape' });
    }
    // the ARG/ENV definitions of each instruction (a filter over all of them per instruction was quadratic)
    const defs = new Map<DockerInstruction, VarDef[]>();
    for (const d of [...m.envs, ...m.args]) {
      const list = defs.get(d.instruction);
      if (list) list.push(d);
      else defs.set(d.instruction, [d]);
    }
    for (const ins of m.instructions) {
      checkInstruction(ctx, ins, defs);
      if (ins.keyword === 'ONBUILD') {
        if (!ins.trigger) {
          if (ins.args.length === 0)
            ctx.report({ start: ins.keywordStart, end: ins.keywordEnd, messageId: 'onbuildTrigger' });
        } else checkInstruction(ctx, ins.trigger, defs);
      }
    }
  },
});

function checkInstruction(
  ctx: Parameters<Rule<DockerfileModel>['check']>[0],
  ins: DockerInstruction,
  defs: Map<DockerInstruction, VarDef[]>,
): void {
  const k = ins.keyword;
  if (!INSTRUCTIONS.includes(k)) return; // DF001 unknown-instruction
  const hasBody = ins.args.length > 0 || ins.heredocs.length > 0;
  if (NEEDS_ARGS.has(k) && !hasBody && !(k === 'ONBUILD')) {
    ctx.report({
      start: ins.keywordStart,
      end: ins.keywordEnd,
      messageId: 'missingArgs',
      data: { keyword: k, what: WHAT[k] ?? 'arguments' },
    });
    return;
  }
  // flags
  const allowed = FLAGS[k] ?? [];
  const seen = new Set<string>();
  for (const f of ins.flags) {
    const spec = allowed.find((x) => x.name === f.name);
    if (!spec) {
      ctx.report({ start: f.start, end: f.end, messageId: 'unknownFlag', data: { flag: f.name, keyword: k } });
      continue;
    }
    if (seen.has(f.name) && !spec.multi)
      ctx.report({ start: f.start, end: f.end, messageId: 'duplicateFlag', data: { flag: f.name } });
    seen.add(f.name);
    const boolFlag = f.name === 'link' || f.name === 'parents' || f.name === 'keep-git-dir' || f.name === 'unpack';
    if ((f.value === null || f.value === '') && !boolFlag) {
      ctx.report({ start: f.start, end: f.end, messageId: 'flagValue', data: { flag: f.name } });
      continue;
    }
    const v = f.value ?? '';
    if (v.includes('$')) continue;
    const at = { start: f.valueStart ?? f.start, end: f.valueEnd ?? f.end };
    if (spec.values && !spec.values.includes(v))
      ctx.report({
        ...at,
        messageId: 'badFlagValue',
        data: { value: v, flag: f.name, expected: spec.values.map((x) => '`' + x + '`').join(', ') },
      });
    if (k === 'HEALTHCHECK' && f.name !== 'retries' && !DURATION.test(v))
      ctx.report({ ...at, messageId: 'badDuration', data: { value: v, flag: f.name } });
    if (k === 'HEALTHCHECK' && f.name === 'retries' && !/^\d+$/.test(v))
      ctx.report({ ...at, messageId: 'badFlagValue', data: { value: v, flag: f.name, expected: 'a whole number' } });
    if (boolFlag && f.value !== null && !['true', 'false', ''].includes(v))
      ctx.report({ ...at, messageId: 'badFlagValue', data: { value: v, flag: f.name, expected: '`true` or `false`' } });
    if (k === 'RUN' && f.name === 'mount') {
      const type = /(?:^|,)type=([^,]*)/.exec(v)?.[1] ?? 'bind';
      if (!MOUNT_TYPES.includes(type))
        ctx.report({
          ...at,
          messageId: 'badFlagValue',
          data: { value: type, flag: 'mount type', expected: MOUNT_TYPES.map((x) => '`' + x + '`').join(', ') },
        });
    }
  }
  for (const h of ins.heredocs) {
    if (
      h.end >= ins.end &&
      !new RegExp('(^|\\n)\\t*' + h.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\s*$').test(
        ctx.text.slice(h.contentStart, ins.end),
      )
    ) {
      ctx.report({
        start: h.start,
        end: h.start + 2 + h.name.length,
        messageId: 'unterminatedHeredoc',
        data: { name: h.name },
      });
    }
  }
  switch (k) {
    case 'FROM': {
      const a = ins.args;
      if (a.length === 2 || a.length > 3 || (a.length === 3 && a[1].value.toLowerCase() !== 'as'))
        ctx.report({ start: a[1].start, end: a[a.length - 1].end, messageId: 'fromArgs' });
      else if (a.length === 3 && !/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(a[2].value) && !a[2].value.includes('$'))
        ctx.report({ start: a[2].start, end: a[2].end, messageId: 'stageName', data: { name: a[2].value } });
      break;
    }
    case 'EXPOSE':
      for (const a of ins.args) {
        if (a.value.includes('$')) continue;
        if (!/^(\d+)(-\d+)?(\/\w+)?$/.test(a.value) && !/^[\d.:[\]a-fA-F]+:\d+(-\d+)?(\/\w+)?$/.test(a.value))
          ctx.report({ start: a.start, end: a.end, messageId: 'badPort', data: { value: a.value } });
        else {
          const proto = /\/(\w+)$/.exec(a.value)?.[1];
          if (proto && !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase()))
            ctx.report({ start: a.start, end: a.end, messageId: 'badPort', data: { value: a.value } });
        }
      }
      break;
    case 'STOPSIGNAL': {
      const a = ins.args[0];
      if (
        a &&
        !a.value.includes('$') &&
        !/^\d+$/.test(a.value) &&
        !SIGNALS.includes(a.value.toUpperCase()) &&
        !SIGNALS.includes('SIG' + a.value.toUpperCase()) &&
        !/^SIGRTM(IN|AX)[+-]\d+$/i.test(a.value)
      )
        ctx.report({ start: a.start, end: a.end, messageId: 'badSignal', data: { value: a.value } });
      break;
    }
    case 'HEALTHCHECK': {
      const sub = ins.args[0];
      if (!sub) break;
      const s = sub.value.toUpperCase();
      if (s === 'NONE') {
        if (ins.args.length > 1 || ins.flags.length)
          ctx.report({ start: sub.start, end: ins.end, messageId: 'healthNoneArgs' });
      } else if (s !== 'CMD' || ins.args.length < 2)
        ctx.report({ start: sub.start, end: sub.end, messageId: 'healthcheck' });
      break;
    }
    case 'SHELL':
      if (!ins.json) ctx.report({ start: ins.bodyStart, end: ins.end, messageId: 'shellJson' });
      break;
    case 'COPY':
    case 'ADD':
      if (ins.heredocs.length === 0 && (ins.json ? (ins.jsonArgs?.length ?? 0) : ins.args.length) < 2)
        ctx.report({
          start: ins.keywordStart,
          end: ins.end,
          messageId: 'missingArgs',
          data: { keyword: k, what: 'a source and a destination' },
        });
      break;
    case 'ENV':
      for (const e of defs.get(ins) ?? [])
        if (e.value === null)
          ctx.report({ start: e.nameStart, end: e.nameEnd, messageId: 'envValue', data: { name: e.name } });
      break;
    case 'ARG':
      for (const a of defs.get(ins) ?? [])
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(a.name))
          ctx.report({ start: a.nameStart, end: a.nameEnd, messageId: 'argName', data: { name: a.name } });
      break;
  }
}

const WHAT: Record<string, string> = {
  FROM: 'an image',
  COPY: 'a source and a destination',
  ADD: 'a source and a destination',
  RUN: 'a command',
  CMD: 'a command',
  ENTRYPOINT: 'a command',
  ENV: 'a name and a value',
  ARG: 'a name',
  EXPOSE: 'a port',
  LABEL: 'a key and a value',
  USER: 'a user',
  WORKDIR: 'a path',
  VOLUME: 'a path',
  STOPSIGNAL: 'a signal',
  SHELL: 'a JSON array',
  HEALTHCHECK: '`CMD <command>` or `NONE`',
  MAINTAINER: 'a name',
};
