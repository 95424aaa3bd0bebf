import { defineRule } from '../../../engine/define';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Fix } from '../../../engine/types';
import type { ComposeModel } from '../parse';
import { entries, items, nodeEnd, nodeStart, str, type YNode } from '../../../yaml/view';
import { resolveFrom } from '../refs';

const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|AUTH_?KEY|CREDENTIALS?)(_|$)/i;
const NOT_A_SECRET_NAME = /_(FILE|PATH|DIR|LENGTH|ENABLED|MIN|MAX|EXPIRY|TTL|POLICY|TYPE|HOST|PORT|USER|NAME|URL)$/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/i;

export function looksSecret(key: string, value: string): 'name' | 'url' | undefined {
  const v = value.trim();
  if (!v || v.includes('${') || /^\$[A-Za-z_]/.test(v) || v.startsWith('/run/secrets/')) return undefined;
  if (
    SECRET_NAME.test(key) &&
    !NOT_A_SECRET_NAME.test(key) &&
    !/^(true|false|yes|no|on|off|0|1|none|null|trust|changeme_not_used)$/i.test(v)
  )
    return 'name';
  const m = URL_CREDENTIALS.exec(v);
  if (m && !m[1].startsWith('$')) return 'url';
  return undefined;
}

export const rule = defineRule<ComposeModel>({
  meta: {
    code: 'CP042',
    id: 'compose-secret-in-environment',
    kinds: ['compose'],
    defaultSeverity: 'warning',
    fixable: 'suggestion',
    description: 'A password, token or key written literally in `environment`.',
    messages: {
      name: '"{{key}}" holds a literal secret; read it from .env with "{{ref}}" or use `secrets:`.',
      url: '"{{key}}" holds a URL with a password in it; read it from .env with "{{ref}}" or use `secrets:`.',
    },
    docs: {
      severity: 'A real risk: a credential written in the file is readable by anyone who can read the repository.',
      rationale:
        'A compose file is committed and shared; secrets written in it end up ' +
        'in the repository history and in `docker inspect` output. Keep the value in the `.env` ' +
        'beside the file (not committed) and refer to it as `${NAME}`, or mount it with `secrets:` ' +
        'where the image supports `*_FILE` variables. The suggestion moves the value into `.env` ' +
        'and leaves the reference.',
      incorrect: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2\n',
      correct:
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n',
      peers: ['no checkov, trivy or KICS compose check (their secret scanners read any file)'],
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const envPath = resolveFrom(ctx.path, '.env');
    const envText = ctx.workspace.readText(envPath);
    ctx.workspace.dependOn?.(ctx.path, envPath);
    const moved: string[] = [];
    const found: { key: string; kind: 'name' | 'url'; node: YNode; value: string; listForm: boolean }[] = [];
    for (const svc of ctx.model.services) {
      const env = svc.get('environment')?.value;
      if (env && isMap(env)) {
        for (const e of entries(env, doc)) {
          if (e.merged || !e.value || !isScalar(e.value) || typeof e.value.value !== 'string') continue;
          const kind = looksSecret(e.key, e.value.value);
          if (kind) found.push({ key: e.key, kind, node: e.value, value: e.value.value, listForm: false });
        }
      } else if (env && isSeq(env)) {
        for (const i of items(env, doc)) {
          const s = str(i);
          if (!s) continue;
          const eq = s.indexOf('=');
          if (eq <= 0) continue;
          const kind = looksSecret(s.slice(0, eq), s.slice(eq + 1));
          if (kind) found.push({ key: s.slice(0, eq), kind, node: i, value: s.slice(eq + 1), listForm: true });
        }
      }
    }
    for (const f of found) {
      const start = nodeStart(f.node),
        end = nodeEnd(f.node);
      const src = ctx.text.slice(start, end);
      const quote = src[0] === '"' || src[0] === "'" ? src[0] : '';
      const ref = '${' + f.key + '}';
      const newText = f.listForm ? `${quote}${f.key}=${ref}${quote}` : `${quote || '"'}${ref}${quote || '"'}`;
      const already = envText !== undefined && definedIn(envText, f.key);
      const fix: Fix = { title: `Move the value of ${f.key} to .env`, safe: false, edits: [{ start, end, newText }] };
      if (!already && !moved.includes(f.key)) {
        moved.push(f.key);
        const line = `${f.key}=${envQuote(f.value)}\n`;
        const at = envText?.length ?? 0;
        const sep = envText && !envText.endsWith('\n') ? '\n' : '';
        fix.otherFiles = [
          { path: envPath, create: envText === undefined, edits: [{ start: at, end: at, newText: sep + line }] },
        ];
      }
      ctx.report({ start, end, messageId: f.kind, data: { key: f.key, ref }, fix });
    }
  },
});

/**
 * Whether a .env text already sets the key (`KEY=` or `export KEY =` at a line start). The key is
 * user text: it is compared as text, never put into a regular expression (`[_PASSWORD` threw,
 * `(a+)+_PASSWORD` backtracked without end).
 */
function definedIn(envText: string, key: string): boolean {
  for (const line of envText.split(/\r?\n|\r/)) {
    let rest = line.trimStart();
    const exp = /^export\s+/.exec(rest);
    if (exp) rest = rest.slice(exp[0].length);
    if (rest.startsWith(key) && rest.slice(key.length).trimStart().startsWith('=')) return true;
    // `export` itself may be the key
    if (exp && line.trimStart().startsWith(key) && line.trimStart().slice(key.length).trimStart().startsWith('='))
      return true;
  }
  return false;
}

function envQuote(v: string): string {
  if (/^[A-Za-z0-9_.,:/@%+=-]*$/.test(v)) return v;
  if (!v.includes("'")) return `'${v}'`;
  return `"${v.replace(/[\\"$]/g, (c) => '\\' + c)}"`;
}
