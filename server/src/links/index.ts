/**
 * The layer above the languages: what spans files. Each language is a plugin that knows one kind of file; this
 * attaches to it the checks that read other files (`rules/`, each applied to the kinds its metadata names) and wraps
 * its editor features with their cross-file side (hover, definition, rename, completion). The one registration:
 * `languages` below is every language Shipshape knows, links attached.
 */
import type { DocumentKind, Language } from '../engine/types';
import { languages as single } from '../languages';
import { composeCompletions, workflowCompletions, workflowDefinition } from './complete';
import { factKeys, KEYED_KINDS } from './keys';
import { withCrossFileDefinition, withCrossFileHover, withCrossFileRename } from './navigate';
import { withCrossFileReferences, withImageDefinition } from './references';
import { crossFileRules } from './rules';

type Wrap = (language: Language) => Partial<Language>;

/** How each kind's own features are wrapped (a kind not listed keeps its own). */
const FEATURES: Partial<Record<DocumentKind, Wrap>> = {
  // A stage's users in workflows and compose files show in its hover, and follow its renames.
  dockerfile: (l) => ({
    hover: withCrossFileHover(l.hover),
    rename: withCrossFileRename(l.rename),
    references: withCrossFileReferences(l.references),
  }),
  // A build `target` resolves, hovers and renames with the Dockerfile's stage; build args and targets complete
  // from the Dockerfile.
  compose: (l) => ({
    hover: withCrossFileHover(l.hover),
    definition: withCrossFileDefinition(l.definition),
    rename: withCrossFileRename(l.rename),
    references: withCrossFileReferences(l.references),
    complete: (ctx, offset) => composeCompletions(ctx, offset) ?? l.complete?.(ctx, offset) ?? [],
  }),
  // Values that name something in another file (a task definition's container, a Dockerfile's stage or ARG, a
  // flake output) complete and resolve from that file first.
  workflow: (l) => ({
    complete: (ctx, offset) => {
      const other = workflowCompletions(ctx, offset);
      return other.length ? other : (l.complete?.(ctx, offset) ?? []);
    },
    hover: withCrossFileHover(l.hover),
    definition: withCrossFileDefinition((ctx, offset) => {
      const other = workflowDefinition(ctx, offset);
      return other.length ? other : (l.definition?.(ctx, offset) ?? []);
    }),
    rename: withCrossFileRename(l.rename),
    references: withCrossFileReferences(l.references),
  }),
  // A container's name: its users in workflows in the hover; renamed with them; its image's Dockerfile stage is its
  // definition.
  taskdef: (l) => ({
    hover: withCrossFileHover(l.hover),
    rename: withCrossFileRename(l.rename),
    references: withCrossFileReferences(l.references),
    definition: withImageDefinition(l.definition),
  }),
  // An output's users (`nix build .#name` in workflows) in its hover; renamed with them.
  flake: (l) => ({
    hover: withCrossFileHover(l.hover),
    rename: withCrossFileRename(l.rename),
    references: withCrossFileReferences(l.references),
  }),
};

/** The languages with the checks and features across files attached. */
export function withLinks(languages: Language[]): Language[] {
  return languages.map((l) => ({
    ...l,
    ...(KEYED_KINDS.includes(l.kind) ? { factKeys: (facts: unknown) => factKeys(l.kind, facts) } : {}),
    rules: [...l.rules, ...crossFileRules.filter((r) => r.meta.kinds.includes(l.kind))],
    ...FEATURES[l.kind]?.(l),
  }));
}

/** Every language Shipshape knows, one per document kind, with what spans files. */
export const languages: Language[] = withLinks(single);
