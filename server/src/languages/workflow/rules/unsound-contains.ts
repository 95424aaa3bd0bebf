import { defineRule } from '../../../engine/define';
import type { WorkflowModel } from '../parse';
import { nodesOf, propertyPath } from '../expr/walk';

/** Contexts whose value whoever pushes a branch, opens a pull request or starts a run chooses. */
const CONTROLLABLE = [
  'env',
  'inputs',
  'github.actor',
  'github.triggering_actor',
  'github.ref',
  'github.ref_name',
  'github.head_ref',
  'github.base_ref',
  'github.sha',
];

function controllable(path: string): boolean {
  const p = path.toLowerCase();
  return CONTROLLABLE.some((c) => p === c || p.startsWith(`${c}.`));
}

/** The literal's items when it reads as a list (blank, comma or `|` separated), for the suggestion. */
function listItems(s: string): string[] | undefined {
  const items: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (ch === ' ' || ch === ',' || ch === '|' || ch === '\t' || ch === '\n') {
      if (cur) items.push(cur);
      cur = '';
    } else if (ch === '"' || ch === "'" || ch === '\\') return undefined;
    else cur += ch;
  }
  if (cur) items.push(cur);
  return items.length >= 2 ? items : undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF113',
    id: 'unsound-contains',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 6.1 },
    fixable: 'suggestion',
    description: "An `if:` tests `contains('a b', <value>)`: a substring test that part of a name passes.",
    messages: {
      substring:
        "`contains('{{list}}', {{value}})` tests whether {{value}} is part of the string, so any substring passes " +
        "(a branch named `{{part}}`): use `contains(fromJSON('[...]'), {{value}})`.",
    },
    docs: {
      rationale:
        'With a string as its first argument, `contains` is a substring test, not a list lookup: ' +
        "`contains('refs/heads/main refs/heads/release', github.ref)` is also true for `refs/heads/mai`, " +
        '`refs/heads/r` or `main refs`. When the value is one a contributor chooses (a branch or tag name, the ' +
        'actor, an input, an environment variable), a condition meant to guard a deployment or a secret lets ' +
        'their run through. Put the allowed values in a JSON array (`fromJSON(\'["refs/heads/main", ...]\')`), ' +
        'which `contains` compares item by item, or compare with `==`. The suggestion writes that array. Values ' +
        'nobody chooses (`github.event_name`) are not reported.',
      attack:
        'Push a branch whose name is a piece of an allowed one (`mai`), and the job that was meant for `main` ' +
        'runs for it: with its deployment credentials, environment secrets or release rights.',
      incorrect:
        "on: push\njobs:\n  deploy:\n    if: contains('refs/heads/main refs/heads/release', github.ref)\n" +
        '    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n',
      correct:
        'on: push\njobs:\n  deploy:\n    if: contains(fromJSON(\'["refs/heads/main", "refs/heads/release"]\'), ' +
        'github.ref)\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n',
      peers: ['zizmor unsound-contains'],
    },
  },
  check(ctx) {
    for (const site of ctx.model.expressions) {
      if (!site.isIf || !site.expr) continue;
      for (const call of nodesOf(site.expr)) {
        if (call.kind !== 'call' || call.name.toLowerCase() !== 'contains' || call.args.length !== 2) continue;
        const [hay, needle] = call.args;
        if (hay.kind !== 'string') continue;
        const value = propertyPath(needle);
        if (!value || !controllable(value)) continue;
        const items = listItems(hay.value);
        const part = (items?.[0] ?? hay.value).slice(0, Math.max(1, (items?.[0] ?? hay.value).length - 1));
        const json = items && JSON.stringify(items).replace(/,/g, ', ');
        ctx.report({
          start: site.start + call.start,
          end: site.start + call.end,
          messageId: 'substring',
          data: { list: hay.value, value, part },
          suggestions: json
            ? [
                {
                  title: `Test against the list ${json}`,
                  safe: false,
                  edits: [{ start: site.start + hay.start, end: site.start + hay.end, newText: `fromJSON('${json}')` }],
                },
              ]
            : undefined,
        });
      }
    }
  },
});
