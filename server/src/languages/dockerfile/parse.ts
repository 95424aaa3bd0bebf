/**
 * The Dockerfile model: dockerfile-ast's tree (`ast`) plus what rules and other languages need
 * with plain offsets: instructions with flags and arguments, stages, ARG/ENV definitions, EXPOSEd
 * ports, the final stage's base image and USER, and a shell view of every RUN.
 *
 * Stable shape (other languages read it through `ParsedFile.model`): `stages[]` (name, offsets,
 * image), `exposedPorts[]`, `globalArgs[]`/`args[]`, `finalStage`, `baseImage`, `user`, `ast`.
 * Fields may be added; existing ones keep their meaning.
 */
import { DockerfileParser, Dockerfile, Argument as AstArgument, Instruction as AstInstruction, Onbuild as AstOnbuild, Arg as AstArg, Env as AstEnv } from 'dockerfile-ast';
import type { ParseProblem } from '../../engine/types';
import { LineIndex } from '../../text/lines';
import { parseShell, parseLogical, ShellCommand, ShellWord, logicalText } from './shell';

export interface Span { start: number; end: number }

export interface DockerFlag extends Span {
  /** Without the `--`. */
  name: string;
  value: string | null;
  nameStart: number;
  nameEnd: number;
  valueStart?: number;
  valueEnd?: number;
}

export interface DockerWord extends Span { value: string }

export interface Heredoc extends Span { name: string; contentStart: number; contentEnd: number }

export interface DockerInstruction extends Span {
  /** Upper-cased keyword, e.g. `RUN`. */
  keyword: string;
  /** As written, e.g. `run`. */
  written: string;
  keywordStart: number;
  keywordEnd: number;
  /** Offsets of everything after the keyword (flags included); equal when there is nothing. */
  argsStart: number;
  argsEnd: number;
  /** Offset where the arguments after the flags begin. */
  bodyStart: number;
  flags: DockerFlag[];
  /** dockerfile-ast's arguments (whitespace-separated, flags excluded). */
  args: DockerWord[];
  /** Exec (JSON array) form, with its strings when it parses. */
  json: boolean;
  jsonArgs?: DockerWord[];
  /** Index of the stage it belongs to; -1 before the first FROM. */
  stage: number;
  heredocs: Heredoc[];
  /** RUN (shell or exec form): the commands. */
  commands?: ShellCommand[];
  /** ONBUILD: the trigger instruction. */
  trigger?: DockerInstruction;
  node: AstInstruction;
}

export interface VarDef {
  name: string;
  value: string | null;
  nameStart: number;
  nameEnd: number;
  instruction: DockerInstruction;
  stage: number;
}

export interface Stage extends Span {
  index: number;
  /** The `AS name` alias (as written), if any. */
  name?: string;
  nameStart?: number;
  nameEnd?: number;
  from: DockerInstruction;
  /** The image reference as written (`node:20-alpine`), null when missing; `imageName` is it without tag and digest. */
  image: string | null;
  imageStart: number;
  imageEnd: number;
  imageName: string | null;
  tag: string | null;
  digest: string | null;
  platform?: DockerFlag;
  /** Index of an earlier stage this one builds on (`FROM builder`), if any. */
  parentStage?: number;
  instructions: DockerInstruction[];
}

export interface ExposedPort extends Span { value: string; port?: number; endPort?: number; protocol?: string; stage: number }

export interface Directive extends Span { name: string; value: string; nameStart: number; nameEnd: number; valueStart: number; valueEnd: number }

export interface DockerfileModel {
  ast: Dockerfile;
  text: string;
  escape: string;
  directives: Directive[];
  instructions: DockerInstruction[];
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: VarDef[];
  /** Every ARG (global ones included). */
  args: VarDef[];
  envs: VarDef[];
  exposedPorts: ExposedPort[];
  finalStage?: Stage;
  /** The final stage's image reference. */
  baseImage?: string;
  /** The last USER of the final stage (undefined when none). */
  user?: string;
  comments: (Span & { content: string })[];
  problems: ParseProblem[];
  /** Every RUN command (ONBUILD triggers included) by command base name, in text order. */
  commandsByName: Map<string, { ins: DockerInstruction; cmd: ShellCommand; index: number }[]>;
}

/** Instructions whose leading `--name[=value]` words are flags. */
const FLAGGED = new Set(['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK']);
const JSON_FORMS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

