import { describe, expect, it } from 'vitest';
import {
  createMemoryFilingIndex,
  defaultFamilySettings,
  type Filing,
  familyOf,
  familyScore,
  filingTextOf,
} from '../src/index.js';

const hour = 3_600_000;
const filing = (
  uri: string,
  at: number,
  headline: string,
  body = '',
  stage?: Filing['stage'],
): Filing => ({ uri, story: uri, at, stage, text: filingTextOf(headline, body) });

describe('filingTextOf', () => {
  it('gives words, CJK bigrams and numbers, and reads an untitled flash by its first sentence', () => {
    expect(filingTextOf('N. Korea fires 2 missiles', '').headline).toEqual([
      'n',
      'korea',
      'fires',
      '2',
      'missiles',
    ]);
    expect(filingTextOf('尹锡悦宣布紧急戒严', '').headline).toContain('戒严');
    const untitled = filingTextOf('', '财联社5月22日电，IMAX探索出售。已接洽多家公司。');
    expect(untitled.headline).toContain('imax');
    expect(untitled.headline).not.toContain('财联');
    expect(filingTextOf('KOSPI 2,500.12', '').numbers).toEqual(['2500.12']);
  });

  it('names the speaker of a quote headline, and of none other', () => {
    expect(filingTextOf('국정원 "김주애, 후계 내정 단계 판단"', '').speaker).toBe('국정원');
    expect(filingTextOf('김정관 산업장관 “대한상의 자료, 공적 책무 망각”', '').speaker).toBe(
      '김정관 산업장관',
    );
    expect(filingTextOf('伊朗外交部：伊美谅解备忘录不会在明天签署', '').speaker).toBe('伊朗外交部');
    expect(filingTextOf('"추락 전투기 조종사, 의식상태 양호"', '').speaker).toBeUndefined();
    expect(filingTextOf('N. Korea fires 2 missiles', '').speaker).toBeUndefined();
    expect(filingTextOf('', '财联社5月22日电，IMAX探索出售。').speaker).toBeUndefined();
  });
});

