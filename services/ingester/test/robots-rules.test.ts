// robots.txt for article pages (RFC 9309), through the real fetcher against a local
// server: its rules for our product token, each origin's file read once, a missing
// file allowing everything and an unreachable one nothing until it is asked again.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher, parseAllowedRanges } from '../src/index.js';
import { createRobotsRules } from '../src/robots-rules.js';

const fetcher = createFetcher({ timeoutMs: 1_000, maxBytes: 100_000, userAgent: 'wire/0.1' });
const loopback = parseAllowedRanges(['127.0.0.1']);
let server: Server | undefined;

async function serveRobots(answer: () => { status: number; body?: string }) {
  let asked = 0;
  server = createServer((req, res) => {
    if (req.url !== '/robots.txt') return res.writeHead(404).end();
    asked++;
    const { status, body = '' } = answer();
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, asked: () => asked };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

describe('robots.txt for article pages', () => {
  it("follows the group for wire's product token over the * group, reading the file once", async () => {
    const { base, asked } = await serveRobots(() => ({
      status: 200,
      body: 'User-agent: *\nDisallow: /\n\nUser-agent: wire\nDisallow: /members/\nAllow: /members/free\n',
    }));
    const robots = createRobotsRules({ fetch: fetcher.fetchDocument, userAgent: 'wire/0.1 (x)' });
    const allows = (path: string) => robots.allows(`${base}${path}`, loopback);
    const answers = await Promise.all(
      ['/view/1', '/members/story', '/members/free-story', '/view/2'].map(allows),
    );
    expect(answers).toEqual([true, false, true, true]);
    expect(asked()).toBe(1);
  });

  it('allows everything when the site has no robots.txt (4xx)', async () => {
    const { base } = await serveRobots(() => ({ status: 404 }));
    const robots = createRobotsRules({ fetch: fetcher.fetchDocument, userAgent: 'wire/0.1' });
    expect(await robots.allows(`${base}/members/story`, loopback)).toBe(true);
  });

  it('allows nothing while robots.txt cannot be read (5xx), and asks again later', async () => {
    let status = 503;
    const { base, asked } = await serveRobots(() => ({
      status,
      body: 'User-agent: *\nAllow: /\n',
    }));
    let now = 0;
    const robots = createRobotsRules({
      fetch: fetcher.fetchDocument,
      userAgent: 'wire/0.1',
      unreachableMs: 60_000,
      now: () => now,
    });
    expect(await robots.allows(`${base}/view/1`, loopback)).toBe(false);
    status = 200;
    expect(await robots.allows(`${base}/view/1`, loopback)).toBe(false);
    now += 60_001;
    expect(await robots.allows(`${base}/view/1`, loopback)).toBe(true);
    expect(asked()).toBe(2);
  });

  it('leaves a site the SSRF guard refuses to the guard, which refuses its pages under its own code', async () => {
    const robots = createRobotsRules({ fetch: fetcher.fetchDocument, userAgent: 'wire/0.1' });
    expect(await robots.allows('http://169.254.169.254/latest/meta-data/', loopback)).toBe(true);
    const page = await fetcher.fetchDocument({
      url: 'http://169.254.169.254/latest/meta-data/',
      allowed: loopback,
    });
    expect(page).toMatchObject({ kind: 'failed', code: 'ADDRESS_REFUSED' });
  });
});
