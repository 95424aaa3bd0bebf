import type { DocumentSymbol, Location, TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
export function symbols(_ctx: FeatureContext<DockerfileModel>): DocumentSymbol[] { return []; }
export function definition(_ctx: FeatureContext<DockerfileModel>, _offset: number): Location[] { return []; }
export function rename(_ctx: FeatureContext<DockerfileModel>, _offset: number, _newName: string): { path: string; edits: TextEdit[] }[] | undefined { return undefined; }
