/** Turns an LSP snippet into the plain text it expands to with its defaults ("${1:tag}" → "tag"). */
export function snippetToPlain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '$}\\'.includes(snippet[i + 1])) {
      out += snippet[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const rest = snippet.slice(i + 1);
    const simple = /^(\d+|[A-Z_]+)/.exec(rest);
    if (simple) {
      i += simple[0].length;
      continue;
    }
    if (rest[0] === '{') {
      // find the matching brace, honouring nesting and escapes
      let depth = 0,
        j = i + 1;
      for (; j < snippet.length; j++) {
        if (snippet[j] === '\\') {
          j++;
          continue;
        }
        if (snippet[j] === '{') depth++;
        else if (snippet[j] === '}' && --depth === 0) break;
      }
      const body = snippet.slice(i + 2, j);
      const choice = /^\d+\|([^|]*)\|$/.exec(body);
      const placeholder = /^(?:\d+|[A-Z_]+):([\s\S]*)$/.exec(body);
      if (choice) out += choice[1].split(',')[0];
      else if (placeholder) out += snippetToPlain(placeholder[1]);
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}
