// NewsML-G2 2.35 "QCodes" and "Catalogs": alias (before the first colon) looked up in
// the item's inline catalogs, then the bundled IPTC catalog; URI = scheme URI + code.
import { iptcSchemes } from './iptc-catalog.generated.js';
import { isUri } from './uri.js';

export type Resolved = { uri: string } | { literal: string };

export interface QCodeResolver {
  /** The URI of a QCode, or the QCode kept as a literal (with a warning) when it cannot be expanded. */
  resolve(qcode: string): Resolved;
  /** The URI a concept names: its own uri attribute, else its expanded QCode. */
  uriOf(ref: { qcode?: string; uri?: string }): string | undefined;
  /** One warning per unknown alias or bad QCode seen so far. */
  readonly warnings: string[];
}

export function splitQCode(qcode: string): { alias: string; code: string } | undefined {
  const colon = qcode.indexOf(':');
  if (colon <= 0) return undefined;
  return { alias: qcode.slice(0, colon), code: qcode.slice(colon + 1) };
}

/** The code part of a QCode (`drol:caption` → `caption`); the value itself when it has no alias. */
export function codeOf(qcode: string): string {
  return splitQCode(qcode)?.code ?? qcode;
}

/** The scheme URI of an IPTC alias, as the bundled catalog gives it. */
export function iptcSchemeUri(alias: string): string | undefined {
  return Object.hasOwn(iptcSchemes, alias) ? iptcSchemes[alias] : undefined;
}

export function createQCodeResolver(inlineSchemes: Record<string, string> = {}): QCodeResolver {
  const warnings: string[] = [];
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(message);
  };
  const schemeUri = (alias: string) =>
    Object.hasOwn(inlineSchemes, alias) ? inlineSchemes[alias] : iptcSchemeUri(alias);

  const resolve = (qcode: string): Resolved => {
    const parts = splitQCode(qcode);
    if (!parts || parts.code === '') {
      warnOnce(`bad:${qcode}`, `"${qcode}" is not a QCode; kept as a literal`);
      return { literal: qcode };
    }
    const scheme = schemeUri(parts.alias);
    if (scheme === undefined) {
      warnOnce(
        `alias:${parts.alias}`,
        `unknown QCode scheme alias "${parts.alias}" (e.g. ${qcode}); kept as a literal`,
      );
      return { literal: qcode };
    }
    const uri = scheme + parts.code;
    if (!isUri(uri)) {
      warnOnce(`uri:${qcode}`, `QCode ${qcode} expands to an invalid URI; kept as a literal`);
      return { literal: qcode };
    }
    return { uri };
  };

  return {
    resolve,
    uriOf(ref) {
      if (ref.uri !== undefined && isUri(ref.uri)) return ref.uri;
      if (ref.qcode === undefined) return undefined;
      const resolved = resolve(ref.qcode);
      return 'uri' in resolved ? resolved.uri : undefined;
    },
    warnings,
  };
}
