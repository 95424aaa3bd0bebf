import type { Hover } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
export function hover(_ctx: FeatureContext<DockerfileModel>, _offset: number): Hover | undefined { return undefined; }
