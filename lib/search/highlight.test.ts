import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, segmentsToHtml, snippet, type Segment } from '@/lib/search/highlight';
import { parseQuery } from '@/lib/search/query';

const m = (text: string): Segment => ({ text, mark: true });
const u = (text: string): Segment => ({ text, mark: false });
/** Segments as a compact string: marked text in [brackets]. */
const show = (segments: Segment[]): string => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
const hl = (text: string, query: string): string => show(highlight(text, parseQuery(query)));

describe('highlight', () => {
  it('returns the whole text as segments, marking words by stem', () => {
    expect(highlight('Human trafficking and forced labour; trafficked persons.', parseQuery('trafficking'))).toEqual([
      u('Human '),
      m('trafficking'),
      u(' and forced labour; '),
      m('trafficked'),
      u(' persons.'),
    ]);
  });

  it.each([
    // stems and accents
    ['Traffickers, TRAFFICKING and traffic.', 'trafficked', '[Traffickers], [TRAFFICKING] and traffic.'],
    ['Une Étude sur la sécurité', 'etude securite', 'Une [Étude] sur la [sécurité]'],
    ["Côte d'Ivoire and Côte d’Ivoire", '"cote d\'ivoire"', "[Côte d]'[Ivoire] and [Côte d]’[Ivoire]"],
    ['Une e\u0301tude', 'etude', 'Une [e\u0301tude]'],
    // phrase words are marked wherever they are (adjacent marks separated by whitespace merge)
    ['forced labour and labour that is forced', '"forced labour"', '[forced labour] and [labour] that is [forced]'],
    // prefixes match the folded surface, not the stem
    ['Smuggling smugglers smug Smögen', 'smug*', '[Smuggling smugglers smug] Smögen'],
    ['Smuggling smugglers smug Smögen', 'smö*', 'Smuggling smugglers smug [Smögen]'],
    ['sécurité Securitisation', 'secu*', '[sécurité Securitisation]'],
    // OR groups: every alternative is marked
    ['sex work and labour', 'sex OR labour', '[sex] work and [labour]'],
    // marks separated by punctuation do not merge; words inside a hyphenated word are marked on their own
    ['anti-trafficking, trafficking', 'anti trafficking', '[anti]-[trafficking], [trafficking]'],
    ['one  two\nthree', 'one two three', '[one  two\nthree]'],
    // nothing marked / nothing to mark
    ['nothing here', 'trafficking', 'nothing here'],
    ['', 'trafficking', ''],
    ['anything', '', 'anything'],
    // ligatures and emoji keep their original characters
    ['ﬁnances ﬂows 👍🏽 finance', 'finance', '[ﬁnances] ﬂows 👍🏽 [finance]'],
    ['👩‍👩‍👧 victims 🇫🇷', 'victim', '👩‍👩‍👧 [victims] 🇫🇷'],
  ])('%j for %j → %j', (text, query, expected) => {
    expect(hl(text, query)).toBe(expected);
  });

  it('never marks excluded words, even when they are also asked for', () => {
    expect(hl('trafficking for forced labour', 'trafficking -labour')).toBe('[trafficking] for forced labour');
    expect(hl('trafficking for forced labour', '-trafficking')).toBe('trafficking for forced labour');
    expect(hl('labour labourers', 'labour -labour')).toBe('labour labourers');
    expect(hl('labour labourers', 'labour* -labourer*')).toBe('[labour] labourers');
    expect(hl('forced labour; labour is forced', 'labour forced -"forced labour"')).toBe(
      'forced labour; [labour] is [forced]',
    );
    expect(hl('anti-trafficking trafficking', 'trafficking -anti-trafficking')).toBe('anti-trafficking [trafficking]');
  });

  it('concatenates back to the original text', () => {
    const text = 'A <b>bold</b> "claim" & ﬁ e\u0301 😀 trafficking\u0000 — end';
    for (const query of ['trafficking', 'bold claim', 'fi* e', '<b>', '']) {
      expect(highlight(text, parseQuery(query)).map((s) => s.text).join('')).toBe(text);
    }
  });
});

