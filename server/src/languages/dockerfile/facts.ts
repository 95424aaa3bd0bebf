/**
 * What other files may know of a Dockerfile: its stages (name, base image, platform, the stage it builds on), its
 * ARGs, the ports it EXPOSEs, the context files COPY/ADD read, the tools a stage installs, and where stage names are
 * used inside it. Plain data with offsets into the Dockerfile, computed once per parse; the checks across files
 * (`server/src/links/`) read only this.
 */
import type { ParsedFile } from '../../engine/types';
import { neededFiles, type NeededFileFacts } from './needed-files';
import { parseDockerfile, type DockerfileModel, type Stage } from './parse';
import { stageReferences } from './rules/stage-name-casing';
import { credentialCopies } from './security';
import { literalCopySources } from './util';

export interface Span {
  start: number;
  end: number;
}

export interface StageFacts extends Span {
  index: number;
  /** The `AS name` alias as written. */
  name?: string;
  nameSpan?: Span;
  /** The FROM instruction, and its first line as written (for hovers). */
  from: Span;
  fromLine: string;
  /** The image reference as written, null when missing. */
  image: string | null;
  /** `FROM --platform=<value>`: the value as written and the flag's offsets. */
  platform?: Span & { value: string };
  /** Index of the earlier stage this one builds on (`FROM builder`). */
  parent?: number;
  /** Tools a health check may need (`curl`, `wget`, `sh`) that this stage installs or copies in. */
  installs: string[];
}

export interface ArgFacts extends Span {
  name: string;
  /** The default as written, null without one. */
  value: string | null;
  /** The stage it belongs to; -1 before the first FROM. */
  stage: number;
}

export interface ExposeFacts extends Span {
  value: string;
  port?: number;
  endPort?: number;
  protocol?: string;
  stage: number;
}

export interface CopySourceFacts extends Span {
  /** The source as written. */
  value: string;
  keyword: string;
  /** 1-based line, for messages. */
  line: number;
}

export interface CredentialCopyFacts extends CopySourceFacts {
  /** What the file holds, by its name ('an SSH private key', 'environment secrets'…). */
  what: string;
  /** Whether the source has a wildcard (then the file's content is not known). */
  glob: boolean;
}

export interface DockerfileFacts {
  stages: StageFacts[];
  /** The stage `docker build` produces without `--target` (the last one). */
  finalStage?: number;
  args: ArgFacts[];
  exposes: ExposeFacts[];
  /** COPY/ADD sources that are files of the build context (see `literalCopySources`). */
  copySources: CopySourceFacts[];
  /** COPY/ADD sources whose name says they hold a credential (DF307's findings, before it reads `.npmrc`s). */
  credentialCopies: CredentialCopyFacts[];
  /** Where a stage name is used inside the Dockerfile (`FROM <stage>`, `COPY --from=<stage>`, mounts), by stage. */
  stageRefs: Map<number, Span[]>;
  /** Whether some stage sets a HEALTHCHECK (other than NONE). */
  hasHealthcheck: boolean;
  /** Lock and requirements files RUNs need that only a COPY of a folder or a wildcard brings (`needed-files.ts`). */
  neededFiles: NeededFileFacts[];
}

const PACKAGE_MANAGER = /\b(apk|apt-get|apt|dnf|yum|microdnf|zypper|tdnf)\b/;
const INSTALL_WORD = /\b(add|install|in)\b/g;

/**
 * Whether a package manager is named with an install word after it. (Two scans, not one regex with `[\s\S]*` between
 * them: that one went to the end of the text and back from every package manager named, quadratic in a long RUN.)
 */
function installs(text: string): boolean {
  const pm = PACKAGE_MANAGER.exec(text);
  if (!pm) return false;
  INSTALL_WORD.lastIndex = pm.index + pm[0].length;
  return INSTALL_WORD.test(text);
}
const TOOLS: [string, RegExp][] = ['curl', 'wget', 'sh'].map((t) => [t, new RegExp(`(^|[\\s/="'])${t}([\\s"'=<>]|$)`)]);

function installsOf(m: DockerfileModel, stage: Stage): string[] {
  const out: string[] = [];
  for (const [tool, word] of TOOLS) {
    for (const ins of stage.instructions) {
      const text = m.text.slice(ins.start, ins.end);
      if (
        (ins.keyword === 'RUN' && installs(text) && word.test(text)) ||
        ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && word.test(text))
      ) {
        out.push(tool);
        break;
      }
    }
  }
  return out;
}