describe('familyScore', () => {
  const flash = filing('a', 0, '尹锡悦宣布紧急戒严', '', 'flash');

  it('joins a detailed filing to its flash', () => {
    const detailed = filing(
      'b',
      hour,
      '韩国总统尹锡悦宣布实施紧急戒严',
      '韩国总统尹锡悦3日晚发表紧急谈话，宣布实施紧急戒严。',
      'follow-up',
    );
    expect(familyScore(flash, detailed, defaultFamilySettings)).toBeGreaterThan(0);
    expect(familyOf(detailed, [flash], defaultFamilySettings)?.story).toBe('a');
  });

  it('keeps apart filings outside the window, and a second flash with a new fact', () => {
    const late = filing('b', 13 * hour, '尹锡悦宣布紧急戒严', '', 'follow-up');
    expect(familyScore(flash, late, defaultFamilySettings)).toBe(0);
    const lifted = filing('c', 3 * hour, '尹锡悦宣布解除紧急戒严', '', 'flash');
    expect(familyScore(flash, lifted, defaultFamilySettings)).toBe(0);
  });

  it('joins a re-send to the item it repeats up to two windows back, and nothing else', () => {
    const interview = filing(
      'a',
      0,
      'インタビュー：スエズ経由の調達開始、原油確保に支障なし＝出光興産社長',
    );
    const resent = {
      ...filing(
        'b',
        15 * hour,
        'インタビュー：スエズ経由の調達開始、原油確保に支障なし＝出光興産社長',
      ),
      stage: 'follow-up' as const,
      resent: true,
    };
    expect(familyScore(interview, resent, defaultFamilySettings)).toBe(1);
    // Unmarked, or a plain later filing, it is a day's other story.
    expect(familyScore(interview, { ...resent, resent: false }, defaultFamilySettings)).toBe(0);
    expect(familyScore(interview, { ...resent, at: 25 * hour }, defaultFamilySettings)).toBe(0);
    // Beyond the window it must repeat the headline, not a reaction's share of it.
    const other = { ...resent, text: filingTextOf('出光興産社長、原油調達で新方針', '') };
    expect(familyScore(interview, other, defaultFamilySettings)).toBe(0);
  });

  it('joins a marked later filing whose figures moved on, and no unmarked one', () => {
    const flash = filing('a', 0, '巴基斯坦西南部煤矿爆炸致32名矿工死亡', '', 'flash');
    const toll = '巴基斯坦西南部煤矿爆炸致34名矿工死亡';
    expect(
      familyScore(flash, filing('b', hour, toll, '', 'follow-up'), defaultFamilySettings),
    ).toBeGreaterThan(0.9);
    expect(familyScore(flash, filing('c', hour, toll), defaultFamilySettings)).toBe(0);
    // A day's close flash and the market wrap after it are two stories.
    const close = filing('k', 0, '코스피 208.90p(4.10%) 오른 5298.04 마감', '', 'flash');
    const wrap = filing('w', hour, '[마감시황] 코스피 4%대 반등…4거래일만 5200선 회복');
    expect(familyScore(close, wrap, defaultFamilySettings)).toBe(0);
    // A later story whose lead recounts the flash's figures repeats few of its own words there.
    const angled = filing(
      'p',
      hour,
      '쭉쭉 늘더니 국민연금마저 뛰어넘었다… 서학개미 해외주식투자 450억달러',
      '지난해 경상수지 흑자가 1230억5000만달러로 사상 최대를 기록했다.',
      'follow-up',
    );
    const surplus = filing('s', 0, "지난해 경상수지 흑자 1230.5억달러…'사상 최대'", '', 'flash');
    expect(familyScore(surplus, angled, defaultFamilySettings)).toBe(0);
    const noFloor = { ...defaultFamilySettings, figuresMovedFloor: 0 };
    expect(familyScore(surplus, angled, noFloor)).toBeGreaterThan(0);
  });

  it('keeps apart a market open and close, and two readings of one figure', () => {
    const open = filing('o', 0, '[코스피] 52.17포인트(0.98%) 오른 5350.21 출발');
    const close = filing('c', 6 * hour, '[코스피] 3.65포인트(0.07%) 오른 5301.69 마감');
    expect(familyScore(open, close, defaultFamilySettings)).toBe(0);
    const noon = filing('n', 0, '财联社5月14日午间新闻精选');
    const evening = filing('e', 9 * hour, '财联社5月14日晚间新闻精选');
    expect(familyScore(noon, evening, defaultFamilySettings)).toBe(0);
    const first = filing('x', 0, '', '财联社5月14日电，截至目前，南向资金净卖出额达50亿港元。');
    const second = filing('y', hour, '', '财联社5月14日电，截至目前，南向资金净卖出额达70亿港元。');
    expect(familyScore(first, second, defaultFamilySettings)).toBe(0);
  });

  it('keeps apart two days named in the headlines, and joins one day named twice', () => {
    const game = (uri: string, at: number, day: string) =>
      filing(uri, at, `[2022 KBO리그 기록실] 롯데 vs 삼성 (7월 ${day}일)`);
    expect(
      familyScore(game('a', 0, '29'), game('b', 4 * 60_000, '30'), defaultFamilySettings),
    ).toBe(0);
    const tally = (uri: string, at: number, days: string) =>
      filing(uri, at, `乘联分会：7月${days}日全国乘用车市场零售44.3万辆`);
    expect(familyScore(tally('c', 0, '1-5'), tally('d', hour, '1-12'), defaultFamilySettings)).toBe(
      0,
    );
    const english = (uri: string, at: number, day: string) =>
      filing(uri, at, `Fed minutes of the ${day} meeting show split over rates`);
    expect(
      familyScore(english('e', 0, 'July 29'), english('f', hour, '30 Jul'), defaultFamilySettings),
    ).toBe(0);
    expect(
      familyScore(english('g', 0, 'July 29'), english('h', hour, '29 July'), defaultFamilySettings),
    ).toBe(1);
    expect(filingTextOf('７月２９日の試合', '').dates).toEqual(['7-29']);
    expect(filingTextOf('Seoul shares open higher', '').dates).toBeUndefined();
  });

  it('joins the same filing sent again without a marker, not a look-alike', () => {
    const again = filing('b', hour, '尹锡悦宣布紧急戒严');
    expect(familyScore(filing('a', 0, '尹锡悦宣布紧急戒严'), again, defaultFamilySettings)).toBe(1);
    const other = filing('c', hour, 'Seoul shares open higher on tech gains');
    expect(
      familyScore(
        filing('d', 0, 'Tokyo shares open higher on tech gains'),
        other,
        defaultFamilySettings,
      ),
    ).toBe(0);
  });

  it('joins a later filing that retells an untitled flash, figures and all, however it is headlined', () => {
    const flash = filing(
      'a',
      0,
      '',
      '财联社5月22日电，据报道，消息人士称，IMAX探索出售，已接洽多家娱乐公司作为潜在买家。',
    );
    const story = filing(
      'b',
      5 * 60_000,
      'IMAX美股盘后涨超17%',
      '财联社5月22日电，IMAX美股盘后涨超17%。消息人士称，IMAX探索出售，已接洽多家娱乐公司作为潜在买家。',
    );
    expect(familyScore(flash, story, defaultFamilySettings)).toBeGreaterThan(0);
    // The same template about another company is another story.
    const ipo = (uri: string, at: number, company: string, sponsor: string) =>
      filing(
        uri,
        at,
        '',
        `财联社5月27日电，利弗莫尔证券显示，${company}向港交所提交上市申请书，独家保荐人为${sponsor}。`,
      );
    const other = filing(
      'd',
      hour,
      '港股IPO：汉威科技集团股份有限公司递表港交所',
      '财联社5月27日电，利弗莫尔证券显示，汉威科技集团股份有限公司向港交所提交上市申请书，独家保荐人为中信建投国际。',
    );
    expect(familyScore(ipo('c', 0, '科望医药集团', '中信证券'), other, defaultFamilySettings)).toBe(
      0,
    );
    // A figure the later filing does not repeat is another reading.
    const reading = filing(
      'e',
      0,
      '',
      '财联社7月13日电，韩国KOSPI指数跌超2%，SK海力士跌近7%，三星电子跌1.58%。',
    );
    const later = filing(
      'f',
      hour,
      '韩国KOSPI指数跌幅扩大至7% SK海力士跌超12%',
      '财联社7月13日电，韩国KOSPI指数跌幅扩大至7%失守7000点。SK海力士跌超12%，三星电子跌近8%。',
    );
    expect(familyScore(reading, later, defaultFamilySettings)).toBe(0);
  });

  it('joins a marked later filing that repeats the earlier headline, not one the earlier lead repeats', () => {
    // The verdict's (종합), and the ruling party's reaction to it 39 minutes later.
    const verdict = filing(
      'a',
      0,
      '\'내란수괴\' 尹 1심 무기징역…법원 "무력 국회마비는 명백한 내란"',
      "12·3 비상계엄과 관련해 내란 우두머리 혐의로 기소된 윤석열 전 대통령이 19일 1심에서 무기징역을 선고받았다. 대통령의 고유 권한인 계엄 선포라 할지라도 무력을 동원해 국회 기능을 마비시킨 행위는 통치행위의 범위를 넘어선 명백한 '내란'이라는 것이 법원의 판단이다.",
      'follow-up',
    );
    const reaction = filing(
      'b',
      39 * 60_000,
      '與, \'내란우두머리\' 윤석열 1심 무기징역 선고에 "미흡한 판결"',
      '더불어민주당은 19일 윤석열 전 대통령이 내란 우두머리 혐의로 1심에서 무기징역을 선고받자 "나라의 근간을 뿌리째 뒤흔든 내란 수괴에게 조희대 사법부는 사형이 아닌 무기징역을 선고함으로써 사법 정의를 뒤흔들었다"며 일제히 규탄했다.',
      'follow-up',
    );
    expect(familyScore(verdict, reaction, defaultFamilySettings)).toBe(0);
  });

  it('keeps apart a flash and an unmarked filing sharing less than half its words the other way', () => {
    // The flash that an arraignment began, and the article on its verdict.
    const begun = filing('a', 0, "'단전·단수 지시' 이상민 前장관 1심 선고공판 시작", '', 'flash');
    const verdict = filing(
      'b',
      98 * 60_000,
      '\'언론사 단전·단수\' 이상민 1심서 징역 7년..."지시 문건 존재"',
      '국무위원으로서 윤석열 전 대통령의 비상계엄 선포를 방조하고 언론사 단전·단수를 지시한 혐의로 재판에 넘겨진 이상민 전 행정안전부 장관이 1심에서 실형을 선고받았다. 서울중앙지법 형사합의32부는 12일 내란 중요임무 종사 등 혐의로 기소된 이 전 장관에게 징역 7년을 선고했다.',
    );
    expect(familyScore(begun, verdict, defaultFamilySettings)).toBe(0);
    const verdictFlash = filing(
      'c',
      67 * 60_000,
      "'언론사 단전·단수 지시' 이상민 내란혐의 1심 징역 7년",
      '',
      'flash',
    );
    expect(familyScore(verdictFlash, verdict, defaultFamilySettings)).toBeGreaterThan(0);
  });

  it('keeps apart two unmarked filings when the later headline is not half in the earlier filing', () => {
    const talks = filing('a', 0, '习近平同美国总统特朗普举行会谈');
    const meeting = filing(
      'b',
      2 * hour,
      '习近平会见随同美国总统特朗普访华的美国企业家',
      '5月14日上午，国家主席习近平在北京人民大会堂同来华进行国事访问的美国总统特朗普举行会谈期间，会见随同特朗普访华的美国企业家。',
    );
    expect(familyScore(talks, meeting, defaultFamilySettings)).toBe(0);
  });

  it("does not take a session's digest for the retelling of a flash its lead opens with", () => {
    const flash = filing(
      'a',
      0,
      '',
      '5月14日上午，国家主席习近平在北京人民大会堂同来华进行国事访问的美国总统特朗普举行会谈。习近平：我同特朗普总统赞同将构建“中美建设性战略稳定关系”作为中美关系新定位。',
    );
    const digest = filing(
      'b',
      8 * hour,
      '财联社5月14日晚间新闻精选',
      '【财联社5月14日晚间新闻精选】 1、5月14日上午，国家主席习近平在北京人民大会堂同来华进行国事访问的美国总统特朗普举行会谈。习近平指出，中美经贸关系的本质是互利共赢。',
    );
    expect(familyScore(flash, digest, defaultFamilySettings)).toBe(0);
    const talks = filing(
      'c',
      4 * 60_000,
      '习近平同美国总统特朗普会谈',
      '5月14日上午，国家主席习近平在北京人民大会堂同来华进行国事访问的美国总统特朗普举行会谈。',
    );
    expect(familyScore(flash, talks, defaultFamilySettings)).toBeGreaterThan(0);
  });

  it('joins an untitled flash retold in other words when the later headline is most of the flash, not a template filing', () => {
    const flash = filing(
      'a',
      0,
      '',
      '财联社6月22日电，央行今日在香港发行400亿元人民币6个月期央票，中标利率1.34%。',
    );
    const retold = filing(
      'b',
      hour,
      '央行在香港招标发行400亿元6个月期央行票据 中标利率为1.34%',
      '【央行在香港招标发行400亿元6个月期央行票据 中标利率为1.34%】财联社6月22日电，中国人民银行于本周一（6月22日）通过香港金融管理局债务工具中央结算系统（CMU）债券投标平台，以利率招标方式发行了2026年第六期央行票据。发行量400亿元人民币，期限6个月（182天），中标利率1.34%。',
    );
    expect(familyScore(flash, retold, defaultFamilySettings)).toBeGreaterThan(0);
    // One IPO filing after another: the template's words, another company.
    const filed = filing(
      'c',
      0,
      '',
      '财联社5月27日电，利弗莫尔证券显示，爱尔眼科医院集团股份有限公司向港交所提交上市申请书，独家保荐人为华泰国际。',
    );
    const another = filing(
      'd',
      hour,
      '港股IPO：汉威科技集团股份有限公司递表港交所',
      '【港股IPO：汉威科技集团股份有限公司递表港交所】财联社5月27日电，利弗莫尔证券显示，汉威科技集团股份有限公司向港交所提交上市申请书，独家保荐人为中信建投国际。',
    );
    expect(familyScore(filed, another, defaultFamilySettings)).toBe(0);
  });

  it("takes a digest (a body that opens with a numbered list) for no story's filing", () => {
    const briefing = filing(
      'b',
      hour,
      '美股盘前要闻一览：多位美联储官员发表讲话，美股期指小幅上涨，量子计算概念股续涨',
      '财联社5月29日电，投资者需重点关注的美股市场财经要闻如下： 1、美联储卡什卡利表示，在4月PCE通胀数据出炉后，断言需立即加息还为时过早。 2、美联储戴利表示，政策目前处于良好状态。',
    );
    expect(briefing.text.digest).toBe(true);
    const flash = filing(
      'a',
      0,
      '',
      '财联社5月29日电，美联储卡什卡利表示，在4月PCE通胀数据出炉后，断言需立即加息还为时过早。',
    );
    expect(familyScore(flash, briefing, defaultFamilySettings)).toBe(0);
    expect(
      filingTextOf('财联社5月14日晚间新闻精选', '1、5月14日上午，国家主席习近平…').digest,
    ).toBe(true);
    // A figure with decimals, or a list further down, is not a digest's.
    expect(
      filingTextOf('美国一季度GDP', '美国一季度GDP年化环比增长1.4%。1. 消费').digest,
    ).toBeUndefined();
    expect(filingTextOf('Fed holds rates', '1.5 million jobs were added.').digest).toBeUndefined();
  });

  it('retells a flash once: a later filing repeating it joins only while its story holds no retelling', () => {
    const flash = filing('a', 0, '김상겸, 스노보드 평행대회전 은메달 확보', '', 'flash');
    const congratulations = filing(
      'c',
      8 * hour,
      '李대통령, 동계올림픽 첫 메달 "김상겸 선수에 뜨거운 축하"',
      '이재명 대통령이 밀라노-코르티나 동계올림픽에서 스노보드 남자 평행대회전 은메달을 딴 김상겸 선수에게 축하 메시지를 전했다.',
    );
    expect(familyScore(congratulations, flash, defaultFamilySettings)).toBeGreaterThan(0);
    expect(
      familyScore(congratulations, { ...flash, storyRetold: true }, defaultFamilySettings),
    ).toBe(0);
    // Newest first, the flash comes after a retelling and still joins it.
    expect(
      familyScore(flash, { ...congratulations, storyRetold: true }, defaultFamilySettings),
    ).toBeGreaterThan(0);
  });

  it('joins a run of flashes that share half their words both ways, within two hours', () => {
    const first = filing('a', 0, '2월도 수출 증가세…1~10일 44.4%↑', '', 'flash');
    const second = filing('b', 2 * 60_000, '2월 1~10일 반도체 수출 137.6%↑', '', 'flash');
    expect(familyScore(first, second, defaultFamilySettings)).toBeGreaterThan(0);
    expect(familyScore(first, { ...second, at: 3 * hour }, defaultFamilySettings)).toBe(0);
    const crash = filing('c', 0, '경북 영주서 F-16C 전투기 추락…산불로 번져', '', 'flash');
    const pilot = filing(
      'd',
      hour,
      '당국 "추락 전투기 조종사 발견…구조에 시간 걸릴듯"',
      '',
      'flash',
    );
    expect(familyScore(crash, pilot, defaultFamilySettings)).toBe(0);
  });

  it('joins two flashes quoting one speaker within such a run when they share a third of their words', () => {
    // One minister's flashes from one briefing: his name and the matter.
    const duty = filing(
      'a',
      0,
      '김정관 산업장관 "대한상의 상속세 자료, 공적 책무 망각"',
      '',
      'flash',
    );
    const audit = filing(
      'b',
      9 * 60_000,
      '김정관 산업장관 "대한상의 보도자료 전 과정 즉각 감사…문책·법적조치 검토"',
      '',
      'flash',
    );
    expect(familyScore(duty, audit, defaultFamilySettings)).toBeGreaterThan(0);
    expect(familyScore(duty, { ...audit, at: 3 * hour }, defaultFamilySettings)).toBe(0);
    const unquoted = filing(
      'b',
      9 * 60_000,
      '김정관 산업장관, 대한상의 보도자료 전 과정 즉각 감사…문책·법적조치 검토',
      '',
      'flash',
    );
    expect(unquoted.text.speaker).toBeUndefined();
    expect(familyScore(duty, unquoted, defaultFamilySettings)).toBe(0);
    // The same speaker on two matters, sharing a word besides the name (0.24 of the
    // second headline): two stories, though one press conference gave both.
    const agreed = filing(
      'c',
      0,
      '조국 "민주당 제안한 \'연대·통합 추진준비위\' 구성 동의"',
      '',
      'flash',
    );
    const apology = filing(
      'd',
      60_000,
      '조국 "정청래 사과 받아들여, 혁신당-민주당 연대 단결 강화되길 희망"',
      '',
      'flash',
    );
    expect(familyScore(agreed, apology, defaultFamilySettings)).toBe(0);
  });
});

