// The judged query set: what researchers of this briefing type, and the section each query must put first
// (null: no section holds the words). A typo also names the search it must suggest. Used by the search-quality
// test (tests/browser/search-quality.test.ts) and by `npm run bench` for this site and Starlight alike.

export const SECTIONS = {
  ufwd: 'The United Front Work Department',
  wolf: 'Wolf-warrior diplomacy on Twitter',
  sharp: 'Sharp power',
  joske: 'Alex Joske’s report and recommendations',
  webinar: 'Webinar: China at a Crossroads',
} as const;

export interface JudgedQuery {
  query: string;
  kind: 'name' | 'concept' | 'heading' | 'number' | 'phrase' | 'form' | 'abbreviation' | 'typo' | 'chinese';
  /** The section that must come first; null when no section holds the words. */
  first: string | null;
  /** For a typo: the search "Did you mean …?" must offer. */
  suggest?: string;
}

const { ufwd, wolf, sharp, joske, webinar } = SECTIONS;

export const JUDGED: JudgedQuery[] = [
  // People, organisations and other names.
  { query: 'Joske', kind: 'name', first: joske },
  { query: 'Alex Joske', kind: 'name', first: joske },
  { query: 'Kristine Lee', kind: 'name', first: sharp },
  { query: 'Lea Gabrielle', kind: 'name', first: sharp },
  { query: 'Xi Jinping', kind: 'name', first: ufwd },
  { query: "Kate O'Keefe", kind: 'name', first: ufwd },
  { query: 'Sarah Cook', kind: 'name', first: webinar },
  { query: 'Irwin Cotler', kind: 'name', first: webinar },
  { query: 'Jewher Ilham', kind: 'name', first: webinar },
  { query: 'Wallenberg', kind: 'name', first: webinar },
  { query: 'Freedom House', kind: 'name', first: webinar },
  { query: 'WeChat', kind: 'name', first: ufwd },
  { query: 'Next Dim', kind: 'name', first: wolf },
  { query: 'Cambridge', kind: 'name', first: wolf },
  { query: 'New York Times', kind: 'name', first: wolf },
  // Concepts.
  { query: 'united front', kind: 'concept', first: ufwd },
  { query: 'sharp power', kind: 'concept', first: sharp },
  { query: 'wolf warrior', kind: 'concept', first: wolf },
  { query: 'foreign interference', kind: 'concept', first: joske },
  { query: 'diaspora', kind: 'concept', first: ufwd },
  { query: 'disinformation', kind: 'concept', first: sharp },
  { query: 'human rights', kind: 'concept', first: webinar },
  { query: 'political prisoners', kind: 'concept', first: webinar },
  { query: 'legitimacy', kind: 'concept', first: joske },
  { query: 'experimentation', kind: 'concept', first: sharp },
  { query: 'censor', kind: 'concept', first: ufwd },
  // A word in the section's title or a heading ranks above the same word in passing elsewhere.
  { query: 'Twitter', kind: 'heading', first: wolf },
  { query: 'department', kind: 'heading', first: ufwd },
  { query: 'study', kind: 'heading', first: ufwd },
  { query: 'co-sponsors', kind: 'heading', first: webinar },
  // Numbers and dates.
  { query: '4,600', kind: 'number', first: wolf },
  { query: '4600', kind: 'number', first: wolf },
  { query: 'June 9', kind: 'number', first: webinar },
  // Phrases.
  { query: '"sharp power"', kind: 'phrase', first: sharp },
  { query: '"wolf warrior diplomacy"', kind: 'phrase', first: wolf },
  { query: '"hallelujah chorus"', kind: 'phrase', first: wolf },
  { query: '"united front" WeChat', kind: 'phrase', first: ufwd },
  { query: '"political prisoners"', kind: 'phrase', first: webinar },
  // Other forms of a word.
  { query: 'influencer', kind: 'form', first: wolf },
  { query: 'influencers', kind: 'form', first: wolf },
  { query: 'diasporas', kind: 'form', first: ufwd },
  { query: 'interfering', kind: 'form', first: joske },
  { query: 'tweets', kind: 'form', first: wolf },
  { query: 'co-opting', kind: 'form', first: joske },
  { query: 'Joske’s report', kind: 'form', first: joske },
  // Abbreviations.
  { query: 'UFWD', kind: 'abbreviation', first: ufwd },
  { query: 'CCP', kind: 'abbreviation', first: joske },
  { query: 'CPC', kind: 'abbreviation', first: joske },
  { query: 'ASPI', kind: 'abbreviation', first: ufwd },
  { query: 'NED', kind: 'abbreviation', first: sharp },
  { query: 'CNAS', kind: 'abbreviation', first: sharp },
  { query: 'RWCHR', kind: 'abbreviation', first: webinar },
  { query: 'MIGS', kind: 'abbreviation', first: webinar },
  { query: 'PRC', kind: 'abbreviation', first: joske },
  { query: 'WSJ', kind: 'abbreviation', first: ufwd },
  { query: 'Covid', kind: 'abbreviation', first: sharp },
  { query: 'wolf-warrior', kind: 'abbreviation', first: wolf },
  { query: 'UFWD WeChat', kind: 'abbreviation', first: ufwd },
  // Typos and other spellings.
  { query: 'untied front', kind: 'typo', first: null, suggest: 'united front' },
  { query: 'Uighur', kind: 'typo', first: null, suggest: 'Uyghur' },
  { query: 'wolf warier', kind: 'typo', first: null, suggest: 'wolf warrior' },
  { query: 'sharpe power', kind: 'typo', first: sharp, suggest: 'sharp power' },
  { query: 'Joskie', kind: 'typo', first: joske },
  { query: 'Gabriele', kind: 'typo', first: sharp },
  { query: 'Kristin Lee', kind: 'typo', first: sharp },
  // Chinese.
  { query: '统战部', kind: 'chinese', first: ufwd },
  { query: '中共中央统一战线工作部', kind: 'chinese', first: ufwd },
  { query: '中央統戰部', kind: 'chinese', first: ufwd },
  { query: '中国共产党', kind: 'chinese', first: joske },
  { query: '习近平', kind: 'chinese', first: ufwd },
  { query: '战狼外交', kind: 'chinese', first: wolf },
  { query: '盛雪', kind: 'chinese', first: webinar },
  { query: '统一战线', kind: 'chinese', first: ufwd },
];
