/** Helpers for the taskdef tests: documents built from objects, so cases stay short and exact. */
import { fargateExample, ec2Example } from '../../server/src/languages/taskdef/examples';
import { language } from '../../server/src/languages/taskdef';

export { language };
export const F = fargateExample;
export const E = ec2Example;

export function rule(code: string) {
  const r = language.rules.find((x) => x.meta.code === code);
  if (!r) throw new Error(`no rule ${code}`);
  return r;
}

/** Pretty JSON (2 spaces), as the examples are written. */
export function J(o: unknown): string {
  return JSON.stringify(o, null, 2);
}

/** The line (1-based) of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in text`);
  }
  return text.slice(0, i).split('\n').length;
}
