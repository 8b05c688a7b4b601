import { readFileSync } from 'node:fs';
import { dataPath } from '../config/paths.js';
import type { ContentInput } from '../content/schema.js';
import type { Saring } from '../engine.js';

/** Demo content: clean posts, criticism and news about gambling, gambling spam, scams, hate, … */
export function demoContent(): ContentInput[] {
  return JSON.parse(readFileSync(dataPath('demo', 'content.json'), 'utf8')) as ContentInput[];
}

/** Loads the demo content (idempotent: items already there are left as they are). Returns how many were new. */
export async function loadDemo(saring: Saring): Promise<number> {
  let created = 0;
  for (const item of demoContent()) {
    const result = await saring.content.submit(item, 'system:demo');
    if (result.created) created++;
  }
  return created;
}
