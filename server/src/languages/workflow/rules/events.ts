import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { EVENTS } from '../schema';
import { asMap, asScalar, asSeq, entries, nodeRange, scalarText } from '../../../yaml/view';
import { nearest } from '../../../text/nearest';

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF018',
    id: 'events',
    kinds: ['workflow'],
    defaultSeverity: 'error',
    description: 'Trigger events, their activity types and their filters must exist and be combined correctly.',
    messages: {
      unknownEvent: 'Unknown event "{{name}}".{{hint}}',
      unknownType: 'Unknown activity type "{{type}}" for event "{{event}}"; its types are {{types}}.',
      conflict: '"{{a}}" and "{{b}}" cannot be used together for event "{{event}}".',
      duplicate: 'Event "{{name}}" is listed twice.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A misspelt event never triggers; an activity type the event does not ' +
        'have never matches; a filter and its `-ignore` twin for the same ref kind cannot be ' +
        "combined. Events, their activity types and their filters come from GitHub's workflow schema. " +
        'Severity error: GitHub rejects the workflow.',
      incorrect: 'on:\n  pull_requests:\n    types: [opend]\n',
      correct: 'on:\n  pull_request:\n    types: [opened]\n',
      peers: ['actionlint events'],
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const names = Object.keys(EVENTS);
    const seen = new Set<string>();
    for (const t of ctx.model.triggers) {
      const facts = EVENTS[t.name];
      if (seen.has(t.name)) ctx.report({ start: t.start, end: t.end, messageId: 'duplicate', data: { name: t.name } });
      seen.add(t.name);
      if (!facts) {
        const near = nearest(t.name, names);
        ctx.report({
          start: t.start,
          end: t.end,
          messageId: 'unknownEvent',
          data: { name: t.name, hint: near ? ` Did you mean "${near}"?` : '' },
          suggestions: near
            ? [{ title: `Change to "${near}"`, edits: [{ start: t.start, end: t.end, newText: near }], safe: false }]
            : undefined,
        });
        continue;
      }
      const map = asMap(t.value, doc);
      if (!map) continue;
      const es = entries(map, doc, false);
      const keys = new Set(es.map((e) => e.key));
      for (const [a, b] of [
        ['branches', 'branches-ignore'],
        ['tags', 'tags-ignore'],
        ['paths', 'paths-ignore'],
      ]) {
        if (keys.has(a) && keys.has(b)) {
          const e = es.find((x) => x.key === b)!;
          ctx.report({ start: e.keyStart, end: e.keyEnd, messageId: 'conflict', data: { a, b, event: t.name } });
        }
      }
      const types = es.find((e) => e.key === 'types');
      if (types && facts.types?.length) {
        const items = asSeq(types.value, doc)?.items ?? [types.value];
        for (const it of items) {
          const s = asScalar(it, doc);
          const v = scalarText(s);
          if (!s || v === undefined || facts.types.includes(v)) continue;
          const [start, end] = nodeRange(s);
          const near = nearest(v, facts.types);
          ctx.report({
            start,
            end,
            messageId: 'unknownType',
            data: { type: v, event: t.name, types: facts.types.map((x) => `"${x}"`).join(', ') },
            suggestions: near
              ? [{ title: `Change to "${near}"`, edits: [{ start, end, newText: near }], safe: false }]
              : undefined,
          });
        }
      }
    }
  },
});
