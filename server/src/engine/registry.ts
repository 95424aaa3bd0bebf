import type { DocumentKind, Language, Rule } from './types';

/** All languages and their rules, by kind; codes are checked for uniqueness once, at start. */
export class Registry {
  private readonly byKind = new Map<DocumentKind, Language>();
  private readonly byCode = new Map<string, Rule>();
  private readonly byId = new Map<string, Rule>();

  constructor(languages: Language[]) {
    for (const language of languages) {
      if (this.byKind.has(language.kind)) throw new Error(`two languages for kind ${language.kind}`);
      this.byKind.set(language.kind, language);
      for (const rule of language.rules) {
        const existing = this.byCode.get(rule.meta.code);
        if (existing && existing !== rule)
          throw new Error(`rule code ${rule.meta.code} is used twice (${existing.meta.id}, ${rule.meta.id})`);
        this.byCode.set(rule.meta.code, rule);
        const sameId = this.byId.get(rule.meta.id);
        if (sameId && sameId !== rule)
          throw new Error(`rule id ${rule.meta.id} is used twice (${sameId.meta.code}, ${rule.meta.code})`);
        this.byId.set(rule.meta.id, rule);
      }
    }
  }
  language(kind: DocumentKind): Language | undefined {
    return this.byKind.get(kind);
  }
  languages(): Language[] {
    return [...this.byKind.values()];
  }
  /** A rule by its code or its id (both unique across kinds). */
  rule(codeOrId: string): Rule | undefined {
    return this.byCode.get(codeOrId) ?? this.byId.get(codeOrId);
  }
  /** Every distinct rule, sorted by code. */
  rules(): Rule[] {
    return [...this.byCode.values()].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
  }
}
