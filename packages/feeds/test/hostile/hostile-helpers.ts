// Shared by the hostile input suite: parse a document and name its outcome, build
// RSS around an item, and measure what the heap keeps after a heavy case.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type ParseContext, ParseError, type ParseResult, parseDocument } from '../../src/index.js';

export const context: ParseContext = { feedId: 'hostile', fetchedAt: '2026-11-28T00:00:00.000Z' };

export const parse = (input: string | Uint8Array, extra: Partial<ParseContext> = {}): ParseResult =>
  parseDocument(typeof input === 'string' ? Buffer.from(input) : input, { ...context, ...extra });

/** The ParseError code a document fails with, or 'parsed'; anything else thrown fails the test. */
export function outcomeOf(input: string | Uint8Array, extra: Partial<ParseContext> = {}): string {
  try {
    parse(input, extra);
    return 'parsed';
  } catch (err) {
    if (err instanceof ParseError) return err.code;
    throw err;
  }
}

export const rss = (items: string, channel = '') =>
  `<rss version="2.0"><channel><title>hostile</title>${channel}${items}</channel></rss>`;
export const item = (inner: string) => rss(`<item>${inner}</item>`);

export const headline = (result: ParseResult, index = 0) =>
  result.articles[index]?.article.headlines?.[0]?.value;
export const bodyHtml = (result: ParseResult, index = 0) =>
  result.articles[index]?.article.bodies?.find((b) => b.contentType === 'text/html')?.value;

// A collection on demand, so the heap figures count what is kept, not garbage.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const heapUsed = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

/** Runs `work` and returns its result with how many MB the heap kept beyond it. */
export function withHeapGrowth<T>(work: () => T): { result: T; grownMb: number } {
  const before = heapUsed();
  const result = work();
  return { result, grownMb: (heapUsed() - before) / 1024 / 1024 };
}
