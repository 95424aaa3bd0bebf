/**
 * The model's own scanner against dockerfile-ast, which it replaces for speed: the same
 * instructions, keyword and word offsets, comments, directives, escape character, and (through the
 * per-instruction dockerfile-ast nodes) the same variables, properties and here-documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import {
  astProperties,
  type DockerInstruction,
  parseDockerfile,
  plainProperties,
} from '../../server/src/languages/dockerfile/parse';
import { LineIndex } from '../../server/src/text/lines';

const corpus = process.env.SHIPSHAPE_CORPUS
  ? path.join(process.env.SHIPSHAPE_CORPUS, 'dockerfile')
  : path.resolve(__dirname, '../../..', '../shared/corpus/dockerfile');
const fixtures = path.resolve(__dirname, '../../..', 'test/fixtures/dockerfile');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (!p.endsWith('.out')) out.push(p);
  }
  return out;
}

/** Both readings of a text, as plain data. */
function readings(text: string): { ours: unknown; theirs: unknown } {
  const m = parseDockerfile(text);
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const off = (p: { line: number; character: number }) => lines.offset(p);
  const tryOr = <T>(f: () => T): T | 'throws' => {
    try {
      return f();
    } catch {
      return 'throws';
    }
  };
  const oursIns = (i: DockerInstruction): unknown => ({
    range: [i.start, i.end, i.keywordStart, i.keywordEnd, i.written],
    // a flag as its words' value (escapes read: `\\--flag=x` is `--flag=x`), like dockerfile-ast's raw arguments
    words: [
      ...i.flags.map((f) => [`--${f.name}${f.value === null ? '' : `=${f.value}`}`, f.start, f.end]),
      ...i.args.map((a) => [a.value, a.start, a.end]),
    ],
    trigger: i.keyword === 'ONBUILD' ? (i.trigger ? oursIns(i.trigger) : null) : undefined,
  });
  const theirsIns = (i: Instruction): unknown => ({
    range: [
      off(i.getRange().start),
      off(i.getRange().end),
      off(i.getInstructionRange().start),
      off(i.getInstructionRange().end),
      i.getInstruction(),
    ],
    words: (i as any).getRawArguments().map((a: any) => [a.getValue(), off(a.getRange().start), off(a.getRange().end)]),
    trigger:
      i.getKeyword() === 'ONBUILD'
        ? (i as any).getTriggerInstruction()
          ? theirsIns((i as any).getTriggerInstruction())
          : null
        : undefined,
  });
  return {
    ours: {
      escape: m.escape,
      directives: m.directives.map((d) => [d.name, d.value, d.start, d.end]),
      comments: m.comments.map((c) => [c.start, c.end, c.content]),
      instructions: m.instructions.map(oursIns),
      names: m.instructions.map((i) =>
        ['ENV', 'LABEL'].includes(i.keyword) ? i.properties.map((p) => [p.name, p.value, p.nameStart]) : null,
      ),
      heredocs: m.instructions.map((i) => i.heredocs.map((h) => h.name)),
    },
    theirs: {
      escape: ast.getEscapeCharacter(),
      directives: ast
        .getDirectives()
        .map((d) => [d.getName(), d.getValue(), off(d.getRange().start), off(d.getRange().end)]),
      comments: ast.getComments().map((c) => [off(c.getRange().start), off(c.getRange().end), c.getContent()]),
      instructions: ast.getInstructions().map(theirsIns),
      names: ast
        .getInstructions()
        .map((i) =>
          ['ENV', 'LABEL'].includes(i.getKeyword())
            ? (i as any).getProperties().map((p: any) => [p.getName(), p.getValue(), off(p.getNameRange().start)])
            : null,
        ),
      heredocs: ast.getInstructions().map((i) => {
        const h = tryOr(() => ((i as any).getHeredocs ? (i as any).getHeredocs().map((x: any) => x.getName()) : []));
        return h === 'throws' ? [] : h;
      }),
    },
  };
}

/** Variables compared where dockerfile-ast can list them (its look-up of definitions can overflow on odd input). */
function sameVariables(text: string): void {
  const m = parseDockerfile(text);
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  ast.getInstructions().forEach((node, k) => {
    let theirs: unknown;
    try {
      theirs = node
        .getVariables()
        .map((v) => [
          v.getName(),
          lines.offset(v.getNameRange().start),
          lines.offset(v.getNameRange().end),
          v.getModifier(),
        ]);
    } catch {
      return;
    }
    assert.deepEqual(
      m.instructions[k].variables.map((v) => [v.name, v.nameStart, v.nameEnd, v.modifier]),
      theirs,
      `variables of instruction ${k}`,
    );
  });
}

