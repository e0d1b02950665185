import { describe, expect, it } from 'vitest';
import { topFrames } from '../src/cpu-profile.js';
import { parsePerfSummary } from '../src/producer-ceiling.js';

describe('topFrames', () => {
  it('ranks frames by self time and leaves idle out', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
    const frames = topFrames(
      {
        nodes: [
          { id: 1, callFrame: frame('(idle)', ''), hitCount: 50 },
          {
            id: 2,
            callFrame: frame(
              'parse',
              'file:///r/node_modules/.pnpm/fast-xml-parser@5.12.1/node_modules/fast-xml-parser/src/x.js',
            ),
            hitCount: 30,
          },
          { id: 3, callFrame: frame('', ''), hitCount: 20 },
        ],
      },
      5,
    );
    expect(frames).toEqual([
      { frame: 'parse fast-xml-parser:10', share: 0.3 },
      { frame: '(anonymous) (native)', share: 0.2 },
    ]);
  });
});

describe('parsePerfSummary', () => {
  it("reads the rate and latencies from kafka-producer-perf-test's last line", () => {
    const output = [
      '2000 records sent, 400.0 records/sec (1.00 MB/sec), 20.0 ms avg latency, 90.0 ms max latency.',
      '5000 records sent, 824.2 records/sec (9.90 MB/sec), 800.50 ms avg latency, 1900.00 ms max latency, 1190 ms 50th, 1700 ms 95th, 1800 ms 99th, 1890 ms 99.9th.',
    ].join('\n');
    expect(parsePerfSummary(output)).toEqual({ recordsPerSecond: 824.2, p50Ms: 1190, p99Ms: 1800 });
  });
});
