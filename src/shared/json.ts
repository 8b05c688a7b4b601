import { SaringError } from '../errors/errors.js';

/**
 * The deepest nesting a JSON value from outside may have (an object or array inside another
 * counts one level). Deeper values overflow recursive code (canonical JSON, clients) for nothing a
 * platform needs.
 */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Node {
  v: unknown;
  depth: number;
  parent: Node | undefined;
  key: string | number | undefined;
}

/** Where in a value a node is, as `a.b[2].c`. */
function pathOf(node: Node): string {
  const parts: (string | number)[] = [];
  for (let n: Node | undefined = node; n && n.key !== undefined; n = n.parent) parts.unshift(n.key);
  if (parts.length === 0) return '(body)';
  return parts.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('').slice(0, 200);
}

/**
 * Checks a parsed JSON value against the rules every door applies to input from outside:
 * strings and keys are well-formed Unicode (no lone surrogates from `\ud800`), contain no NUL
 * (U+0000, which PostgreSQL cannot store in text), and nesting stays within {@link MAX_JSON_DEPTH}.
 * Iterative, so a deep value cannot overflow the stack while it is checked.
 */
export function checkJsonValue(value: unknown, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Node[] = [{ v: value, depth: 0, parent: undefined, key: undefined }];
  const checkString = (s: string, node: Node) => {
    if (!s.isWellFormed()) throw new SaringError('invalid_utf8', `${pathOf(node)} contains unpaired surrogates (invalid Unicode).`);
    if (s.includes('\u0000')) throw new SaringError('invalid_character', `${pathOf(node)} contains U+0000 (NUL), which is accepted in no text.`);
  };
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.v;
    if (typeof v === 'string') checkString(v, node);
    else if (v && typeof v === 'object') {
      if (node.depth >= maxDepth) throw new SaringError('validation_failed', `${pathOf(node)} is nested deeper than ${maxDepth} levels.`);
      const depth = node.depth + 1;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth, parent: node, key: i });
      } else {
        for (const [k, child] of Object.entries(v)) {
          const entry: Node = { v: child, depth, parent: node, key: k };
          checkString(k, entry);
          stack.push(entry);
        }
      }
    }
  }
}

/**
 * Parses JSON text from outside, with the catalogue's `invalid_json`. What the value may hold is
 * checked where every input is validated (`parseInput`, with {@link checkJsonValue}).
 */
export function parseJsonText(text: string, what = 'The body'): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new SaringError('invalid_json', `${what} is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
}

/** Parses JSON bytes from outside: valid UTF-8 (`invalid_utf8`), then {@link parseJsonText}. */
export function parseJsonBytes(bytes: Uint8Array, what = 'The body'): unknown {
  if (bytes.length === 0) throw new SaringError('empty_body');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new SaringError('invalid_utf8', `${what} is not valid UTF-8.`);
  }
  return parseJsonText(text, what);
}