export function parseDockerfile(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  const off = (p: { line: number; character: number }) => lines.offset(p);
  let ast: Dockerfile;
  const problems: ParseProblem[] = [];
  try {
    ast = DockerfileParser.parse(text);
  } catch (e) {
    ast = DockerfileParser.parse('');
    problems.push({ start: 0, end: Math.min(text.length, 1), message: `The Dockerfile could not be parsed: ${(e as Error).message}` });
  }
  const escape = safe(() => ast.getEscapeCharacter(), '\\');
  const model: DockerfileModel = {
    ast, text, escape, directives: [], instructions: [], stages: [], globalArgs: [], args: [], envs: [],
    exposedPorts: [], comments: [], problems, commandsByName: new Map(),
  };
  for (const d of safe(() => ast.getDirectives(), [])) {
    const r = d.getRange(), nr = d.getNameRange(), vr = d.getValueRange();
    model.directives.push({ name: d.getName(), value: d.getValue(), start: off(r.start), end: off(r.end), nameStart: off(nr.start), nameEnd: off(nr.end), valueStart: off(vr.start), valueEnd: off(vr.end) });
  }
  for (const c of safe(() => ast.getComments(), [])) {
    const r = c.getRange();
    model.comments.push({ start: off(r.start), end: off(r.end), content: c.getContent() });
  }
  let stageIndex = -1;
  for (const node of safe(() => ast.getInstructions(), [])) {
    const ins = toInstruction(node, text, lines, escape, stageIndex);
    if (ins.keyword === 'FROM') {
      stageIndex++;
      ins.stage = stageIndex;
      model.stages.push(toStage(ins, stageIndex, model.stages));
    }
    if (stageIndex >= 0) model.stages[stageIndex].instructions.push(ins);
    model.instructions.push(ins);
    if (ins.keyword === 'ARG') {
      for (const p of safe(() => ((node as AstArg).getProperty ? [(node as AstArg).getProperty()] : []), [] as any[])) {
        if (!p) continue;
        const nr = p.getNameRange();
        const def: VarDef = { name: p.getName(), value: p.getValue(), nameStart: off(nr.start), nameEnd: off(nr.end), instruction: ins, stage: stageIndex };
        model.args.push(def);
        if (stageIndex < 0) model.globalArgs.push(def);
      }
    } else if (ins.keyword === 'ENV') {
      for (const p of safe(() => ((node as AstEnv).getProperties ? (node as AstEnv).getProperties() : []), [] as any[])) {
        const nr = p.getNameRange();
        model.envs.push({ name: p.getName(), value: p.getValue(), nameStart: off(nr.start), nameEnd: off(nr.end), instruction: ins, stage: stageIndex });
      }
    } else if (ins.keyword === 'EXPOSE') {
      for (const a of ins.args) model.exposedPorts.push({ ...parsePort(a.value), start: a.start, end: a.end, stage: stageIndex });
    }
  }
  for (const s of model.stages) {
    const last = s.instructions[s.instructions.length - 1];
    s.end = last ? last.end : s.from.end;
  }
  for (const x of runCommandsOf(model.instructions)) {
    const list = model.commandsByName.get(x.cmd.name);
    if (list) list.push(x); else model.commandsByName.set(x.cmd.name, [x]);
  }
  model.finalStage = model.stages[model.stages.length - 1];
  if (model.finalStage) {
    model.baseImage = model.finalStage.image ?? undefined;
    const users = model.finalStage.instructions.filter((i) => i.keyword === 'USER');
    const lastUser = users[users.length - 1];
    if (lastUser) model.user = lastUser.args.map((a) => a.value).join(' ');
  }
  return model;
}

function safe<T>(f: () => T, fallback: T): T {
  try { return f(); } catch { return fallback; }
}

export function parsePort(value: string): { value: string; port?: number; endPort?: number; protocol?: string } {
  const m = /^(?:(\d+)(?:-(\d+))?)(?:\/(\w+))?$/.exec(value);
  if (!m) return { value };
  return { value, port: Number(m[1]), endPort: m[2] ? Number(m[2]) : undefined, protocol: m[3] };
}

/**
 * dockerfile-ast re-tokenizes an instruction on every `getArguments()` call, and most of its
 * accessors (flags, FROM parts, properties, variables) call it again: that was two thirds of the
 * parse time. The tree never changes after parsing, so each node keeps its first answer.
 */
function memoizeArguments(node: AstInstruction): void {
  const n = node as unknown as { getRawArguments?: () => AstArgument[] };
  const f = n.getRawArguments;
  if (typeof f !== 'function' || Object.prototype.hasOwnProperty.call(n, 'getRawArguments')) return;
  let cached: AstArgument[] | undefined;
  n.getRawArguments = function (this: unknown) {
    cached ??= f.call(this);
    // fresh objects each time: callers shift() the array and move the ranges (FROM's getImageNameRange)
    return cached.map((x) => { const r = x.getRange(); return new AstArgument(x.getValue(), { start: { ...r.start }, end: { ...r.end } }); });
  };
}

