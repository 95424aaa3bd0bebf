import { posix } from 'node:path';
import { defineRule } from '../../engine/define';
import { builtStage, stageChain, type CredentialCopyFacts } from '../../languages/dockerfile/facts';
import { isLiteral, stepOf, type WorkflowFacts } from '../../languages/workflow/facts';
import { registryConfigHasToken } from '../../text/container-security';
import { relativeTo } from '../../text/paths';
import { dockerfileAt, own } from '../facts';

const WORKFLOW = (file: string) =>
  'on:\n  push:\n    branches: [main]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n' +
  '      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n        with:\n' +
  `          file: ${file}\n          push: true\n          tags: ghcr.io/acme/web:\${{ github.sha }}\n`;

/**
 * XF051: a workflow pushes an image whose Dockerfile copies a credential file in (DF307 in the Dockerfile): reported
 * at the build step, since that is where the file leaves the machine.
 */
export const rule = defineRule<unknown>({
  meta: {
    code: 'XF051',
    id: 'pushed-image-credentials',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 8.1 },
    fixable: false,
    description: 'A workflow pushes an image built from a Dockerfile that copies a private key or credentials file in.',
    messages: {
      pushed:
        'This step pushes an image built from {{dockerfile}}, whose {{keyword}} on line {{line}} puts `{{src}}` ' +
        '({{what}}) in it: anyone who can pull the image can read it.{{more}}',
    },
    docs: {
      rationale:
        'DF307 reports a COPY or ADD of a private key, an `.env`, a token file or cloud credentials in the ' +
        'Dockerfile; on a developer machine the image may never leave it. A workflow that pushes the image ' +
        '(`docker/build-push-action` with `push: true` or an expression, `outputs: type=registry`, `docker ' +
        'build --push`, or a later `docker push` of its tag in the same job) publishes the layer holding the file ' +
        'to the registry, for everyone who can pull. Reported at the build step of the workflow, naming the ' +
        'Dockerfile line, when the COPY is in the stage built (its `target`, else the last) or one it builds on; ' +
        'an `.npmrc`/`.pypirc` in the build context without a token is not reported. Fix the Dockerfile: give ' +
        "the build the secret with `RUN --mount=type=secret` (the action's `secrets:` input) and the container " +
        'its credentials at run time.',
      attack:
        'Anyone with pull access to the registry (the public, for a public image; every holder of a leaked ' +
        'registry token) extracts the layer and reads the key or token: access to the servers, repositories, ' +
        'package registries or cloud account it opens.',
      incorrect: WORKFLOW('docker/web.Dockerfile'),
      correct: WORKFLOW('docker/api.Dockerfile'),
      files: {
        '../../docker/web.Dockerfile':
          'FROM node:22-slim\nWORKDIR /app\nCOPY .env ./\nCOPY . .\nCMD ["node", "server.js"]\n',
        '../../docker/api.Dockerfile': 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      },
      peers: [
        'none across files: checkov, trivy, KICS and zizmor read the workflow or the Dockerfile alone (trivy ' +
          'finds secrets in the pushed image, after the fact); Shipshape DF307 (the COPY, in the Dockerfile)',
      ],
    },
  },
  check(ctx) {
    const wf = own<WorkflowFacts>(ctx);
    if (!wf?.builds.length) return;
    for (const b of wf.builds) {
      if (!b.push || !b.dockerfilePath || (b.target && !isLiteral(b.target))) continue;
      const df = dockerfileAt(ctx.workspace, b.dockerfilePath);
      if (!df?.credentialCopies.length) continue;
      const stage = builtStage(df, b.target?.value);
      if (!stage) continue;
      const chain = stageChain(df, stage);
      const copies = df.credentialCopies.filter(
        (c) =>
          chain.some((s) => c.start >= s.start && c.end <= s.end) && holdsCredential(ctx.workspace, b.contextPath, c),
      );
      if (!copies.length) continue;
      const first = copies[0];
      const step = stepOf(wf, b);
      const at = b.file ?? (b.source === 'action' ? step?.uses : undefined) ?? b.context ?? step?.run ?? step;
      if (!at) continue;
      const name = wf.root ? relativeTo(wf.root, b.dockerfilePath) : b.dockerfilePath;
      ctx.report({
        start: at.start,
        end: at.end,
        messageId: 'pushed',
        data: {
          dockerfile: name,
          keyword: first.keyword,
          line: first.line,
          src: first.value,
          what: first.what,
          more:
            copies.length > 1
              ? ` It copies ${copies.length - 1} more credential file${copies.length > 2 ? 's' : ''} in (see the related locations).`
              : '',
        },
        related: [
          ...copies.map((c) => ({
            path: b.dockerfilePath!,
            start: c.start,
            end: c.end,
            message: `${c.keyword} ${c.value}: ${c.what}`,
          })),
          { path: ctx.path, start: b.push.start, end: b.push.end, message: 'pushed here' },
        ],
      });
    }
  },
});

/** A registry config (`.npmrc`) copied from the context is a credential only when it has a token (as DF307 judges). */
function holdsCredential(
  ws: Parameters<typeof dockerfileAt>[0],
  contextPath: string | undefined,
  c: CredentialCopyFacts,
): boolean {
  if (c.what !== 'a package registry token' || c.glob || !contextPath) return true;
  const text = ws.readText(posix.join(contextPath, c.value));
  return text === undefined || registryConfigHasToken(text);
}
