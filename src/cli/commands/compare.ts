import type { Command } from 'commander';
import type { MediaComparison, MediaHashes } from '../../signals/hash/media.js';
import { action } from '../support.js';
import { mediaOptions, withMediaOptions, type MediaCliOptions } from './hash.js';

function percent(p: number): string {
  return `${Number(p.toFixed(1))} %`;
}

function describe(h: MediaHashes): string {
  if (h.kind === 'image') return `image, PDQ quality ${h.pdq.quality}${h.cropped ? ', bars found' : ''}`;
  return `video, ${h.vpdq.length} frames hashed`;
}

function human(pathA: string, a: MediaHashes, pathB: string, b: MediaHashes, r: MediaComparison): string {
  const lines = [
    `${r.match ? 'MATCH' : 'NO MATCH'}  (${r.match ? r.method : `best ${r.method}`}${r.distance !== null ? `, distance ${r.distance}` : ''})`,
    `  A (query)  ${pathA}  [${describe(a)}]`,
    `  B          ${pathB}  [${describe(b)}]`,
  ];
  if (a.kind === 'video' || b.kind === 'video') {
    lines.push(`  query matched ${percent(r.queryMatchPercent)}, compared matched ${percent(r.comparedMatchPercent)}`);
  }
  if (r.frame) lines.push(`  closest frame: ${r.frame.frame} at ${r.frame.timestamp.toFixed(3)} s`);
  return lines.join('\n');
}

export function registerCompare(program: Command): void {
  withMediaOptions(program.command('compare'))
    .description('compare two images, two videos or one of each (A is the query); exit code 0 whether or not they match')
    .argument('<a>', 'the query image or video')
    .argument('<b>', 'the image or video to compare with')
    .option('--json', 'print one JSON object')
    .action(
      action(async (pathA: string, pathB: string, options: MediaCliOptions & { json?: boolean }) => {
        const opts = mediaOptions(options);
        const { hashMedia, compareMedia } = await import('../../signals/hash/media.js'); // loaded on use
        // Dihedral hashes of the query are enough to find a rotated or mirrored copy.
        // One after the other: a bad A fails at once instead of waiting for B's decoding.
        const a = await hashMedia({ path: pathA }, { ...opts, dihedral: true });
        const b = await hashMedia({ path: pathB }, opts);
        const r = compareMedia(a, b);
        if (options.json) {
          const out: Record<string, unknown> = {
            match: r.match,
            queryMatchPercent: r.queryMatchPercent,
            comparedMatchPercent: r.comparedMatchPercent,
            distance: r.distance,
            method: r.method,
          };
          if (r.frame) out['frame'] = { frame: r.frame.frame, timestamp: Number(r.frame.timestamp.toFixed(3)) };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          process.stdout.write(`${human(pathA, a, pathB, b, r)}\n`);
        }
      }),
    );
}
