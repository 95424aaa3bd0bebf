/** Document symbols: the task definition, its containers (with their ports) and volumes. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../engine/types';
import type { TaskDefModel } from './parse';
import { get, items, num, str, end } from './json';
import { containers } from './ecs';

export function symbols(ctx: FeatureContext<TaskDefModel>): DocumentSymbol[] {
  const td = ctx.model.taskDef;
  if (!td) return [];
  const range = (a: number, b: number) => ctx.lines.range(a, b);
  const children: DocumentSymbol[] = [];
  for (const c of containers(td)) {
    const ports = items(get(c.node, 'portMappings')).map((pm) => {
      const cp = num(get(pm, 'containerPort'));
      const hp = num(get(pm, 'hostPort'));
      const proto = str(get(pm, 'protocol')) ?? 'tcp';
      const label = cp === undefined ? '?' : hp !== undefined && hp !== cp ? `${hp}→${cp}/${proto}` : `${cp}/${proto}`;
      return DocumentSymbol.create(
        label,
        str(get(pm, 'name')),
        SymbolKind.Number,
        range(pm.offset, end(pm)),
        range(pm.offset, end(pm)),
      );
    });
    const sel = c.nameNode ?? c.node;
    const detail = [
      str(get(c.node, 'image')),
      ports.length ? `ports ${ports.map((p) => p.name).join(', ')}` : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    children.push(
      DocumentSymbol.create(
        c.name ?? '(unnamed container)',
        detail || undefined,
        SymbolKind.Class,
        range(c.node.offset, end(c.node)),
        range(sel.offset, end(sel)),
        ports,
      ),
    );
  }
  for (const v of items(get(td, 'volumes'))) {
    const name = str(get(v, 'name'));
    children.push(
      DocumentSymbol.create(
        name ?? '(volume)',
        'volume',
        SymbolKind.Struct,
        range(v.offset, end(v)),
        range(v.offset, end(v)),
      ),
    );
  }
  const family = get(td, 'family');
  const sel = family ?? td;
  return [
    DocumentSymbol.create(
      str(family) ?? 'task definition',
      'task definition',
      SymbolKind.Module,
      range(td.offset, end(td)),
      range(sel.offset, end(sel)),
      children,
    ),
  ];
}