describe('the memory filing index', () => {
  it('says of each filing it returns whether its story holds a retelling', async () => {
    const index = createMemoryFilingIndex({ windowMs: 12 * hour });
    const flash = filing('urn:a', 0, '尹锡悦宣布紧急戒严', '', 'flash');
    await index.record(flash, 'yna', 'zh');
    const query = { agency: 'yna', language: 'zh', at: hour, text: flash.text };
    expect((await index.candidates(query))[0]?.storyRetold).toBeUndefined();
    // A second flash of the story is not a retelling; its detailed filing is.
    await index.record(
      { ...filing('urn:b', 60_000, '尹锡悦宣布紧急戒严', '', 'flash'), story: 'urn:a' },
      'yna',
      'zh',
    );
    expect((await index.candidates(query)).map((f) => f.storyRetold)).toEqual([
      undefined,
      undefined,
    ]);
    const detailed = filing('urn:c', hour, '韩国总统尹锡悦宣布实施紧急戒严', '', 'follow-up');
    await index.record({ ...detailed, story: 'urn:a' }, 'yna', 'zh');
    expect((await index.candidates(query)).map((f) => [f.uri, f.storyRetold])).toEqual([
      ['urn:a', true],
      ['urn:b', true],
      ['urn:c', true],
    ]);
    expect(await index.candidates({ ...query, language: 'ko' })).toEqual([]);
  });
});
