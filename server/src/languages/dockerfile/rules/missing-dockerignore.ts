import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { dirname, commandsNamed } from '../util';
import { ignoreFileFor } from '../context';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF105',
    id: 'missing-dockerignore',
    defaultSeverity: 'info',
    description: 'The whole build context is copied but there is no .dockerignore next to the Dockerfile.',
    messages: {
      missing:
        '`{{keyword}} .` copies the whole context and there is no ' +
        '.dockerignore: `.git`, `.env` files and local dependencies go into the image.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Without a .dockerignore, `COPY . .` sends and copies everything: the ' +
        'Git history, `.env` files with credentials, `node_modules` built for another platform. ' +
        'Add a .dockerignore, or copy only what the image needs. The fix creates a .dockerignore ' +
        'beside the Dockerfile with entries fitting what it builds (a suggestion: check nothing ' +
        'the build needs is excluded).',
      incorrect: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .',
      correct: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nCOPY src ./src',
      peers: [],
    },
  },
  check(ctx) {
    const m = ctx.model;
    const copyAll = m.instructions.find(
      (i) =>
        (i.keyword === 'COPY' || i.keyword === 'ADD') &&
        !i.flags.some((f) => f.name === 'from') &&
        (i.json && i.jsonArgs ? i.jsonArgs : i.args).slice(0, -1).some((w) => w.value === '.' || w.value === './'),
    );
    if (!copyAll) return;
    if (ignoreFileFor(ctx.path, ctx.workspace)) return;
    const dir = dirname(ctx.path);
    const copied = m.instructions
      .filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD')
      .flatMap((i) => i.args.slice(0, -1).map((w) => w.value.replace(/^\.\//, '')));
    const entries = [
      '.git',
      '.gitignore',
      '.env',
      '.env.*',
      '*.log',
      '.dockerignore',
      'Dockerfile*',
      'docker-compose*.yml',
      'compose*.yaml',
    ];
    const uses = (names: string[]) =>
      [...commandsNamed(m, names)].length > 0 || m.stages.some((s) => names.some((n) => (s.image ?? '').includes(n)));
    if (uses(['npm', 'yarn', 'pnpm', 'node'])) entries.push('node_modules', 'npm-debug.log*', 'coverage');
    if (uses(['pip', 'pip3', 'python', 'python3', 'poetry']))
      entries.push('__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache');
    if (uses(['go', 'golang'])) entries.push('bin');
    for (const out of ['dist', 'build', 'target'])
      if (!copied.some((c) => c === out || c.startsWith(out + '/'))) entries.push(out);
    const content = entries.filter((e) => !copied.includes(e)).join('\n') + '\n';
    const src = (copyAll.json && copyAll.jsonArgs ? copyAll.jsonArgs : copyAll.args)[0];
    ctx.report({
      start: copyAll.start,
      end: copyAll.end,
      messageId: 'missing',
      data: { keyword: copyAll.keyword },
      fix: {
        title: 'Create a .dockerignore',
        safe: false,
        edits: [],
        otherFiles: [{ path: dir + '/.dockerignore', create: true, edits: [{ start: 0, end: 0, newText: content }] }],
      },
    });
    void src;
  },
});
