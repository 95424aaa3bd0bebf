import { defineRule } from '../../../engine/define';
import { isMap, isScalar, isSeq } from 'yaml';
import type { ComposeModel } from '../parse';
import { resolveFrom } from '../refs';
import { entry, items, nodeEnd, nodeStart, str, type YNode } from '../../../yaml/view';

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP036',
    id: 'referenced-file-missing',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: false,
    description: 'A file named by `include`, `env_file`, `label_file` or a secret/config `file:` does not exist.',
    messages: { missing: '{{what}} "{{file}}" does not exist.' },
    docs: {
      severity:
        'A likely bug: Compose fails on a missing file, but the workspace may not hold every file (some are ' +
        'created before `up`).',
      rationale:
        'Compose stops when an included compose file or an `env_file` is ' +
        'missing ("env file not found"), and a secret or config whose `file` is missing fails at ' +
        '`up`. Paths are relative to the compose file. An `env_file` entry with `required: false` ' +
        'may be absent. A warning, since such files are often created per machine (and kept out of ' +
        'git).',
      incorrect: 'services:\n  web:\n    image: nginx:1.27\n    env_file: ./web.env\n',
      correct:
        'services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - path: ./web.env\n        required: false\n',
      peers: ['docker compose config (env file not found)'],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const checkPath = (node: YNode | null | undefined, what: string) => {
      const file = str(node);
      if (!node || !file || file.includes('$') || /^[a-z]+:\/\//i.test(file)) return;
      const full = resolveFrom(ctx.path, file);
      ctx.workspace.dependOn?.(ctx.path, full);
      if (!ctx.workspace.exists(full))
        ctx.report({ start: nodeStart(node), end: nodeEnd(node), messageId: 'missing', data: { what, file } });
    };
    const stringOrList = (node: YNode | null | undefined, what: string) => {
      if (node && isScalar(node)) checkPath(node, what);
      else for (const i of items(node, doc)) checkPath(i, what);
    };
    for (const inc of items(ctx.model.top.find((e) => e.key === 'include')?.value, doc)) {
      if (isScalar(inc)) checkPath(inc, 'The included file');
      else if (isMap(inc)) stringOrList(entry(inc, doc, 'path')?.value, 'The included file');
    }
    for (const svc of ctx.model.services) {
      const env = svc.get('env_file')?.value;
      if (env && isScalar(env)) checkPath(env, 'The env_file');
      else if (env && isSeq(env)) {
        for (const i of items(env, doc)) {
          if (isScalar(i)) checkPath(i, 'The env_file');
          else if (isMap(i) && str(entry(i, doc, 'required')?.value) !== 'false')
            checkPath(entry(i, doc, 'path')?.value, 'The env_file');
        }
      }
      stringOrList(svc.get('label_file')?.value, 'The label_file');
    }
    for (const section of ['secrets', 'configs'] as const) {
      for (const d of ctx.model.resources[section])
        checkPath(entry(d.value, doc, 'file')?.value, `The ${section.slice(0, -1)} file`);
    }
  },
});