function toInstruction(node: AstInstruction, text: string, lines: LineIndex, escape: string, stage: number): DockerInstruction {
  memoizeArguments(node);
  const off = (p: { line: number; character: number }) => lines.offset(p);
  const r = node.getRange();
  const kr = node.getInstructionRange();
  const start = off(r.start), end = off(r.end);
  const keywordStart = off(kr.start), keywordEnd = off(kr.end);
  const written = node.getInstruction();
  const keyword = written.toUpperCase();
  // Flags and arguments from the raw arguments (one tokenization), not dockerfile-ast's getFlags/
  // getArguments, which re-tokenize and convert every range through the TextDocument.
  const raw = safe(() => ((node as any).getRawArguments ? (node as any).getRawArguments() : node.getArguments()) as AstArgument[], []);
  const words: DockerWord[] = raw.map((a) => { const r = a.getRange(); return { value: a.getValue(), start: off(r.start), end: off(r.end) }; });
  const flags: DockerFlag[] = [];
  let k = 0;
  if (FLAGGED.has(keyword)) {
    for (; k < words.length && words[k].value.startsWith('--'); k++) {
      const w = words[k];
      const eq = w.value.indexOf('=');
      const name = w.value.slice(2, eq < 0 ? undefined : eq);
      const nameStart = w.start + 2, nameEnd = nameStart + name.length;
      flags.push({ name, value: eq < 0 ? null : w.value.slice(eq + 1), start: w.start, end: w.end, nameStart, nameEnd, valueStart: eq < 0 ? undefined : nameEnd + 1, valueEnd: eq < 0 ? undefined : w.end });
    }
  }
  const args: DockerWord[] = words.slice(k);
  const argsStart = keywordEnd;
  const argsEnd = end;
  let bodyStart = flags.length ? flags[flags.length - 1].end : keywordEnd;
  while (bodyStart < end && /[ \t]/.test(text[bodyStart])) bodyStart++;
  // a continuation right after the keyword or the flags
  if (args.length) bodyStart = Math.min(Math.max(bodyStart, args[0].start), args[0].start);
  const heredocs: Heredoc[] = [];
  const getHeredocs = (node as any).getHeredocs;
  // getHeredocs re-reads the instruction: ask only when there can be one
  if (typeof getHeredocs === 'function' && text.slice(start, end).includes('<<')) {
    for (const h of safe(() => getHeredocs.call(node) as any[], [])) {
      const sr = h.getStartRange();
      const cr = h.getContentRange();
      const dr = h.getDelimiterRange();
      const hs = off(sr.start);
      heredocs.push({
        name: h.getName(), start: hs, end: dr ? off(dr.end) : end,
        contentStart: cr ? off(cr.start) : (dr ? off(dr.start) : end), contentEnd: cr ? off(cr.end) : (dr ? off(dr.start) : end),
      });
    }
  }
  const ins: DockerInstruction = {
    keyword, written, start, end, keywordStart, keywordEnd, argsStart, argsEnd, bodyStart, flags, args,
    json: false, stage, heredocs, node,
  };
  if (JSON_FORMS.has(keyword) && text[bodyStart] === '[') {
    const jsonArgs = readJsonArray(text, bodyStart, end, escape);
    if (jsonArgs) { ins.json = true; ins.jsonArgs = jsonArgs; }
  }
  if (keyword === 'RUN') ins.commands = runCommands(ins, text, escape);
  if (keyword === 'ONBUILD') {
    const trig = safe(() => (node as AstOnbuild).getTriggerInstruction(), null);
    if (trig) ins.trigger = toInstruction(trig, text, lines, escape, stage);
  }
  return ins;
}

/** Reads `["a", "b"]` with the offsets of each string; undefined when it is not a JSON string array. */
export function readJsonArray(text: string, start: number, end: number, escape: string): DockerWord[] | undefined {
  const { chars, offsets } = logicalText(text, start, end, escape);
  let parsed: unknown;
  try { parsed = JSON.parse(chars); } catch { return undefined; }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
  const out: DockerWord[] = [];
  let i = 0;
  for (const value of parsed as string[]) {
    i = chars.indexOf('"', i);
    let j = i + 1;
    while (j < chars.length && chars[j] !== '"') j += chars[j] === '\\' ? 2 : 1;
    out.push({ value, start: offsets[i], end: offsets[j] + 1 });
    i = j + 1;
  }
  return out;
}

const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/dash', '/bin/zsh', '/usr/bin/env']);

