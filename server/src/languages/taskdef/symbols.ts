/** Document symbols: the task definition, its containers (with their ports) and volumes. */
import type { DocumentSymbolInfo, FeatureContext, SymbolKindName } from '../../engine/types';
import type { TaskDefModel } from './parse';
import { get, items, num, str, end } from './json';
import { containers } from './ecs';

export function symbols(ctx: FeatureContext<TaskDefModel>): DocumentSymbolInfo[] {
  const td = ctx.model.taskDef;
  if (!td) return [];
  const range = (a: number, b: number) => ({ start: a, end: b });
  const symbol = (
    name: string,
    detail: string | undefined,
    kind: SymbolKindName,
    span: { start: number; end: number },
    selection: { start: number; end: number },
    children?: DocumentSymbolInfo[],
  ): DocumentSymbolInfo => ({ name, detail, kind, span, selection, children });
  const children: DocumentSymbolInfo[] = [];
  for (const c of containers(td)) {
    const ports = items(get(c.node, 'portMappings')).map((pm) => {
      const cp = num(get(pm, 'containerPort'));
      const hp = num(get(pm, 'hostPort'));
      const proto = str(get(pm, 'protocol')) ?? 'tcp';
      const label = cp === undefined ? '?' : hp !== undefined && hp !== cp ? `${hp}→${cp}/${proto}` : `${cp}/${proto}`;
      return symbol(label, str(get(pm, 'name')), 'number', range(pm.offset, end(pm)), range(pm.offset, end(pm)));
    });
    const sel = c.nameNode ?? c.node;
    const detail = [
      str(get(c.node, 'image')),
      ports.length ? `ports ${ports.map((p) => p.name).join(', ')}` : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    children.push(
      symbol(
        c.name ?? '(unnamed container)',
        detail || undefined,
        'class',
        range(c.node.offset, end(c.node)),
        range(sel.offset, end(sel)),
        ports,
      ),
    );
  }
  for (const v of items(get(td, 'volumes'))) {
    const name = str(get(v, 'name'));
    children.push(symbol(name ?? '(volume)', 'volume', 'struct', range(v.offset, end(v)), range(v.offset, end(v))));
  }
  const family = get(td, 'family');
  const sel = family ?? td;
  return [
    symbol(
      str(family) ?? 'task definition',
      'task definition',
      'module',
      range(td.offset, end(td)),
      range(sel.offset, end(sel)),
      children,
    ),
  ];
}
