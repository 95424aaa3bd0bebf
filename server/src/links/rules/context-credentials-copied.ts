import { posix } from 'node:path';
import { defineRule } from '../../engine/define';
import type { Fix, WorkspaceIndex } from '../../engine/types';
import { builtStage, stageChain, type CopySourceFacts, type DockerfileFacts } from '../../languages/dockerfile/facts';
import { isExcluded } from '../../languages/dockerignore/facts';
import { CREDENTIAL_FILES_IN_CONTEXT, credentialFile, registryConfigHasToken } from '../../text/container-security';
import { composeBuildsOf, workflowBuildsOf } from '../builds';
import { ignoreInForce } from '../context';
import { own, type LinkContext } from '../facts';
import { trimEndChar } from '../../text/trim';

/** A build of this Dockerfile: its context folder and the stage it builds (undefined: the last one). */
interface Build {
  context: string;
  target?: string;
}

/**
 * The builds to check: those the workspace's compose files and workflows describe (literal contexts and targets), or,
 * when none does, a build in the Dockerfile's own folder (what `docker build .` beside it does).
 */
function buildsOf(ctx: LinkContext): Build[] {
  const known = [
    ...composeBuildsOf(ctx, ctx.path).map((b) => ({ context: b.build.contextPath, target: b.build.target })),
    ...workflowBuildsOf(ctx, ctx.path).map((b) => ({ context: b.build.contextPath, target: b.build.target?.value })),
  ];
  if (!known.length) return [{ context: posix.dirname(ctx.path) }];
  const out: Build[] = [];
  for (const b of known) {
    const context = b.context;
    if (!context || context.includes('$') || (b.target ?? '').includes('$')) continue;
    if (!out.some((o) => o.context === context && o.target === b.target)) out.push({ context, target: b.target });
  }
  return out;
}

/**
 * The context folder a COPY source names, relative to the context root ('' for the root itself), when it reads as a
 * folder: `.`, `./`, `src/`, or a name without an extension (`app`, `config`). Undefined for files and for paths
 * that leave the context.
 */
function folderSource(value: string): string | undefined {
  let v = value.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const folder = v.endsWith('/') || v === '.' || v === '';
  v = trimEndChar(v, '/');
  if (v === '.') v = '';
  if (v.split('/').some((s) => s === '..')) return undefined;
  if (!folder && v.slice(v.lastIndexOf('/') + 1).includes('.')) return undefined;
  return v;
}

/** The credential files that sit in the context under `folder` and that the ignore file in force lets through. */
function credentialsLetIn(
  ws: WorkspaceIndex,
  context: string,
  folder: string,
  ignore: ReturnType<typeof ignoreInForce>,
) {
  const out: { rel: string; what: string }[] = [];
  for (const name of CREDENTIAL_FILES_IN_CONTEXT) {
    const rel = folder ? `${folder}/${name}` : name;
    const file = posix.join(context, rel);
    if (!ws.exists(file)) continue;
    if (ignore && isExcluded(ignore.facts, rel).excluded) continue;
    const what = credentialFile(rel);
    if (!what) continue;
    // a registry config without a token in it is harmless (DF307 judges the same)
    if (what === 'a package registry token') {
      const text = ws.readText(file);
      if (text !== undefined && !registryConfigHasToken(text)) continue;
    }
    out.push({ rel, what });
  }
  return out;
}

/** Appends the paths to the ignore file in force, or creates `<context>/.dockerignore` with them. */
function ignoreFix(ws: WorkspaceIndex, context: string, ignorePath: string | undefined, rels: string[]): Fix {
  const lines = rels.join('\n') + '\n';
  if (ignorePath) {
    const text = ws.readText(ignorePath) ?? '';
    const sep = text === '' || text.endsWith('\n') ? '' : '\n';
    return {
      title: `Exclude ${rels.join(', ')} in ${posix.basename(ignorePath)}`,
      safe: false,
      edits: [],
      otherFiles: [{ path: ignorePath, edits: [{ start: text.length, end: text.length, newText: sep + lines }] }],
    };
  }
  return {
    title: `Create a .dockerignore that excludes ${rels.join(', ')}`,
    safe: false,
    edits: [],
    otherFiles: [
      { path: posix.join(context, '.dockerignore'), create: true, edits: [{ start: 0, end: 0, newText: lines }] },
    ],
  };
}