describe('snippet', () => {
  const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

  it('returns the whole text when it has no more than maxWords words', () => {
    expect(show(snippet('A short text about trafficking.', parseQuery('trafficking')))).toBe(
      'A short text about [trafficking].',
    );
    expect(show(snippet(words(5), parseQuery('x'), 5))).toBe('w1 w2 w3 w4 w5');
  });

  it('with nothing marked, takes the first maxWords words and adds …', () => {
    expect(snippet(`${words(10)}.`, parseQuery('absent'), 4)).toEqual([u('w1 w2 w3 w4…')]);
    expect(show(snippet('"Quoted start", then more words here', parseQuery(''), 3))).toBe('"Quoted start", then…');
  });

  it('centres the window on the marks and adds … on both sides', () => {
    const text = `${words(20)} trafficking ${words(20, 21)}`;
    expect(snippet(text, parseQuery('trafficking'), 5)).toEqual([u('…w19 w20 '), m('trafficking'), u(' w21 w22…')]);
  });

  it('picks the window with the most marked words', () => {
    const text = `a trafficking b ${words(10)} trafficking victims trafficked c ${words(10, 11)} trafficking`;
    expect(show(snippet(text, parseQuery('trafficking OR victims'), 5))).toBe(
      '…w10 [trafficking victims trafficked] c…',
    );
  });

  it('on a tie takes the earliest window', () => {
    const text = `${words(8)} victims ${words(8, 9)} victims ${words(8, 17)}`;
    expect(show(snippet(text, parseQuery('victims'), 3))).toBe('…w8 [victims] w9…');
  });

  it('keeps the start or the end of the text without …', () => {
    expect(show(snippet(`Trafficking ${words(20)}`, parseQuery('trafficking'), 4))).toBe('[Trafficking] w1 w2 w3…');
    expect(show(snippet(`${words(20)} trafficking.`, parseQuery('trafficking'), 4))).toBe('…w18 w19 w20 [trafficking].');
    expect(show(snippet(`«${words(20)}`, parseQuery('w1'), 2))).toBe('«[w1] w2…');
  });

  it('never cuts inside a word: hyphenated and punctuated words are kept whole', () => {
    const text = `${words(10)} anti-trafficking (laws) ${words(10, 11)}`;
    // the window holds "trafficking" and "laws"; the cut moves to the whitespace before "anti-" and after "(laws)"
    expect(show(snippet(text, parseQuery('trafficking laws'), 2))).toBe('…anti-[trafficking] ([laws])…');
    const long = `${'x'.repeat(100)}-trafficking-${'y'.repeat(100)}`;
    // no whitespace within reach: the cut falls at the word's edge
    expect(show(snippet(long, parseQuery('trafficking'), 1))).toBe('…[trafficking]…');
  });

  it('counts words as the tokenizer does, with ligatures and astral characters', () => {
    const text = `𝐀 ﬁ 😀 ${words(6)} e\u0301tude ${words(6, 7)}`;
    expect(show(snippet(text, parseQuery('etude'), 3))).toBe('…w6 [e\u0301tude] w7…');
    expect(show(snippet(text, parseQuery('none'), 3))).toBe('𝐀 ﬁ 😀 w1…');
  });

  it('never marks excluded words in a snippet', () => {
    const text = `${words(10)} labour trafficking labour ${words(10, 11)}`;
    expect(show(snippet(text, parseQuery('trafficking -labour'), 3))).toBe('…labour [trafficking] labour…');
  });
});

describe('segmentsToHtml', () => {
  it('escapes & < > " \' in every segment and wraps marks', () => {
    expect(segmentsToHtml([u('a & b < c > d " e \' f'), m('<x>')])).toBe(
      'a &amp; b &lt; c &gt; d &quot; e &#39; f<mark>&lt;x&gt;</mark>',
    );
    expect(segmentsToHtml([])).toBe('');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes script tags in the text', () => {
    const text = 'Report <script>alert("trafficking")</script> & more';
    expect(segmentsToHtml(highlight(text, parseQuery('trafficking')))).toBe(
      'Report &lt;script&gt;alert(&quot;<mark>trafficking</mark>&quot;)&lt;/script&gt; &amp; more',
    );
    expect(segmentsToHtml(highlight(text, parseQuery('<script>')))).toBe(
      'Report &lt;<mark>script</mark>&gt;alert(&quot;trafficking&quot;)&lt;/<mark>script</mark>&gt; &amp; more',
    );
  });

  it('a query of <mark> produces no markup of its own', () => {
    const query = parseQuery('<mark>');
    expect(segmentsToHtml(highlight('plain text', query))).toBe('plain text');
    expect(segmentsToHtml(highlight('a <mark>x</mark> mark', query))).toBe(
      'a &lt;<mark>mark</mark>&gt;x&lt;/<mark>mark</mark>&gt; <mark>mark</mark>',
    );
  });

  it('escapes quotes from the query and the text in snippets', () => {
    const query = parseQuery('"it\'s" -"<b>"');
    expect(segmentsToHtml(snippet(`It's "here" <b>x</b>`, query))).toBe(
      '<mark>It</mark>&#39;<mark>s</mark> &quot;here&quot; &lt;b&gt;x&lt;/b&gt;',
    );
  });
});

describe('highlight in French and Spanish', () => {
  const in_ = (text: string, query: string, language: 'fr' | 'es') => show(highlight(text, parseQuery(query), language));

  it('marks the words whose stem in the text\'s language matches', () => {
    expect(in_('Les traites des personnes', 'traite personne', 'fr')).toBe('Les [traites] des [personnes]');
    expect(in_('Trata de Personas', '"trata de persona"', 'es')).toBe('[Trata de Personas]');
    expect(in_('Les traitées', 'traite', 'fr')).toBe('Les traitées');
    // Spanish "persona" and "personas" are one stem; English Porter keeps them apart from "person".
    expect(in_('Personas y persona', 'person', 'es')).toBe('[Personas] y [persona]');
    expect(show(highlight('Personas y persona', parseQuery('person')))).toBe('Personas y persona');
  });

  it('snips around stemmed matches', () => {
    const text = `${'mot '.repeat(40)}la trata de personas ${'fin '.repeat(40)}`;
    expect(show(snippet(text, parseQuery('persona'), 6, 'es'))).toContain('[personas]');
  });
});
