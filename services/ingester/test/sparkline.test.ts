import { describe, expect, it } from 'vitest';
import { sparklineSvg } from '../src/sparkline.js';

const pointsOf = (svg: string) =>
  (/<polyline class="spark-line" points="([^"]+)"/.exec(svg)?.[1] ?? '')
    .split(' ')
    .map((p) => p.split(',').map(Number) as [number, number]);

describe('the sparkline', () => {
  it('is an inline SVG with the label as its accessible name and tooltip', () => {
    const svg = sparklineSvg([1, 2, 3], { label: '6 new items', width: 100, height: 20 });
    expect(svg).toMatch(/^<svg class="spark" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('width="100" height="20"');
    expect(svg).toContain('role="img" aria-label="6 new items"');
    expect(svg).toContain('<title>6 new items</title>');
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('draws one point per value, left to right, the largest at the top and 0 at the bottom', () => {
    const points = pointsOf(sparklineSvg([0, 5, 10, 5], { label: 'x', width: 64, height: 24 }));
    expect(points).toHaveLength(4);
    expect(points.map(([x]) => x)).toEqual([2, 22, 42, 62]);
    expect(points[0]?.[1]).toBe(22);
    expect(points[2]?.[1]).toBe(2);
    expect(points[1]?.[1]).toBe(12);
    expect(points[3]?.[1]).toBe(points[1]?.[1]);
  });

  it('keeps a series of zeros on the baseline instead of dividing by zero', () => {
    const points = pointsOf(sparklineSvg([0, 0, 0], { label: 'x', height: 24 }));
    expect(points.every(([, y]) => y === 22)).toBe(true);
    expect(points.flat().every(Number.isFinite)).toBe(true);
  });

  it('draws a single value as a flat line and no values as a dashed baseline', () => {
    const one = pointsOf(sparklineSvg([3], { label: 'x', width: 50 }));
    expect(one).toHaveLength(2);
    expect(one[0]?.[1]).toBe(one[1]?.[1]);
    const none = sparklineSvg([], { label: 'no samples yet' });
    expect(none).toContain('class="spark-empty"');
    expect(none).not.toContain('polyline');
  });

  it('escapes its label', () => {
    const svg = sparklineSvg([1], { label: '<b>"x"</b>' });
    expect(svg).toContain('aria-label="&lt;b&gt;&quot;x&quot;&lt;/b&gt;"');
    expect(svg).not.toContain('<b>');
  });
});
