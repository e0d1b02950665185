// The dateline that opens an agency's story, in the shapes agencies write it: where
// the story was filed (for `located`) and whose copy it is, and how many characters
// of the text it takes, so the caller can take it off.

export interface Dateline {
  /** Where the story was filed: "WASHINGTON", "서울", "北京", "ロンドン". */
  place?: string;
  /** The agency or paper the dateline names: "Yonhap", "新华社", "共同". */
  source?: string;
  /** Characters of the text the dateline and the spaces after it take. */
  length: number;
}

interface Shape {
  pattern: RegExp;
  read(match: RegExpExecArray): Omit<Dateline, 'length'>;
}

// Korean outlets whose copy opens "(서울=연합뉴스)", "[서울=뉴시스]": the place is
// on the left. "[사진=연합뉴스]" is a picture's credit, its left word a kind of
// picture, and is no dateline.
const koreanOutlets = '연합뉴스|연합인포맥스|뉴시스|뉴스1|노컷뉴스|이데일리|머니투데이|아시아경제';
const notPlaces = new Set(['사진', '그래픽', '자료', '출처', '영상', '표', '제공', '사진제공']);

const shapes: Shape[] = [
  // "WASHINGTON--", "SEOUL, Feb. 1 (Yonhap) --", "NEW YORK, March 3 (AFP) - "; a single
  // hyphen only before a space, or "NH-Amundi" and "AH-1S" would be places.
  {
    pattern:
      /^([A-Z][A-Z.'’ -]{1,40}?)(?:\s*,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\((Yonhap|AFP|AP|Reuters|dpa|Xinhua|Kyodo|UPI)\))?\s*(?:--|[–—]|-(?=\s))\s*/,
    read: (m) => ({ place: m[1] as string, ...(m[2] && { source: m[2] }) }),
  },
  // "Geneva (AFP) – ", "Paris (AFP) - ": a place in any case, when the agency follows.
  {
    pattern:
      /^(\p{Lu}[\p{L}.'’ -]{1,40}?)\s*\((AFP|AP|Reuters|dpa|Yonhap|Xinhua|Kyodo|UPI)\)\s*[-–—]{1,2}\s+/u,
    read: (m) => ({ place: m[1] as string, source: m[2] as string }),
  },
  // "(워싱턴=연합뉴스) 김동현 특파원 =", "[서울=뉴시스] 신정원 기자 = ", "(서울=연합뉴스)"
  {
    pattern: new RegExp(
      `^[([]\\s*([^=()[\\]]{1,20}?)\\s*=\\s*(${koreanOutlets})\\s*[)\\]]\\s*(?:[가-힣 ]{2,20}(?:기자|특파원)\\s*=\\s*)?`,
    ),
    read: (m) => ({ place: m[1] as string, source: m[2] as string }),
  },
  // "【파이낸셜뉴스 경산=김장욱 기자】", "【 파이낸셜뉴스 뉴욕=이병철 특파원】": outlet, place, reporter.
  {
    pattern:
      /^【\s*([가-힣A-Za-z0-9]{2,12})\s+([^=【】\s]{1,12})\s*=\s*[가-힣 ]{2,20}(?:기자|특파원)\s*】\s*/,
    read: (m) => ({ place: m[2] as string, source: m[1] as string }),
  },
  // "新华社北京11月17日电（记者 王明）", "韩联社首尔12月3日电 ", "财联社5月14日电，": agency,
  // the place when given, the date.
  {
    pattern:
      /^(\p{sc=Han}{1,4}社|人民网|中新网|中国新闻网|央视网|国际在线)(\p{sc=Han}[\p{sc=Han}·]{0,9}?)?\s*\d{1,2}月\d{1,2}日\s*电\s*(?:[（(](?:记者|通讯员|报道员)[^）)]{0,30}[）)])?\s*[，,：:]?\s*/u,
    read: (m) => ({ source: m[1] as string, ...(m[2] && { place: m[2] }) }),
  },
  // "【ワシントン共同】", "【北京時事】", "【ロンドン＝岡田浩幸】": place, then the agency or
  // the correspondent.
  {
    pattern:
      /^【\s*([^【】＝=\s\d:：,，、.。]{1,12}?)\s*(?:(共同|時事)|[＝=][^【】]{1,15})\s*】\s*/,
    read: (m) => ({ place: m[1] as string, ...(m[2] && { source: m[2] }) }),
  },
  // AFPBB's "【6月18日 AFP】": the date and the agency, no place.
  {
    pattern: /^【\s*\d{1,2}月\d{1,2}日\s+(AFP|AP|Reuters|ロイター)\s*】\s*/,
    read: (m) => ({ source: m[1] as string }),
  },
];

/** The dateline at the start of `text` (after any spaces), if it is one of the known shapes. */
export function readDateline(text: string): Dateline | undefined {
  const start = text.length - text.trimStart().length;
  const rest = text.slice(start);
  for (const shape of shapes) {
    const match = shape.pattern.exec(rest);
    // A dateline is followed by the story; a text that is only a dateline is something else.
    if (!match || match[0].length >= rest.length) continue;
    const read = shape.read(match);
    if (read.place !== undefined && notPlaces.has(read.place.trim())) continue;
    const place = read.place?.trim();
    return { ...read, ...(place && { place }), length: start + match[0].length };
  }
  return undefined;
}
