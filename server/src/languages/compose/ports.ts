/** The short port syntax `[host_ip:][published:]target[/protocol]` and port ranges, as Docker reads them. */

export interface PortRange {
  start: number;
  end: number;
}
export interface ParsedPort {
  hostIp: string;
  published?: PortRange;
  target?: PortRange;
  protocol: string;
  /** Problems, each with its offset inside the spec string. */
  errors: { message: string; at: number; length: number }[];
}

export const PROTOCOLS = ['tcp', 'udp', 'sctp'];

export function parseRange(s: string): PortRange | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] !== undefined ? Number(m[2]) : start;
  return { start, end };
}

/** Checks a port or range text; returns a message or undefined. */
export function rangeProblem(s: string, what: string, allowZero = false): string | undefined {
  const r = parseRange(s);
  if (!r) return `"${s}" is not a ${what} port or range`;
  const lo = allowZero ? 0 : 1;
  if (r.start < lo || r.start > 65535 || r.end < lo || r.end > 65535) return `${what} port ${s} is outside ${lo}-65535`;
  if (r.end < r.start) return `${what} range ${s} ends before it starts`;
  return undefined;
}

export function parsePortSpec(spec: string): ParsedPort {
  const out: ParsedPort = { hostIp: '', protocol: 'tcp', errors: [] };
  let body = spec;
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    out.protocol = spec.slice(slash + 1);
    body = spec.slice(0, slash);
    if (!PROTOCOLS.includes(out.protocol.toLowerCase()))
      out.errors.push({
        message: `"${out.protocol}" is not a protocol (tcp, udp or sctp)`,
        at: slash + 1,
        length: out.protocol.length,
      });
  }
  const parts = body.split(':');
  const n = parts.length;
  const targetText = parts[n - 1];
  let publishedText = '';
  let ip = '';
  if (n === 2) publishedText = parts[0];
  else if (n >= 3) {
    ip = parts.slice(0, n - 2).join(':');
    publishedText = parts[n - 2];
  }
  const targetAt = body.length - targetText.length;
  const publishedAt = targetAt - 1 - publishedText.length;
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  out.hostIp = ip;
  if (ip && !isIp(ip))
    out.errors.push({ message: `"${ip}" is not an IP address`, at: 0, length: Math.max(1, publishedAt - 1) });
  const tp = rangeProblem(targetText, 'container');
  if (tp) out.errors.push({ message: tp, at: targetAt, length: targetText.length || 1 });
  else out.target = parseRange(targetText);
  if (publishedText) {
    const pp = rangeProblem(publishedText, 'host', true);
    if (pp) out.errors.push({ message: pp, at: publishedAt, length: publishedText.length });
    else out.published = parseRange(publishedText);
  }
  if (out.target && out.published) {
    const tl = out.target.end - out.target.start,
      pl = out.published.end - out.published.start;
    if (tl > 0 && tl !== pl)
      out.errors.push({
        message: `the host range ${publishedText} and the container range ${targetText} differ in size`,
        at: publishedAt,
        length: body.length - publishedAt,
      });
  }
  return out;
}

export function isIp(s: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s)) return s.split('.').every((p) => Number(p) <= 255);
  return /^[0-9a-fA-F:.]+$/.test(s) && s.includes(':') && (s.match(/::/g) ?? []).length <= 1;
}

export function isWildcardIp(ip: string): boolean {
  return ip === '' || ip === '0.0.0.0' || ip === '::';
}
