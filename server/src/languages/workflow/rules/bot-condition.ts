import { defineRule } from '../../../engine/define';
import type { Expr } from '../expr/parser';
import { nodesOf, propertyPath } from '../expr/walk';
import type { WorkflowModel } from '../parse';
import { triggers } from '../security';

/** Contexts naming whoever caused the latest event, not who wrote the pull request. */
const ACTOR_NAMES = new Set(['github.actor', 'github.triggering_actor', 'github.event.sender.login']);
const ACTOR_IDS = new Set(['github.actor_id', 'github.event.sender.id']);
/** Ids of dependabot[bot] (user and app), dependabot-preview[bot] and renovate[bot]. */
const BOT_IDS = new Set(['49699333', '29110', '27856297', '29139614']);

/** Triggers where the actor of the run is not the author of the code it handles. */
const SPOOFABLE_TRIGGERS = ['pull_request_target', 'workflow_run'];

function literal(e: Expr): string | undefined {
  if (e.kind === 'string') return e.value;
  if (e.kind === 'number') return String(e.value);
  return undefined;
}

/** The actor context of a `<actor> == '<bot>'` comparison (either side), or undefined. */
function botComparison(e: Expr): (Expr & { kind: 'prop' }) | undefined {
  if (e.kind !== 'binary' || e.op !== '==') return undefined;
  for (const [ctxSide, litSide] of [
    [e.left, e.right],
    [e.right, e.left],
  ] as const) {
    const path = propertyPath(ctxSide)?.toLowerCase();
    const lit = literal(litSide);
    if (!path || lit === undefined || ctxSide.kind !== 'prop') continue;
    if (ACTOR_NAMES.has(path) && lit.toLowerCase().endsWith('[bot]')) return ctxSide;
    if (ACTOR_IDS.has(path) && BOT_IDS.has(lit)) return ctxSide;
  }
  return undefined;
}

export const rule = defineRule<WorkflowModel>({
  meta: {
    code: 'WF114',
    id: 'bot-condition',
    kinds: ['workflow'],
    defaultSeverity: 'warning',
    security: { severity: 7.5 },
    fixable: 'suggestion',
    description:
      'A `pull_request_target` or `workflow_run` job trusts `github.actor == "…[bot]"`: the actor is whoever ' +
      'caused the latest event, which an attacker can arrange to be the bot.',
    messages: {
      actor:
        '`{{context}}` is whoever caused the latest event, not the author of the pull request: on {{trigger}} an ' +
        "attacker can make it the bot (by getting it to update their pull request). Check the author's login " +
        '(`github.event.pull_request.user.login`) instead.',
    },
    docs: {
      rationale:
        '"Auto-merge Dependabot pull requests" workflows often run on `pull_request_target` (to get a write token) ' +
        "and let a job through when `github.actor == 'dependabot[bot]'`. But `github.actor` (and " +
        '`triggering_actor`, `sender`) is the account behind the latest event of the run: when Dependabot ' +
        'rebases or updates a pull request someone else opened, or a bot-triggered run is re-run, the condition ' +
        "holds for a pull request whose code the attacker wrote. Compare the pull request's author " +
        '(`github.event.pull_request.user.login`) instead; the suggestion does that on `pull_request_target`.',
      attack:
        'Open a pull request that Dependabot then updates, and the job meant for Dependabot alone approves, merges ' +
        "or builds it with the workflow's write token and secrets.",
      incorrect:
        'on: pull_request_target\npermissions:\n  pull-requests: write\njobs:\n  automerge:\n' +
        "    if: github.actor == 'dependabot[bot]'\n    runs-on: ubuntu-latest\n    steps:\n" +
        '      - run: gh pr merge --auto --squash "$PR"\n        env:\n          PR: ${{ github.event.pull_request.html_url }}\n',
      correct:
        'on: pull_request_target\npermissions:\n  pull-requests: write\njobs:\n  automerge:\n' +
        "    if: github.event.pull_request.user.login == 'dependabot[bot]'\n    runs-on: ubuntu-latest\n    steps:\n" +
        '      - run: gh pr merge --auto --squash "$PR"\n        env:\n          PR: ${{ github.event.pull_request.html_url }}\n',
      peers: ['zizmor bot-conditions'],
    },
  },
  check(ctx) {
    const on = triggers(ctx.model);
    const risky = SPOOFABLE_TRIGGERS.filter((t) => on.has(t));
    if (!risky.length) return;
    // the author's login exists on pull_request_target's payload only
    const canFix = on.size === 1 && on.has('pull_request_target');
    for (const site of ctx.model.expressions) {
      if (!site.isIf || !site.expr) continue;
      for (const n of nodesOf(site.expr)) {
        const actor = botComparison(n);
        if (!actor) continue;
        const context = propertyPath(actor) ?? '';
        const isName = ACTOR_NAMES.has(context.toLowerCase());
        ctx.report({
          start: site.start + actor.start,
          end: site.start + actor.end,
          messageId: 'actor',
          data: { context, trigger: risky.join('/') },
          suggestions:
            canFix && isName
              ? [
                  {
                    title: 'Compare the author of the pull request',
                    safe: false,
                    edits: [
                      {
                        start: site.start + actor.start,
                        end: site.start + actor.end,
                        newText: 'github.event.pull_request.user.login',
                      },
                    ],
                  },
                ]
              : undefined,
        });
      }
    }
  },
});
