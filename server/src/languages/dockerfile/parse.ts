/**
 * The Dockerfile model: dockerfile-ast's tree (`ast`) plus what rules and other languages need
 * with plain offsets: instructions with flags and arguments, stages, ARG/ENV definitions, EXPOSEd
 * ports, the final stage's base image and USER, and a shell view of every RUN.
 *
 * Stable shape (other languages read it through `ParsedFile.model`): `stages[]` (name, offsets,
 * image), `exposedPorts[]`, `globalArgs[]`/`args[]`, `finalStage`, `baseImage`, `user`, `ast`.
 * Fields may be added; existing ones keep their meaning.
 */
import {
  DockerfileParser,
  type Dockerfile,
  type Instruction as AstInstruction,
  type Onbuild as AstOnbuild,
} from 'dockerfile-ast';
import { scanDockerfile, words as scanWords, type Scan, type ScannedInstruction } from './scan';
import type { ParseProblem } from '../../engine/types';
import { LineIndex } from '../../text/lines';
import { linearOffsets, logicalText, parseLogical, parseShell, type ShellCommand, type ShellWord } from './shell';

export interface Span {
  start: number;
  end: number;
}

export interface DockerFlag extends Span {
  /** Without the `--`. */
  name: string;
  value: string | null;
  nameStart: number;
  nameEnd: number;
  valueStart?: number;
  valueEnd?: number;
}

export interface DockerWord extends Span {
  value: string;
}

export interface Heredoc extends Span {
  name: string;
  contentStart: number;
  contentEnd: number;
}

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
  /** An ONBUILD trigger: the ONBUILD instruction that holds it (it runs in images built on this one). */
  onbuild?: DockerInstruction;
  /** ARG (its first), ENV and LABEL: the `name=value` pairs as dockerfile-ast reads them (computed on first use). */
  readonly properties: DockerProperty[];
  /** `$NAME` / `${NAME...}` references in the arguments and flags (computed on first use). */
  readonly variables: DockerVariable[];
  /** dockerfile-ast's node for this instruction (parsed on first use; map its positions with `offsetOf`). */
  readonly node: AstInstruction;
  /** The document offset of a position in `node`'s ranges. */
  offsetOf(p: { line: number; character: number }): number;
}

export interface DockerProperty {
  name: string;
  /** After quote removal; null when there is none. */
  value: string | null;
  /** `=` or null (the legacy `name value` form). */
  operator: string | null;
  nameStart: number;
  nameEnd: number;
  valueStart?: number;
  valueEnd?: number;
}