/** A Dockerfile model's facts. */
export function dockerfileFacts(m: DockerfileModel, lineOf: (offset: number) => number): DockerfileFacts {
  const stages: StageFacts[] = m.stages.map((s) => ({
    index: s.index,
    start: s.start,
    end: s.end,
    name: s.name,
    nameSpan: s.nameStart !== undefined ? { start: s.nameStart, end: s.nameEnd! } : undefined,
    from: { start: s.from.start, end: s.from.end },
    fromLine: m.text.slice(s.from.start, s.from.end).split('\n')[0],
    image: s.image,
    platform:
      s.platform && s.platform.value !== null
        ? { value: s.platform.value, start: s.platform.start, end: s.platform.end }
        : undefined,
    parent: s.parentStage,
    installs: installsOf(m, s),
  }));
  const stageRefs = new Map<number, Span[]>();
  for (const s of m.stages) if (s.name) stageRefs.set(s.index, stageReferences(m, s.name));
  const copySources: CopySourceFacts[] = [];
  for (const { ins, word } of literalCopySources(m))
    copySources.push({
      value: word.value,
      start: word.start,
      end: word.end,
      keyword: ins.keyword,
      line: lineOf(word.start) + 1,
    });
  const credentials: CredentialCopyFacts[] = [];
  for (const { ins, word, what } of credentialCopies(m))
    credentials.push({
      value: word.value,
      start: word.start,
      end: word.end,
      keyword: ins.keyword,
      line: lineOf(word.start) + 1,
      what,
      glob: /[*?[]/.test(word.value),
    });
  return {
    stages,
    finalStage: m.finalStage?.index,
    args: m.args.map((a) => ({ name: a.name, value: a.value, start: a.nameStart, end: a.nameEnd, stage: a.stage })),
    exposes: m.exposedPorts.map((p) => ({
      value: p.value,
      port: p.port,
      endPort: p.endPort,
      protocol: p.protocol,
      stage: p.stage,
      start: p.start,
      end: p.end,
    })),
    copySources,
    credentialCopies: credentials,
    stageRefs,
    hasHealthcheck: m.text.split(/\r?\n/).some((l) => /^\s*HEALTHCHECK\s+(?!NONE\b)/i.test(l)),
    neededFiles: neededFiles(m, lineOf),
  };
}

/** The facts of a parsed Dockerfile (the language's `facts` hook). */
export function factsOfFile(file: ParsedFile<DockerfileModel>): DockerfileFacts {
  return dockerfileFacts(file.model, (o) => file.lines.position(o).line);
}

/** The facts of a Dockerfile given as text (compose's `dockerfile_inline`). */
export function factsOfText(text: string): DockerfileFacts {
  const m = parseDockerfile(text);
  return dockerfileFacts(m, (o) => text.slice(0, o).split('\n').length - 1);
}

// --- questions other files ask of a Dockerfile ------------------------------------------------------------------

/** The stage a build produces: the named target (case-insensitive, as BuildKit), else the last one. */
export function builtStage(f: DockerfileFacts, target?: string): StageFacts | undefined {
  if (target === undefined) return f.finalStage === undefined ? undefined : f.stages[f.finalStage];
  const t = target.toLowerCase();
  return f.stages.find((s) => s.name?.toLowerCase() === t);
}

/** A stage and the earlier stages it builds on (`FROM builder`), nearest first. */
export function stageChain(f: DockerfileFacts, stage: StageFacts): StageFacts[] {
  const out: StageFacts[] = [];
  for (
    let s: StageFacts | undefined = stage;
    s && !out.includes(s);
    s = s.parent === undefined ? undefined : f.stages[s.parent]
  )
    out.push(s);
  return out;
}

/** The TCP ports a built stage EXPOSEs (inherited through `FROM <stage>`); ranges expanded up to 64 ports. */
export function exposedPorts(f: DockerfileFacts, stage: StageFacts): { port: number; span: Span }[] {
  const chain = new Set(stageChain(f, stage).map((s) => s.index));
  const out: { port: number; span: Span }[] = [];
  for (const p of f.exposes) {
    if (!chain.has(p.stage) || p.port === undefined || (p.protocol && p.protocol.toLowerCase() !== 'tcp')) continue;
    const last = p.endPort !== undefined && p.endPort - p.port < 64 ? p.endPort : p.port;
    for (let n = p.port; n <= last; n++) out.push({ port: n, span: { start: p.start, end: p.end } });
  }
  return out;
}

/** Whether any EXPOSE in the built chain uses a variable (then the ports are unknown). */
export function exposesDynamic(f: DockerfileFacts, stage: StageFacts): boolean {
  const chain = new Set(stageChain(f, stage).map((s) => s.index));
  return f.exposes.some((p) => chain.has(p.stage) && p.port === undefined);
}

/** The ARG names a Dockerfile declares anywhere (global or in a stage), first declaration first. */
export function declaredArgs(f: DockerfileFacts): string[] {
  return [...new Set(f.args.map((a) => a.name))];
}

/** The external base image a stage finally builds on (through `FROM <stage>`); undefined when it is dynamic. */
export function externalBase(f: DockerfileFacts, stage: StageFacts): string | undefined {
  const chain = stageChain(f, stage);
  const image = chain[chain.length - 1].image;
  return image && !image.includes('$') ? image : undefined;
}

/** Whether the built stage (or one it builds on) installs or copies in `tool` (`curl`, `wget`). */
export function installsTool(f: DockerfileFacts, stage: StageFacts, tool: string): boolean {
  return stageChain(f, stage).some((s) => s.installs.includes(tool));
}

/** Build arguments BuildKit and Docker define themselves: passing them never needs an ARG. */
export const PREDEFINED_BUILD_ARGS = new Set([
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_CACHE_MOUNT_NS',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME',
  'BUILDKIT_SYNTAX',
  'SOURCE_DATE_EPOCH',
  'BUILDKIT_BUILD_NAME',
]);
