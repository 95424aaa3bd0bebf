import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTaskDef } from '../../server/src/languages/taskdef/parse';
import { isTemplated } from '../../server/src/languages/taskdef/json';
import { language } from './util';
import { runRule } from '../helpers/rule-tester';

describe('taskdef parse', () => {
  it('finds the task definition at the root', () => {
    const m = parseTaskDef('{"family": "a", "containerDefinitions": []}');
    assert.equal(m.taskDef, m.root);
    assert.equal(m.wrapper, undefined);
    assert.deepEqual(m.problems, []);
  });
  it('understands the describe-task-definition wrapper', () => {
    const text = '{"taskDefinition": {"family": "a", "containerDefinitions": []}, "tags": []}';
    const m = parseTaskDef(text);
    assert.ok(m.wrapper);
    assert.equal(m.taskDef!.offset, text.indexOf('{"family"'));
  });
  it('reports the first syntax error at its exact offset', () => {
    const text = '{\n  "family": "a"\n  "containerDefinitions": []\n}';
    const m = parseTaskDef(text);
    assert.equal(m.problems.length, 1);
    assert.equal(m.problems[0].start, text.indexOf('"containerDefinitions"'));
    assert.equal(m.problems[0].message, 'JSON: CommaExpected');
  });
  it('a non-object document is a problem', () => {
    assert.equal(parseTaskDef('[1, 2]').problems.length, 1);
    assert.deepEqual(parseTaskDef('').problems, []);
  });
  it('never throws, and no rule throws, on arbitrary text or JSON', () => {
    const json = fc.jsonValue().map((v) =>
      JSON.stringify({
        family: 'x',
        containerDefinitions: [
          v,
          {
            name: v,
            image: v,
            portMappings: [v],
            healthCheck: v,
            logConfiguration: { logDriver: 'awslogs', options: v },
          },
        ],
        cpu: v,
        memory: v,
        requiresCompatibilities: ['FARGATE'],
      }),
    );
    const mangled = fc
      .tuple(json, fc.nat(), fc.string())
      .map(([t, i, s]) => t.slice(0, i % (t.length + 1)) + s + t.slice(i % (t.length + 1)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), json, mangled), (text) => {
        parseTaskDef(text);
        for (const rule of language.rules) runRule(language, rule, { code: text });
      }),
      { numRuns: 150 },
    );
  });
});

describe('templates', () => {
  it('isTemplated answers as the regular expression it replaced, in linear time', () => {
    const reference = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|<[A-Za-z0-9_.:\- ]+>|\{\{[^}]*\}\}|#\{[^}]*\}/;
    const part = fc.constantFrom('$', '{', '}', '#', '<', '>', 'A', 'a', ' ', '_', '{{', '}}', '${', '#{');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 14 }), (parts) => {
        const s = parts.join('');
        assert.equal(isTemplated(s), reference.test(s), JSON.stringify(s));
      }),
      { numRuns: 20000, seed: 22 },
    );
    assert.equal(isTemplated('${'.repeat(50000)), false);
    assert.equal(isTemplated('{{'.repeat(50000) + '}}'), true);
  });
});

describe('byte-order mark', () => {
  it("is read as white space: no InvalidSymbol at 1:1, and offsets stay the text's", () => {
    const text = '\ufeff{"family": "a", "containerDefinitions": []}';
    const m = parseTaskDef(text);
    assert.deepEqual(m.problems, []);
    assert.equal(m.root?.offset, 1);
  });
});
