import { LineCounter, parseDocument, type Document } from 'yaml';
import type { ParseProblem } from '../engine/types';

export interface YamlParse {
  doc: Document.Parsed;
  /** Syntax errors and duplicate keys, with offsets. */
  problems: ParseProblem[];
}

/** Parses YAML keeping every node's range; never throws. */
export function parseYaml(text: string): YamlParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { keepSourceTokens: true, lineCounter, uniqueKeys: true, strict: false, prettyErrors: false });
  const problems: ParseProblem[] = doc.errors.map((e) => {
    const [start, end] = e.pos;
    return { start, end: Math.max(end, start), message: firstLine(e.message), messageId: e.code === 'DUPLICATE_KEY' ? 'duplicateKey' : 'syntax' };
  });
  return { doc, problems };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
