// The four checks every conformance suite makes, with the numbers measured for it:
// a regression lowers the rate, and a fix or a new failure changes the lists, so
// either makes the suite fail until its numbers and docs/conformance.md are updated.
import { describe, expect, it } from 'vitest';
import { type CorpusCase, describeMismatches, passRate, runSuite } from './run-suite.js';

export interface MeasuredSuite {
  documents: number;
  /** Fields compared (or, for a suite without expected output, items checked). */
  fieldsCompared: number;
  minimumPassRate: number;
  /** "file: field" → why it fails. */
  knownFailures: Record<string, string>;
  /** "file: CODE" of the documents we refuse. */
  refusedDocuments: string[];
}

export function describeConformance(
  name: string,
  loadCases: () => CorpusCase[],
  measured: MeasuredSuite,
): void {
  describe(name, () => {
    const report = runSuite(loadCases());

    it('reads every document and compares as many fields as when measured', () => {
      expect(report.documents).toBe(measured.documents);
      expect(report.fieldsCompared).toBe(measured.fieldsCompared);
    });

    it(`matches at least ${measured.minimumPassRate} of the compared fields`, () => {
      expect(passRate(report), describeMismatches(report)).toBeGreaterThanOrEqual(
        measured.minimumPassRate,
      );
    });

    it('fails on exactly the known failures, no more and no fewer', () => {
      expect(report.failures, describeMismatches(report)).toEqual(
        Object.keys(measured.knownFailures).sort(),
      );
    });

    it('refuses exactly the documents listed, with their codes', () => {
      expect(report.parseErrors).toEqual(measured.refusedDocuments);
    });
  });
}
