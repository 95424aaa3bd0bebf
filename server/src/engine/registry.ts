import type { DocumentKind, Language, Rule } from './types';

/** All languages and their rules, by kind; codes are checked for uniqueness once, at start. */
export class Registry {
  private readonly byKind = new Map<DocumentKind, Language>();
  private readonly byCode = new Map<string, Rule>();
  private readonly byId = new Map<string, Rule>();
  /** Codes rules had before they moved: never given to another rule, still found. */
  private readonly formerOwner = new Map<string, Rule>();

  constructor(languages: Language[]) {
    for (const language of languages) {
      if (this.byKind.has(language.kind)) throw new Error(`two languages for kind ${language.kind}`);
      this.byKind.set(language.kind, language);
      for (const rule of language.rules) {
        const existing = this.byCode.get(rule.meta.code);
        if (existing && existing !== rule)
          throw new Error(`rule code ${rule.meta.code} is used twice (${existing.meta.id}, ${rule.meta.id})`);
        this.byCode.set(rule.meta.code, rule);
        for (const former of rule.meta.formerCodes ?? []) {
          const other = this.formerOwner.get(former);
          if (other && other !== rule)
            throw new Error(`former code ${former} is claimed twice (${other.meta.code}, ${rule.meta.code})`);
          this.formerOwner.set(former, rule);
        }
        const sameId = this.byId.get(rule.meta.id);
        if (sameId && sameId !== rule)
          throw new Error(`rule id ${rule.meta.id} is used twice (${sameId.meta.code}, ${rule.meta.code})`);
        this.byId.set(rule.meta.id, rule);
      }
    }
    for (const [former, owner] of this.formerOwner) {
      const current = this.byCode.get(former);
      if (current)
        throw new Error(`code ${former} of ${current.meta.id} was ${owner.meta.id}'s: codes are never reused`);
    }
  }
  language(kind: DocumentKind): Language | undefined {
    return this.byKind.get(kind);
  }
  languages(): Language[] {
    return [...this.byKind.values()];
  }
  /** A rule by its code, its id (both unique across kinds) or a code it had before. */
  rule(codeOrId: string): Rule | undefined {
    return this.byCode.get(codeOrId) ?? this.byId.get(codeOrId) ?? this.formerOwner.get(codeOrId);
  }
  /** Every distinct rule, sorted by code. */
  rules(): Rule[] {
    return [...this.byCode.values()].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
  }
}
