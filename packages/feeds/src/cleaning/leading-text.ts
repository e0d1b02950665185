// The start of an element's text as domutils' getText reads it (text nodes, a line
// break for <br>), read only until it holds enough characters that are not
// whitespace. Most questions the cleaning asks of a block (is it empty, may it be
// a short boilerplate line, does it open with ATTN) are answered by its first
// characters; reading and collapsing the whole text of every block was most of
// the cleaning's time.
import { type AnyNode, isCDATA, isTag, isText } from 'domhandler';

/** Whether the UTF-16 unit is one that `\s` matches (and trim takes). */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export interface LeadingText {
  /** The text up to (not including) its character past `signs`, or all of it. */
  text: string;
  /** Whether that is the whole text: it holds at most `signs` characters that are not whitespace. */
  whole: boolean;
}

export function leadingText(node: AnyNode, signs: number): LeadingText {
  let text = '';
  let left = signs;
  // Each returns whether the text read is long enough to stop.
  const readAll = (nodes: AnyNode[]): boolean => {
    for (const child of nodes) if (read(child)) return true;
    return false;
  };
  const read = (current: AnyNode): boolean => {
    if (isText(current)) {
      const data = current.data;
      for (let i = 0; i < data.length; i++) {
        if (!isSpace(data.charCodeAt(i)) && --left < 0) {
          text += data.slice(0, i);
          return true;
        }
      }
      text += data;
      return false;
    }
    if (isTag(current)) {
      if (current.name !== 'br') return readAll(current.children);
      text += '\n';
      return false;
    }
    return isCDATA(current) ? readAll(current.children) : false;
  };
  const stopped = read(node);
  return { text, whole: !stopped };
}