export const rule = defineRule<unknown>({
  meta: {
    kinds: ['dockerfile'],
    code: 'XF050',
    id: 'context-credentials-copied',
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: 'suggestion',
    description:
      'A COPY of a folder takes a credential file (`.env`, a private key, `.npmrc` with a token) that is in the ' +
      'build context and not excluded by a .dockerignore.',
    messages: {
      letIn:
        '{{files}} {{are}} in the build context{{folder}} and {{ignore}}: this {{keyword}} puts {{them}} in the ' +
        'image, where anyone who pulls it can read {{them}}.',
    },
    docs: {
      rationale:
        '`COPY . .` copies every file of the build context that the `.dockerignore` lets through, whatever its ' +
        "name: an `.env` with production passwords, a developer's `id_rsa`, an `.npmrc` with a publish token, " +
        '`.aws/credentials`. DF307 reports a COPY that names such a file; this rule reports the COPY of a folder ' +
        '(`.`, `./`, `src/`, `app`) when such a file really is in that folder of the context (the workspace is ' +
        'asked whether it exists, for a fixed list of usual names: `.env`, `.env.local`, `.env.production`, ' +
        '`.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`, `.aws/credentials`, `.docker/config.json`, `id_rsa`, ' +
        '`id_ed25519`, `key.pem`, `private.key`, `credentials.json`, `service-account.json`, `kubeconfig`…) and ' +
        "the ignore file in force (`<Dockerfile>.dockerignore`, else the context's `.dockerignore`, or none) does " +
        'not exclude it. An `.npmrc` or `.pypirc` without a token is not reported. The context is the one the ' +
        "workspace's compose services and workflows build this Dockerfile with, else the Dockerfile's folder; " +
        'only COPY/ADD in the stage that is built and the stages it builds on (`FROM builder`) count, since the ' +
        'layers of other stages are not in the image. The fix, a suggestion, adds the files to the ignore file ' +
        '(or creates one): check first that the build does not read them (a build step that needs a token should ' +
        'take it with `RUN --mount=type=secret`).',
      attack:
        'Anyone who can pull the image (a public registry, a leaked registry token, every developer and runner ' +
        'with access) unpacks the layer and reads the file: database passwords, cloud keys, publish tokens, SSH ' +
        'access to your servers and repositories.',
      incorrect: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]',
      correct: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json server.js ./\nCMD ["node", "server.js"]',
      files: { '.env': 'DATABASE_URL=postgres://app:s3cret@db/app\n' },
      peers: [
        'none across files: checkov, trivy, KICS and hadolint read the Dockerfile alone (trivy finds secrets in ' +
          'built images, after the fact); Shipshape DF307 (a COPY naming a credential file), DF105 (`COPY .` ' +
          'without a .dockerignore, info)',
      ],
    },
  },
  check(ctx) {
    const df = own<DockerfileFacts>(ctx);
    if (!df?.copySources.length) return;
    const done = new Set<number>();
    for (const build of buildsOf(ctx)) {
      const stage = builtStage(df, build.target);
      if (!stage) continue;
      const chain = stageChain(df, stage);
      const inChain = (s: CopySourceFacts) => chain.some((c) => s.start >= c.start && s.end <= c.end);
      const ignore = ignoreInForce(ctx.workspace, build.context, ctx.path);
      for (const src of df.copySources) {
        if (done.has(src.start) || !inChain(src)) continue;
        const folder = folderSource(src.value);
        if (folder === undefined || credentialFile(src.value)) continue;
        const found = credentialsLetIn(ctx.workspace, build.context, folder, ignore);
        if (!found.length) continue;
        done.add(src.start);
        const rels = found.map((f) => f.rel);
        const shown = rels.slice(0, 3).map((r) => `\`${r}\``);
        const files = (rels.length > 3 ? [...shown, `${rels.length - 3} more`] : shown).join(', ');
        const many = rels.length > 1;
        ctx.report({
          start: src.start,
          end: src.end,
          messageId: 'letIn',
          data: {
            files: `${files} (${[...new Set(found.map((f) => f.what))].join(', ')})`,
            are: many ? 'are' : 'is',
            them: many ? 'them' : 'it',
            folder: build.context === posix.dirname(ctx.path) ? '' : ` (${build.context})`,
            ignore: ignore
              ? `${posix.basename(ignore.path)} does not exclude ${many ? 'them' : 'it'}`
              : 'there is no .dockerignore',
            keyword: src.keyword,
          },
          fix: ignoreFix(ctx.workspace, build.context, ignore?.path, rels),
        });
      }
    }
  },
});
