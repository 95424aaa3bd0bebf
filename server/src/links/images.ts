/**
 * Which HTTP clients an image has, from the shipped list of base images that lack them, and what a
 * health check calls: the tool (`curl`/`wget`) and the local ports it probes.
 */
import data from './data/base-images.json';

interface BaseImage {
  match: string;
  family: string;
  curl: boolean;
  wget: boolean;
  shell: boolean;
}
const IMAGES = (data.images as BaseImage[]).map((i) => ({ ...i, re: new RegExp(i.match, 'i') }));

/** What the shipped list knows of a base image, or undefined when it is not listed (then nothing is claimed). */
export function knownBase(image: string): BaseImage | undefined {
  return IMAGES.find((i) => i.re.test(image));
}

export interface Probe {
  tool?: 'curl' | 'wget';
  ports: number[];
  shellForm: boolean;
}

/** Reads a health-check command: the HTTP client it runs and the local ports its URLs name. */
export function probeOf(command: string[] | string): Probe {
  const parts = typeof command === 'string' ? ['CMD-SHELL', command] : command;
  const first = parts[0]?.toUpperCase();
  const shellForm = first === 'CMD-SHELL' || typeof command === 'string';
  const body = (first === 'CMD' || first === 'CMD-SHELL' ? parts.slice(1) : parts).join(' ');
  const m = /(?:^|[\s;&|(/])(curl|wget)(?=\s|$)/.exec(body);
  const ports: number[] = [];
  for (const u of body.matchAll(/\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):(\d{1,5})\b/g))
    ports.push(Number(u[1]));
  return { tool: m ? (m[1] as 'curl' | 'wget') : undefined, ports, shellForm };
}