function runCommands(ins: DockerInstruction, text: string, escape: string): ShellCommand[] {
  if (ins.json && ins.jsonArgs) {
    const words: ShellWord[] = ins.jsonArgs.map((w) => ({ value: w.value, start: w.start, end: w.end, quoted: true }));
    if (words.length === 0) return [];
    // ["sh", "-c", "script"]: read the script
    if (SHELL_NAMES.has(words[0].value) && words[1]?.value === '-c' && words[2]) {
      const w = words[2];
      const offsets: number[] = [];
      for (let k = 0; k <= w.value.length; k++) offsets.push(w.end - w.start === w.value.length + 2 ? w.start + 1 + k : w.start);
      return parseLogical(w.value, offsets);
    }
    return [{ words, argv: words, name: words[0].value, start: words[0].start, end: words[words.length - 1].end, before: null, after: null, redirects: [] }];
  }
  if (ins.heredocs.length === 0) return parseShell(text, ins.bodyStart, ins.end, { escape }).commands;
  // With here-documents: the line that opens them, then each body that is a shell script.
  let lineEnd = text.indexOf('\n', ins.bodyStart);
  if (lineEnd < 0 || lineEnd > ins.end) lineEnd = ins.end;
  const head = parseShell(text, ins.bodyStart, lineEnd, { escape }).commands;
  const out: ShellCommand[] = [];
  let bodyIsScript = false;
  for (const c of head) {
    if (c.argv.length === 0 && c.redirects.some((r) => r.op.startsWith('<<'))) { bodyIsScript = true; continue; }
    if (SHELL_NAMES.has(c.name) && c.redirects.some((r) => r.op.startsWith('<<')) && !c.argv.some((w) => w.value === '-c')) bodyIsScript = true;
    out.push(c);
  }
  if (bodyIsScript) {
    for (const h of ins.heredocs) out.push(...parseShell(text, h.contentStart, h.contentEnd, { escape: '\\' }).commands);
  }
  return out;
}

/** Splits an image reference into name, tag and digest (colons inside `${...}` do not count). */
export function splitImage(ref: string): { name: string; tag: string | null; digest: string | null } {
  const masked = ref.replace(/\$\{[^}]*\}/g, (m) => 'x'.repeat(m.length));
  const at = masked.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : null;
  const body = at >= 0 ? masked.slice(0, at) : masked;
  const colon = body.lastIndexOf(':');
  const slash = body.lastIndexOf('/');
  const tag = colon > slash ? ref.slice(colon + 1, at >= 0 ? at : undefined) : null;
  const nameEnd = colon > slash ? colon : (at >= 0 ? at : ref.length);
  return { name: ref.slice(0, nameEnd), tag, digest };
}

function toStage(ins: DockerInstruction, index: number, previous: Stage[]): Stage {
  // From our own arguments: dockerfile-ast's FROM accessors re-read the arguments on every call.
  const a = ins.args;
  const platform = ins.flags.find((f) => f.name === 'platform');
  const img = a[0];
  const parts = img ? splitImage(img.value) : undefined;
  const stage: Stage = {
    index, from: ins, start: ins.start, end: ins.end,
    image: img ? img.value : null, imageStart: img ? img.start : ins.keywordEnd, imageEnd: img ? img.end : ins.keywordEnd,
    imageName: parts ? parts.name : null, tag: parts ? parts.tag : null, digest: parts ? parts.digest : null,
    platform, instructions: [],
  };
  if (a.length >= 3 && a[1].value.toUpperCase() === 'AS') { stage.name = a[2].value; stage.nameStart = a[2].start; stage.nameEnd = a[2].end; }
  const image = stage.image;
  if (image) {
    const parent = previous.find((s) => s.name !== undefined && s.name.toLowerCase() === image.toLowerCase());
    if (parent) stage.parentStage = parent.index;
  }
  return stage;
}

/** The stage with that name (case-insensitive, as BuildKit matches them). */
export function findStage(model: DockerfileModel, name: string): Stage | undefined {
  const n = name.toLowerCase();
  return model.stages.find((s) => s.name?.toLowerCase() === n);
}

/** The instruction at an offset. */
export function instructionAt(model: DockerfileModel, offset: number): DockerInstruction | undefined {
  return model.instructions.find((i) => offset >= i.start && offset <= i.end);
}

/** The commands of every RUN of an instruction list, with their instruction. */
export function* runCommandsOf(instructions: DockerInstruction[]): Generator<{ ins: DockerInstruction; cmd: ShellCommand; index: number }> {
  for (const ins of instructions) {
    const target = ins.keyword === 'ONBUILD' && ins.trigger ? ins.trigger : ins;
    if (target.keyword !== 'RUN' || !target.commands) continue;
    let k = 0;
    for (const cmd of target.commands) yield { ins: target, cmd, index: k++ };
  }
}