const TRICKY = [
  'FROM a\nRUN echo \\\n  # a comment\n  hi',
  'FROM a\nRUN echo \\ \n\n  hi \\\t\n',
  '# escape=`\nFROM a\nRUN dir `\n  c:\\ `\n  x',
  '#syntax=docker/dockerfile:1\n# check=skip=all\n\n# just a comment\nFROM a',
  '# a=b c\n# d=e\nFROM a',
  '\uFEFFFROM a\r\nRUN x \\\r\n  y\r\n',
  'FROM a\nRUN <<EOF\nset -e\necho $HOME\nEOF\nCOPY <<-"A" <<B /x\n\tone\n\tA\ntwo\nB\n',
  'FROM a\nONBUILD RUN <<EOF\nx\nEOF\nONBUILD\nONBUILD COPY --from=b /a /b',
  'FROM a\nENV A=1 B="two three" C\\ D=4\nENV LEGACY some value here\nLABEL "x y"=z ARG=\nARG V=${A:-x}\n',
  'FROM a\nR\\\nUN echo\nRU\\N x\nEN\\ V A=1\nRUN\\',
  'FROM a\nRUN echo \\$HOME ${A:+y} ${B?err} ${} $',
];

test('the scanner reads tricky texts as dockerfile-ast does', () => {
  for (const text of TRICKY) {
    const { ours, theirs } = readings(text);
    assert.deepEqual(ours, theirs, JSON.stringify(text));
    sameVariables(text);
  }
});

test('the scanner reads the fixtures as dockerfile-ast does', () => {
  for (const f of files(fixtures)) {
    if (!/Dockerfile|\.dockerfile$/i.test(path.basename(f))) continue;
    const text = fs.readFileSync(f, 'utf8');
    const { ours, theirs } = readings(text);
    assert.deepEqual(ours, theirs, f);
    sameVariables(text);
  }
});

test('the scanner reads the corpus as dockerfile-ast does', { skip: !fs.existsSync(corpus) }, () => {
  for (const f of files(corpus)) {
    const text = fs.readFileSync(f, 'utf8');
    const { ours, theirs } = readings(text);
    assert.deepEqual(ours, theirs, f);
    sameVariables(text);
  }
});

test('an escaped dash before a flag (found by the random test): the flag reads as dockerfile-ast reads it', () => {
  for (const text of ['RUN \\--flag=x ', 'ONBUILD RUN \\--flag=x ', 'COPY \\--from=a /x /y\n']) {
    const { ours, theirs } = readings(text);
    assert.deepEqual(ours, theirs, text);
  }
});

test('the scanner reads random texts as dockerfile-ast does', () => {
  const pieces = [
    '\\',
    '\\\n',
    '\\ \n',
    '\\\r\n',
    ' ',
    '\t',
    '\n',
    '\r\n',
    '\r',
    '#',
    '<<EOF',
    '<<-EOF',
    '\tEOF',
    'EOF',
    'RUN ',
    'ONBUILD RUN ',
    'ENV A=b ',
    'ENV A b',
    'ARG X=1',
    'LABEL "a b"=c ',
    '$',
    '${A:-x}',
    '$A',
    '"',
    "'",
    '=',
    '--flag=x ',
    '# escape=`\n',
    '#syntax=x\n',
    '`',
    '`\n',
    'x',
    'FROM a AS b\n',
    'COPY <<EOF /x\n',
    'RUN <<"E" <<E2\n',
    'E\n',
    'E2\n',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 50 }), (parts) => {
      const text = parts.join('');
      const { ours, theirs } = readings(text);
      assert.deepEqual(ours, theirs);
      sameVariables(text);
    }),
    { numRuns: 400 },
  );
});

test('model.ast is still there for callers that want dockerfile-ast', () => {
  const m = parseDockerfile('FROM a\nRUN x\n');
  assert.equal(m.ast.getInstructions().length, 2);
  assert.equal(m.instructions[1].node.getKeyword(), 'RUN');
});

test('plain ARG/ENV/LABEL properties are read as dockerfile-ast reads them (the fast path of `properties`)', () => {
  const texts = [
    'ARG A\nARG B=1\nARG C=\nENV D=1 E=two\nENV F value with  spaces\nENV G\nLABEL a=b c.d=e\nLABEL x\nENV H= I=1\n',
    'FROM a:1\nENV PATH=$PATH:/x JAVA_HOME=${JAVA_HOME:-/j}\nARG V=${X}\nLABEL org.opencontainers.image.title=x\n',
    'ENV A=1 B\nENV A B=1\nENV  A=1\t B=2  \nARG  N=1 M=2\n',
  ];
  for (const dir of [fixtures, ...(fs.existsSync(corpus) ? [corpus] : [])])
    for (const f of files(dir)) texts.push(fs.readFileSync(f, 'utf8'));
  let compared = 0;
  for (const text of texts) {
    const m = parseDockerfile(text);
    for (const outer of m.instructions) {
      const ins = outer.trigger ?? outer;
      if (!['ARG', 'ENV', 'LABEL'].includes(ins.keyword)) continue;
      const plain = plainProperties(ins, text, m.escape);
      if (!plain) continue;
      compared++;
      assert.deepEqual(plain, astProperties(ins), text.slice(ins.start, ins.end));
    }
  }
  assert.ok(compared > 100, `compared ${compared}`);
});
