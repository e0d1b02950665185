// The ingester benchmark's figures: polls/s beside the undici loop and the
// schedule, CPU per 1,000 feeds, and each service's peak RSS against 200 MB.
import type { ServiceName } from '@wire/cli';
import type { ReferenceRun } from './conditional-get-ceiling.js';
import { type Figure, figure } from './harness.js';
import type { IngesterBenchSettings } from './ingester.js';
import { mb } from './process-stats.js';
import type { Window } from './service-watch.js';
import { memoryTargetMb, peakRssFigure } from './targets.js';

const scheduledRate = (s: IngesterBenchSettings) => s.feeds / s.intervalSeconds;

export function ingesterFigures(
  settings: IngesterBenchSettings,
  m: Window,
  reference: ReferenceRun,
  probe: Window | undefined,
): Figure[] {
  const { feeds, intervalSeconds } = settings;
  const thousands = feeds / 1_000;
  const polls = m.requests.total / m.seconds;
  const ceiling = reference.requests / reference.seconds;
  const cpuSeconds = m.cpuSeconds.get('ingester') ?? Number.NaN;
  const cpuPerPoll = cpuSeconds / m.requests.total;
  const referenceCpuPerPoll = reference.cpuSeconds / reference.requests;
  // CPU seconds a minute per 1,000 feeds, at the poll rate reached.
  const perThousandPerMinute = (cpuPerRequest: number) => (cpuPerRequest * polls * 60) / thousands;
  const peak = (service: ServiceName) => m.stats.get(service)?.peakRssBytes ?? Number.NaN;
  const fleet = `${feeds.toLocaleString('en-US')} feeds every ${intervalSeconds} s`;
  const published = `${m.requests.documents} documents published in ${m.seconds.toFixed(0)} s`;
  const perHost = settings.maxRequestsPerHost;
  const probePolls = probe ? probe.requests.total / probe.seconds : undefined;
  return [
    figure(
      `ingester polls/s, ${fleet}, mostly 304`,
      polls,
      'polls/s',
      `undici loop of conditional GETs, ${perHost} at a time, requests/s`,
      ceiling,
      `${((100 * m.requests.notModified) / m.requests.total).toFixed(1)} % 304; ${published}`,
    ),
    figure(
      `ingester polls/s against its schedule, ${fleet}`,
      polls,
      'polls/s',
      'scheduled polls/s (feeds ÷ interval)',
      scheduledRate(settings),
      polls < 0.95 * scheduledRate(settings) ? 'behind its schedule' : 'keeps up',
    ),
    ...(probe && probePolls !== undefined
      ? [
          figure(
            `ingester polls/s at ${settings.probeRequestsPerHost} requests per host, ${fleet}`,
            probePolls,
            'polls/s',
            `the same at ${perHost} per host, polls/s`,
            polls,
            `${((100 * (probe.cpuSeconds.get('ingester') ?? 0)) / probe.seconds).toFixed(0)} % of a core`,
          ),
        ]
      : []),
    figure(
      `ingester CPU per 1,000 feeds, ${fleet}`,
      perThousandPerMinute(cpuPerPoll),
      'CPU s/min',
      'the undici loop, same requests, CPU s/min',
      perThousandPerMinute(referenceCpuPerPoll),
      `${(cpuPerPoll * 1000).toFixed(2)} ms CPU per poll; ${((100 * cpuSeconds) / m.seconds).toFixed(0)} % of a core`,
    ),
    figure(
      peakRssFigure('ingester'),
      mb(peak('ingester')),
      'MB',
      'target, MB',
      memoryTargetMb,
      `${feeds} feeds; the undici loop: ${mb(reference.peakRssBytes).toFixed(0)} MB`,
    ),
    figure(
      `ingester RSS per 1,000 feeds, ${fleet}`,
      mb(peak('ingester')) / thousands,
      'MB',
      `target ÷ 10 (${memoryTargetMb} MB for 10,000 feeds), MB`,
      memoryTargetMb / 10,
      'peak RSS ÷ thousands of feeds, the runtime included',
    ),
    ...(['normalizer', 'publisher'] as const).map((service) =>
      figure(
        peakRssFigure(service),
        mb(peak(service)),
        'MB',
        'target, MB',
        memoryTargetMb,
        `${published}; ${(((m.cpuSeconds.get(service) ?? 0) * 100) / m.seconds).toFixed(0)} % of a core`,
      ),
    ),
  ];
}
