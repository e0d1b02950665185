// Runs a corpus of feed documents through parseDocument and tallies, per suite,
// the fields compared and matched against another library's expected output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedArticle, ParseError, parseDocument } from '../../src/index.js';
import { compareItem, type ExpectedItem, type FieldResult } from './compare-fields.js';

export interface CorpusCase {
  /** The document's name inside the suite's folder, as the known failures name it. */
  file: string;
  bytes: Uint8Array;
  /**
   * The items the library found; 'parses' when it records no output but the
   * document must give items with headlines; 'invalid' for one broken on purpose.
   */
  expected: ExpectedItem[] | 'parses' | 'invalid';
  /** With 'parses': the number of items, when upstream states it. */
  items?: number;
  /** With 'parses': items that have no title in the source, so no headline either. */
  untitled?: number[];
}

export interface FieldMismatch extends FieldResult {
  file: string;
  item: number;
}

export interface SuiteReport {
  documents: number;
  fieldsCompared: number;
  fieldsMatched: number;
  /** Documents we refused, expected or not, with the error code. */
  parseErrors: string[];
  /**
   * What went wrong, sorted: "file: field" once per file and field that failed,
   * "file: document (CODE)" for a document refused (its fields all count as failed),
   * "file: document (should be refused)", "file: item count".
   */
  failures: string[];
  mismatches: FieldMismatch[];
}

const context = { feedId: 'conformance', fetchedAt: '2026-08-01T00:00:00.000Z' };

type Outcome = { articles: ParsedArticle[] } | { code: string };

function parse(bytes: Uint8Array): Outcome {
  try {
    return parseDocument(bytes, context);
  } catch (err) {
    // Anything but a ParseError is a crash, and shows as one in the failures.
    return { code: err instanceof ParseError ? err.code : `CRASH ${(err as Error).message}` };
  }
}

class Tally {
  readonly report: SuiteReport;
  private readonly failures = new Set<string>();

  constructor(documents: number) {
    this.report = {
      documents,
      fieldsCompared: 0,
      fieldsMatched: 0,
      parseErrors: [],
      failures: [],
      mismatches: [],
    };
  }

  fail(failure: string): void {
    this.failures.add(failure);
  }

  field(file: string, item: number, result: FieldResult, listed: boolean): void {
    this.report.fieldsCompared++;
    if (result.ok) {
      this.report.fieldsMatched++;
      return;
    }
    if (listed) this.fail(`${file}: ${result.field}`);
    this.report.mismatches.push({ ...result, file, item });
  }

  done(): SuiteReport {
    this.report.failures = [...this.failures].sort();
    return this.report;
  }
}

function checkHeadlines(tally: Tally, testCase: CorpusCase, articles: ParsedArticle[]): void {
  const count = testCase.items ?? articles.length;
  if (articles.length === 0 || articles.length !== count)
    tally.fail(`${testCase.file}: item count`);
  for (const [item, parsed] of articles.entries()) {
    const headline = parsed.article.headlines?.[0]?.value;
    const untitled = testCase.untitled?.includes(item) === true;
    const ok = untitled ? headline === undefined : headline !== undefined && headline !== '';
    const expected = untitled ? 'no headline' : 'a headline';
    tally.field(testCase.file, item, { field: 'title', ok, expected, actual: headline }, true);
  }
}

export function runSuite(cases: CorpusCase[]): SuiteReport {
  const tally = new Tally(cases.length);
  for (const testCase of cases) {
    const { file, expected } = testCase;
    const outcome = parse(testCase.bytes);
    const refused = 'code' in outcome;
    if (refused) tally.report.parseErrors.push(`${file}: ${outcome.code}`);
    if (expected === 'invalid') {
      if (!refused || outcome.code.startsWith('CRASH'))
        tally.fail(`${file}: document (should be refused)`);
      continue;
    }
    if (refused) tally.fail(`${file}: document (${outcome.code})`);
    const articles = refused ? [] : outcome.articles;
    if (expected === 'parses') {
      if (!refused) checkHeadlines(tally, testCase, articles);
      continue;
    }
    if (!refused && articles.length !== expected.length) tally.fail(`${file}: item count`);
    for (const [item, want] of expected.entries()) {
      for (const result of compareItem(want, articles[item])) {
        tally.field(file, item, result, !refused);
      }
    }
  }
  return tally.done();
}

export function passRate(report: SuiteReport): number {
  return report.fieldsCompared === 0 ? 0 : report.fieldsMatched / report.fieldsCompared;
}

/** Names of the files in a folder with one of the extensions, sorted. */
export function listFiles(folder: string, extensions: string[]): string[] {
  return readdirSync(folder)
    .filter((name) => extensions.some((ext) => name.endsWith(ext)))
    .sort();
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const readBytes = (folder: string, file: string): Uint8Array =>
  readFileSync(join(folder, file));

/** The mismatches in a readable form, for a failing assertion's message. */
export function describeMismatches(report: SuiteReport): string {
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 160);
  return report.mismatches
    .map(
      (m) => `${m.file} #${m.item} ${m.field}: expected ${show(m.expected)}, got ${show(m.actual)}`,
    )
    .join('\n');
}
