// Page chrome that feeds put among a story's pictures: FeedBurner's flare and
// share buttons and its tracking pixel (paths /~ff/, /~a/, /~r/, on
// feeds.feedburner.com or a publisher's own feed domain), analytics beacons, and
// any 1×1 or 0×0 image. None of them is a story picture.
const chromeUrl = new RegExp(
  [
    '/~(?:ff|a|r|f|d)/', // FeedBurner flare, ads, read-tracking pixel, styles
    '^https?://(?:feeds\\.feedburner\\.com|feedproxy\\.google\\.com|feeds\\.feedblitz\\.com)/',
    '(?:^|[./])(?:doubleclick\\.net|pheedo\\.com|scorecardresearch\\.com|quantserve\\.com|google-analytics\\.com|pixel\\.wp\\.com|stats\\.wordpress\\.com|feedsportal\\.com|addtoany\\.com)\\b',
    '/(?:pixel|beacon|spacer|blank|clear|transparent|1x1|tracker|tracking)(?:[._-][^/]*)?\\.(?:gif|png)(?:$|[?#])',
    '[?&](?:pixel|beacon)=',
  ].join('|'),
  'i',
);

const tiny = (value: string | number | undefined) => {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(number) && number <= 2;
};

/** Whether an image is page chrome rather than a picture of the story. */
export function isChromeImage(url: string, width?: string | number, height?: string | number) {
  return chromeUrl.test(url.trim()) || (tiny(width) && tiny(height));
}

/** Whether a link is FeedBurner's flare or share button, not part of the story. */
export function isChromeLink(url: string): boolean {
  return /\/~(?:ff|a)\//i.test(url);
}

/**
 * Pictures that most items of a feed carry (a badge, a logo): with three items or
 * more, one that appears in more than half of them is the feed's, not a story's.
 */
export function feedBadges(pictureUris: string[][]): Set<string> {
  const badges = new Set<string>();
  if (pictureUris.length < 3) return badges;
  const counts = new Map<string, number>();
  for (const uris of pictureUris)
    for (const uri of new Set(uris)) counts.set(uri, (counts.get(uri) ?? 0) + 1);
  for (const [uri, count] of counts) if (count > pictureUris.length / 2) badges.add(uri);
  return badges;
}
