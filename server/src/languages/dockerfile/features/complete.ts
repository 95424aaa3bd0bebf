import type { CompletionItem } from 'vscode-languageserver-types';
import type { FeatureContext } from '../../../engine/types';
import type { DockerfileModel } from '../parse';
export function complete(_ctx: FeatureContext<DockerfileModel>, _offset: number): CompletionItem[] { return []; }