export interface DockerVariable extends Span {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** `-`, `+`, `?`, `` (`${A:}`) or null. */
  modifier: string | null;
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

export interface ExposedPort extends Span {
  value: string;
  port?: number;
  endPort?: number;
  protocol?: string;
  stage: number;
}

export interface Directive extends Span {
  name: string;
  value: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface DockerfileModel {
  /** dockerfile-ast's tree of the whole file, parsed on first use (the model does not need it). */
  readonly ast: Dockerfile;
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
  /**
   * Every reference to a stage by its lowercased name (`FROM <stage>`, `--from=<stage>`, `--mount=…,from=<stage>`),
   * found in one pass over the file the first time it is asked for (a scan per stage was quadratic).
   */
  readonly stageReferences: Map<string, Span[]>;
  /** Every RUN command (ONBUILD triggers included) by command base name, in text order. */
  commandsByName: Map<string, { ins: DockerInstruction; cmd: ShellCommand; index: number }[]>;
  /** The first stage of each name, by its lowercased name (BuildKit matches names case-insensitively). */
  stagesByName: Map<string, Stage>;
}

/** Instructions whose leading `--name[=value]` words are flags. */
const FLAGGED = new Set(['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK']);
const JSON_FORMS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME']);

export function parseDockerfile(text: string): DockerfileModel {
  const lines = new LineIndex(text);
  const problems: ParseProblem[] = [];
  let scan: Scan;
  try {
    scan = scanDockerfile(text);
  } catch (e) {
    scan = { escape: '\\', directives: [], comments: [], instructions: [] };
    problems.push({
      start: 0,
      end: Math.min(text.length, 1),
      message: `The Dockerfile could not be parsed: ${(e as Error).message}`,
    });
  }
  const escape = scan.escape;
  let ast: Dockerfile | undefined;
  const model = {
    text,
    escape,
    directives: [],
    instructions: [],
    stages: [],
    globalArgs: [],
    args: [],
    envs: [],
    exposedPorts: [],
    comments: [],
    problems,
    commandsByName: new Map(),
    stagesByName: new Map(),
  } as unknown as DockerfileModel;
  // dockerfile-ast's tree only for the callers that ask for it
  Object.defineProperty(model, 'ast', {
    enumerable: false,
    get: () => (ast ??= safe(() => DockerfileParser.parse(text), DockerfileParser.parse(''))),
  });
  let stageRefs: Map<string, Span[]> | undefined;
  Object.defineProperty(model, 'stageReferences', {
    enumerable: false,
    get: () => (stageRefs ??= indexStageReferences(model)),
  });
  for (const d of scan.directives) {
    model.directives.push({
      name: text.slice(d.nameStart, d.nameEnd),
      value: text.slice(d.valueStart, d.valueEnd),
      start: d.start,
      end: d.end,
      nameStart: d.nameStart,
      nameEnd: d.nameEnd,
      valueStart: d.valueStart,
      valueEnd: d.valueEnd,
    });
  }
  for (const c of scan.comments) {
    model.comments.push({ start: c.start, end: c.end, content: text.slice(c.start + 1, c.end).trim() });
  }
  let stageIndex = -1;
  for (const raw of scan.instructions) {
    const ins = toInstruction(raw, text, lines, escape, stageIndex, null);
    if (ins.keyword === 'FROM') {
      stageIndex++;
      ins.stage = stageIndex;
      const stage = toStage(ins, stageIndex, model.stagesByName);
      model.stages.push(stage);
      const key = stage.name?.toLowerCase();
      if (key !== undefined && !model.stagesByName.has(key)) model.stagesByName.set(key, stage);
    }
    if (stageIndex >= 0) model.stages[stageIndex].instructions.push(ins);
    model.instructions.push(ins);
    if (ins.keyword === 'ARG') {
      const p = ins.properties[0];
      if (p) {
        const def: VarDef = {
          name: p.name,
          value: p.value,
          nameStart: p.nameStart,
          nameEnd: p.nameEnd,
          instruction: ins,
          stage: stageIndex,
        };
        model.args.push(def);
        if (stageIndex < 0) model.globalArgs.push(def);
      }
    } else if (ins.keyword === 'ENV') {
      for (const p of ins.properties)
        model.envs.push({
          name: p.name,
          value: p.value,
          nameStart: p.nameStart,
          nameEnd: p.nameEnd,
          instruction: ins,
          stage: stageIndex,
        });
    } else if (ins.keyword === 'EXPOSE') {
      for (const a of ins.args)
        model.exposedPorts.push(Object.assign(parsePort(a.value), { start: a.start, end: a.end, stage: stageIndex }));
    }
  }
  for (const s of model.stages) {
    const last = s.instructions[s.instructions.length - 1];
    s.end = last ? last.end : s.from.end;
  }
  for (const x of runCommandsOf(model.instructions)) {
    const list = model.commandsByName.get(x.cmd.name);
    if (list) list.push(x);
    else model.commandsByName.set(x.cmd.name, [x]);
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
  try {
    return f();
  } catch {
    return fallback;
  }
}

/**
 * dockerfile-ast's node for one instruction, parsed from that instruction's text alone, at the same
 * column (and under the same escape directive) on the snippet's first line or the one after the
 * directive: its lines are the document's less `lineShift`. (Padding the snippet to the document's
 * line, `'\n'.repeat(line)` per instruction, was quadratic and kept gigabytes: a heap overflow on
 * 30,000 ARG lines.) Only the features that need dockerfile-ast's reading ask for it (ENV/ARG/LABEL
 * properties, variables, here-documents), once per instruction.
 */
function astNodeFor(
  text: string,
  lines: LineIndex,
  escape: string,
  start: number,
  end: number,
): { node: AstInstruction | null; lineShift: number } {
  const pos = lines.position(start);
  const directive = escape !== '\\' && pos.line > 0;
  const snippet = (directive ? '# escape=' + escape + '\n' : '') + ' '.repeat(pos.character) + text.slice(start, end);
  const lineShift = pos.line - (directive ? 1 : 0);
  const node = safe(() => {
    const file = DockerfileParser.parse(snippet);
    // The snippet's tree knows no other instruction: whether a variable is defined is our
    // business, and dockerfile-ast's look-up can recurse without end on odd input.
    (file as any).resolveVariable = () => undefined;
    return standalone(file.getInstructions()[0] ?? null);
  }, null);
  return { node, lineShift };
}

function standalone<T extends AstInstruction | null>(node: T): T {
  if (node) (node as any).isBuildVariable = () => undefined;
  return node;
}

export function parsePort(value: string): { value: string; port?: number; endPort?: number; protocol?: string } {
  const m = /^(?:(\d+)(?:-(\d+))?)(?:\/(\w+))?$/.exec(value);
  if (!m) return { value };
  return { value, port: Number(m[1]), endPort: m[2] ? Number(m[2]) : undefined, protocol: m[3] };
}

function toInstruction(
  raw: ScannedInstruction,
  text: string,
  lines: LineIndex,
  escape: string,
  stage: number,
  parent: DockerInstruction | null,
): DockerInstruction {
  const { start, end, keywordStart, keywordEnd, written } = raw;
  const keyword = written.toUpperCase();
  const words: DockerWord[] = raw.words;
  const flags: DockerFlag[] = [];
  let k = 0;
  if (FLAGGED.has(keyword)) {
    for (; k < words.length && words[k].value.startsWith('--'); k++) {
      const w = words[k];
      const eq = w.value.indexOf('=');
      const name = w.value.slice(2, eq < 0 ? undefined : eq);
      const nameStart = w.start + 2,
        nameEnd = nameStart + name.length;
      flags.push({
        name,
        value: eq < 0 ? null : w.value.slice(eq + 1),
        start: w.start,
        end: w.end,
        nameStart,
        nameEnd,
        valueStart: eq < 0 ? undefined : nameEnd + 1,
        valueEnd: eq < 0 ? undefined : w.end,
      });
    }
  }
  const args: DockerWord[] = k ? words.slice(k) : words;
  let bodyStart = flags.length ? flags[flags.length - 1].end : keywordEnd;
  while (bodyStart < end && (text[bodyStart] === ' ' || text[bodyStart] === '\t')) bodyStart++;
  // a continuation right after the keyword or the flags
  if (args.length) bodyStart = Math.min(Math.max(bodyStart, args[0].start), args[0].start);
  const ins = new Instruction(text, lines, escape, parent, {
    keyword,
    written,
    start,
    end,
    keywordStart,
    keywordEnd,
    argsStart: keywordEnd,
    argsEnd: end,
    bodyStart,
    flags,
    args,
    json: false,
    stage,
    heredocs: [],
  });
  // here-documents from dockerfile-ast (they are rare): only when there can be one
  if (text.slice(keywordEnd, end).includes('<<')) {
    const node = ins.node as any;
    const getHeredocs = node?.getHeredocs;
    if (typeof getHeredocs === 'function') {
      const off = (p: { line: number; character: number }) => ins.offsetOf(p);
      for (const h of safe(() => getHeredocs.call(node) as any[], [])) {
        const sr = h.getStartRange();
        const cr = h.getContentRange();
        const dr = h.getDelimiterRange();
        ins.heredocs.push({
          name: h.getName(),
          start: off(sr.start),
          end: dr ? off(dr.end) : end,
          contentStart: cr ? off(cr.start) : dr ? off(dr.start) : end,
          contentEnd: cr ? off(cr.end) : dr ? off(dr.start) : end,
        });
      }
    }
  }
  if (JSON_FORMS.has(keyword) && text[bodyStart] === '[') {
    const jsonArgs = readJsonArray(text, bodyStart, end, escape);
    if (jsonArgs) {
      ins.json = true;
      ins.jsonArgs = jsonArgs;
    }
  }
  if (keyword === 'RUN') ins.commands = runCommands(ins, text, escape);
  if (keyword === 'ONBUILD' && words.length) {
    const t = words[0];
    const trigger: ScannedInstruction = {
      start: t.start,
      end,
      written: text.slice(t.start, t.end),
      keywordStart: t.start,
      keywordEnd: t.end,
      words: scanWords(text, t.end, end, escape),
    };
    ins.trigger = toInstruction(trigger, text, lines, escape, stage, ins);
    ins.trigger.onbuild = ins;
  }
  return ins;
}

type InstructionFields = Omit<DockerInstruction, 'node' | 'offsetOf' | 'properties' | 'variables'>;

/** An instruction of the model; what needs dockerfile-ast's reading is computed on first use. */
class Instruction implements DockerInstruction {
  keyword!: string;
  written!: string;
  start!: number;
  end!: number;
  keywordStart!: number;
  keywordEnd!: number;
  argsStart!: number;
  argsEnd!: number;
  bodyStart!: number;
  flags!: DockerFlag[];
  args!: DockerWord[];
  json!: boolean;
  jsonArgs?: DockerWord[];
  stage!: number;
  heredocs!: Heredoc[];
  commands?: ShellCommand[];
  trigger?: DockerInstruction;
  onbuild?: DockerInstruction;
  #node: AstInstruction | null | undefined;
  /** Document line = the node's line + this (see astNodeFor). */
  #lineShift = 0;
  #properties: DockerProperty[] | undefined;
  #variables: DockerVariable[] | undefined;
  readonly #text: string;
  readonly #lines: LineIndex;
  readonly #escape: string;
  readonly #parent: DockerInstruction | null;
  constructor(
    text: string,
    lines: LineIndex,
    escape: string,
    parent: DockerInstruction | null,
    fields: InstructionFields,
  ) {
    Object.assign(this, fields);
    this.#text = text;
    this.#lines = lines;
    this.#escape = escape;
    this.#parent = parent;
  }
  /** dockerfile-ast's node; its ranges become the document's offsets through `offsetOf`. */
  get node(): AstInstruction {
    if (this.#node === undefined) {
      if (this.#parent) {
        const parent = this.#parent as Instruction;
        this.#node = safe(() => standalone((parent.node as AstOnbuild).getTriggerInstruction()), null);
        this.#lineShift = parent.#lineShift;
      } else {
        const { node, lineShift } = astNodeFor(this.#text, this.#lines, this.#escape, this.start, this.end);
        this.#node = node;
        this.#lineShift = lineShift;
      }
    }
    return this.#node as AstInstruction;
  }
  /** The document offset of a position in the node's ranges. */
  offsetOf(p: { line: number; character: number }): number {
    return this.#lines.offset({ line: p.line + this.#lineShift, character: p.character });
  }
  get properties(): DockerProperty[] {
    if (this.#properties) return this.#properties;
    const out: DockerProperty[] = [];
    const k = this.keyword;
    if (k === 'ARG' || k === 'ENV' || k === 'LABEL') {
      const plain = plainProperties(this, this.#text, this.#escape);
      if (plain) return (this.#properties = plain);
      out.push(...astProperties(this));
    }
    return (this.#properties = out);
  }
  get variables(): DockerVariable[] {
    if (this.#variables) return this.#variables;
    const out: DockerVariable[] = [];
    if (this.args.some((a) => a.value.includes('$')) || this.flags.some((f) => f.value?.includes('$'))) {
      const off = (p: { line: number; character: number }) => this.offsetOf(p);
      for (const v of safe(() => this.node.getVariables(), [])) {
        const r = v.getRange(),
          nr = v.getNameRange();
        out.push({
          name: v.getName(),
          start: off(r.start),
          end: off(r.end),
          nameStart: off(nr.start),
          nameEnd: off(nr.end),
          modifier: v.getModifier(),
        });
      }
    }
    return (this.#variables = out);
  }
}

/** The properties of an ARG, ENV or LABEL as dockerfile-ast reads them. */
export function astProperties(ins: DockerInstruction): DockerProperty[] {
  const out: DockerProperty[] = [];
  const node = ins.node as any;
  const props: any[] = safe(() => (ins.keyword === 'ARG' ? [node.getProperty()] : node.getProperties()), []);
  const off = (p: { line: number; character: number }) => ins.offsetOf(p);
  for (const p of props) {
    if (!p) continue;
    const nr = p.getNameRange(),
      vr = p.getValueRange();
    out.push({
      name: p.getName(),
      value: p.getValue(),
      operator: p.getAssignmentOperator?.() ?? null,
      nameStart: off(nr.start),
      nameEnd: off(nr.end),
      valueStart: vr ? off(vr.start) : undefined,
      valueEnd: vr ? off(vr.end) : undefined,
    });
  }
  return out;
}

/**
 * The properties of an ARG, ENV or LABEL written plainly (one line, no quotes, no escape character), read from its
 * words as dockerfile-ast reads them; undefined for anything else, which goes through dockerfile-ast.
 * `test/dockerfile/model.test.ts` holds the two readings equal on the corpus.
 */
export function plainProperties(ins: DockerInstruction, text: string, escape: string): DockerProperty[] | undefined {
  const { args } = ins;
  if (!args.length) return [];
  const body = text.slice(ins.bodyStart, ins.end);
  if (/["'\n\r]/.test(body) || body.includes(escape)) return undefined;
  const prop = (w: DockerWord): DockerProperty => {
    const eq = w.value.indexOf('=');
    if (eq < 0)
      return {
        name: w.value,
        value: null,
        operator: null,
        nameStart: w.start,
        nameEnd: w.end,
        valueStart: undefined,
        valueEnd: undefined,
      };
    return {
      name: w.value.slice(0, eq),
      value: w.value.slice(eq + 1),
      operator: '=',
      nameStart: w.start,
      nameEnd: w.start + eq,
      valueStart: w.start + eq + 1,
      valueEnd: w.end,
    };
  };
  if (ins.keyword === 'ARG') return args.length === 1 ? [prop(args[0])] : undefined;
  if (args.length === 1 || args[0].value.includes('=')) {
    // an `=` with nothing after it, or a word without one among pairs, is where readings may differ
    if (args.some((w) => !w.value.includes('=') || w.value.endsWith('=')) && args.length > 1) return undefined;
    return args.map(prop);
  }
  // the legacy `ENV name value with spaces`: the value is the rest of the instruction
  const last = args[args.length - 1];
  return [
    {
      name: args[0].value,
      value: text.slice(args[1].start, last.end),
      operator: null,
      nameStart: args[0].start,
      nameEnd: args[0].end,
      valueStart: args[1].start,
      valueEnd: last.end,
    },
  ];
}

/** Reads `["a", "b"]` with the offsets of each string; undefined when it is not a JSON string array. */
export function readJsonArray(text: string, start: number, end: number, escape: string): DockerWord[] | undefined {
  const { chars, offsets } = logicalText(text, start, end, escape);
  let parsed: unknown;
  try {
    parsed = JSON.parse(chars);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
  const out: DockerWord[] = [];
  let i = 0;
  for (const value of parsed as string[]) {
    i = chars.indexOf('"', i);
    let j = i + 1;
    while (j < chars.length && chars[j] !== '"') j += chars[j] === '\\' ? 2 : 1;
    out.push({ value, start: offsets.at(i), end: offsets.at(j) + 1 });
    i = j + 1;
  }
  return out;
}

const SHELL_NAMES = new Set([
  'sh',
  'bash',
  'ash',
  'dash',
  'zsh',
  '/bin/sh',
  '/bin/bash',
  '/bin/ash',
  '/bin/dash',
  '/bin/zsh',
  '/usr/bin/env',
]);

function runCommands(ins: DockerInstruction, text: string, escape: string): ShellCommand[] {
  if (ins.json && ins.jsonArgs) {
    const words: ShellWord[] = ins.jsonArgs.map((w) => ({ value: w.value, start: w.start, end: w.end, quoted: true }));
    if (words.length === 0) return [];
    // ["sh", "-c", "script"]: read the script
    if (SHELL_NAMES.has(words[0].value) && words[1]?.value === '-c' && words[2]) {
      const w = words[2];
      const offsets =
        w.end - w.start === w.value.length + 2
          ? linearOffsets(w.start + 1, w.value.length)
          : { at: (k: number) => (k >= w.value.length ? w.end : w.start) };
      return parseLogical(w.value, offsets);
    }
    return [
      {
        words,
        env: [],
        argv: words,
        name: words[0].value,
        start: words[0].start,
        end: words[words.length - 1].end,
        before: null,
        after: null,
        redirects: [],
      },
    ];
  }
  if (ins.heredocs.length === 0) return parseShell(text, ins.bodyStart, ins.end, { escape }).commands;
  // With here-documents: the line that opens them, then each body that is a shell script.
  let lineEnd = text.indexOf('\n', ins.bodyStart);
  if (lineEnd < 0 || lineEnd > ins.end) lineEnd = ins.end;
  const head = parseShell(text, ins.bodyStart, lineEnd, { escape }).commands;
  const out: ShellCommand[] = [];
  let bodyIsScript = false;
  for (const c of head) {
    if (c.argv.length === 0 && c.redirects.some((r) => r.op.startsWith('<<'))) {
      bodyIsScript = true;
      continue;
    }
    if (
      SHELL_NAMES.has(c.name) &&
      c.redirects.some((r) => r.op.startsWith('<<')) &&
      !c.argv.some((w) => w.value === '-c')
    )
      bodyIsScript = true;
    out.push(c);
  }
  if (bodyIsScript) {
    for (const h of ins.heredocs)
      out.push(...parseShell(text, h.contentStart, h.contentEnd, { escape: '\\' }).commands);
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
  const nameEnd = colon > slash ? colon : at >= 0 ? at : ref.length;
  return { name: ref.slice(0, nameEnd), tag, digest };
}

function toStage(ins: DockerInstruction, index: number, previous: Map<string, Stage>): Stage {
  // From our own arguments: dockerfile-ast's FROM accessors re-read the arguments on every call.
  const a = ins.args;
  const platform = ins.flags.find((f) => f.name === 'platform');
  const img = a[0];
  const parts = img ? splitImage(img.value) : undefined;
  const stage: Stage = {
    index,
    from: ins,
    start: ins.start,
    end: ins.end,
    image: img ? img.value : null,
    imageStart: img ? img.start : ins.keywordEnd,
    imageEnd: img ? img.end : ins.keywordEnd,
    imageName: parts ? parts.name : null,
    tag: parts ? parts.tag : null,
    digest: parts ? parts.digest : null,
    platform,
    instructions: [],
  };
  if (a.length >= 3 && a[1].value.toUpperCase() === 'AS') {
    stage.name = a[2].value;
    stage.nameStart = a[2].start;
    stage.nameEnd = a[2].end;
  }
  const image = stage.image;
  if (image) {
    const parent = previous.get(image.toLowerCase());
    if (parent) stage.parentStage = parent.index;
  }
  return stage;
}

/** The stage with that name (case-insensitive, as BuildKit matches them). */
export function findStage(model: DockerfileModel, name: string): Stage | undefined {
  return model.stagesByName.get(name.toLowerCase());
}

/** The instruction at an offset. */
export function instructionAt(model: DockerfileModel, offset: number): DockerInstruction | undefined {
  return model.instructions.find((i) => offset >= i.start && offset <= i.end);
}

/** The commands of every RUN of an instruction list, with their instruction. */
export function* runCommandsOf(
  instructions: DockerInstruction[],
): Generator<{ ins: DockerInstruction; cmd: ShellCommand; index: number }> {
  for (const ins of instructions) {
    const target = ins.keyword === 'ONBUILD' && ins.trigger ? ins.trigger : ins;
    if (target.keyword !== 'RUN' || !target.commands) continue;
    let k = 0;
    for (const cmd of target.commands) yield { ins: target, cmd, index: k++ };
  }
}

/** The references to stages, by lowercased stage name (see `DockerfileModel.stageReferences`). */
function indexStageReferences(model: DockerfileModel): Map<string, Span[]> {
  const refs = new Map<string, Span[]>();
  const add = (name: string, ref: Span) => {
    const list = refs.get(name);
    if (list) list.push(ref);
    else refs.set(name, [ref]);
  };
  for (const s of model.stages) {
    const n = s.image?.toLowerCase();
    const defining = n === undefined ? undefined : model.stagesByName.get(n);
    if (n !== undefined && defining && defining.index < s.index) add(n, { start: s.imageStart, end: s.imageEnd });
  }
  for (const ins of model.instructions) {
    for (const f of ins.flags) {
      if (f.valueStart === undefined || f.value === null) continue;
      if (f.name === 'from') add(f.value.toLowerCase(), { start: f.valueStart, end: f.valueEnd! });
      if (f.name === 'mount') {
        const m = /(^|,)from=([^,]*)/.exec(f.value);
        if (m) {
          const at = f.valueStart + m.index + m[1].length + 5;
          add(m[2].toLowerCase(), { start: at, end: at + m[2].length });
        }
      }
    }
  }
  return refs;
}
