/** Canonical form of a domain: lower-case, punycode, no scheme, path, port or leading "www.". */
export function normaliseDomain(input: string): string | undefined {
  let s = input.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (s.length === 0 || s.length > 253 || /[@\s]/.test(s)) return undefined;
  let host: string;
  try {
    host = new URL(`http://${s}`).hostname;
  } catch {
    return undefined;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return undefined;
  if (host.startsWith('www.') && host.split('.').length > 2) host = host.slice(4);
  return host;
}
