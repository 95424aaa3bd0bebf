import { defineRule } from '../../../engine/define';
import type { DockerfileModel } from '../parse';
import { imageFamily, finalChain } from '../util';

export const rule = defineRule<DockerfileModel>({
  meta: {
    kinds: ['dockerfile'],
    code: 'DF103',
    id: 'missing-user',
    defaultSeverity: 'info',
    description: 'The final stage sets no USER: the container runs as root.',
    messages: {
      missing: 'The final stage sets no USER, so the container runs as root (unless the base image switched already).',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'Practice: many base images run as root by design; an explicit `USER root` at the end is DL3002, a ' +
        'warning.',
      rationale:
        'Running as root inside the container gives a process that breaks out ' +
        'the most power. Only final stages that say what they run (CMD or ENTRYPOINT) are checked: ' +
        'a base image is for others to finish. Create an unprivileged user and switch to it before ' +
        'CMD. The fix matches the base image: `USER node` on official Node images, `addgroup ' +
        '-S`/`adduser -S` on Alpine, `groupadd`/`useradd` on Debian and Ubuntu, the `nonroot` user ' +
        'on distroless (a suggestion: file permissions may need a `--chown`). hadolint DL3002 ' +
        'covers an explicit `USER root`.',
      incorrect: 'FROM node:20-alpine\nCOPY . /app\nCMD ["node", "/app/server.js"]',
      correct: 'FROM node:20-alpine\nCOPY . /app\nUSER node\nCMD ["node", "/app/server.js"]',
      peers: ['hadolint DL3002 (explicit root only)', 'hadolint DL3063 (off by default there)'],
    },
  },
  check(ctx) {
    const m = ctx.model;
    const s = m.finalStage;
    if (!s?.image || s.image.toLowerCase() === 'scratch') return;
    if (finalChain(m).some((st) => st.instructions.some((i) => i.keyword === 'USER'))) return;
    if (/nonroot|rootless/.test(s.image)) return;
    // only an image that says what it runs: a base image without CMD/ENTRYPOINT is for others to finish
    if (!finalChain(m).some((st) => st.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')))
      return;
    const family = imageFamily(m, s);
    const anchor = s.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const at = anchor
      ? anchor.start
      : (() => {
          const last = s.instructions[s.instructions.length - 1];
          return last.end;
        })();
    const nl = anchor ? '' : '\n';
    const root = finalChain(m).slice(-1)[0];
    const isNode = /^(docker\.io\/)?(library\/)?node(:|$)/.test(root.image ?? '');
    let text: string | undefined;
    if (isNode) text = 'USER node\n';
    else if (family === 'alpine') text = 'RUN addgroup -S app && adduser -S -G app app\nUSER app\n';
    else if (family === 'debian')
      text = 'RUN groupadd --system app && useradd --system --gid app --no-log-init app\nUSER app\n';
    else if (family === 'distroless') text = 'USER nonroot:nonroot\n';
    ctx.report({
      start: s.from.keywordStart,
      end: s.from.end,
      messageId: 'missing',
      fix: text
        ? {
            title: 'Run as a non-root user',
            safe: false,
            edits: [{ start: at, end: at, newText: anchor ? text : nl + text.replace(/\n$/, '') }],
          }
        : undefined,
    });
  },
});
