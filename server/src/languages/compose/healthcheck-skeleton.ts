/** A healthcheck that fits a service's image, for the quick fix and for completion. */
import type { ComposeModel, ServiceModel } from './parse';
import { str, items, entry } from '../../yaml/view';
import { parsePortSpec } from './ports';
import { isMap, isScalar } from 'yaml';

export function healthcheckTest(image: string, port: number | undefined): string {
  const name =
    image
      .replace(/[:@].*$/, '')
      .split('/')
      .pop() ?? '';
  if (/^(postgres|postgis|timescaledb)/.test(name)) return '["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]';
  if (/^(redis|valkey|keydb)/.test(name)) return '["CMD", "redis-cli", "ping"]';
  if (/^mariadb/.test(name)) return '["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]';
  if (/^(mysql|percona)/.test(name)) return '["CMD", "mysqladmin", "ping", "-h", "localhost"]';
  if (/^mongo/.test(name)) return '["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand(\'ping\')"]';
  if (/^rabbitmq/.test(name)) return '["CMD", "rabbitmq-diagnostics", "-q", "ping"]';
  if (/^(memcached)/.test(name)) return '["CMD-SHELL", "echo stats | nc localhost 11211 | grep -q uptime"]';
  return `["CMD", "curl", "-f", "http://localhost:${port ?? 80}/"]`;
}

/** The first container port the service publishes or exposes. */
export function firstPort(model: ComposeModel, svc: ServiceModel): number | undefined {
  for (const p of items(svc.get('ports')?.value, model.doc)) {
    if (isScalar(p)) {
      const s = str(p);
      if (s) {
        const t = parsePortSpec(s).target;
        if (t) return t.start;
      }
    } else if (isMap(p)) {
      const t = Number(str(entry(p, model.doc, 'target')?.value));
      if (t > 0) return t;
    }
  }
  for (const p of items(svc.get('expose')?.value, model.doc)) {
    const t = parseInt(str(p) ?? '', 10);
    if (t > 0) return t;
  }
  return undefined;
}

export function healthcheckBlock(indent: string, test: string): string {
  return (
    `${indent}healthcheck:\n${indent}  test: ${test}\n${indent}  interval: ` +
    `10s\n${indent}  timeout: 5s\n${indent}  retries: 5\n${indent}  start_period: 10s`
  );
}
