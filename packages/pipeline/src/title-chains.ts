import type { TitleReason, TitleStatus } from '@patentrack/shared';

/**
 * A recorded transaction in compact form: what the worked examples and synthetic portfolios generate, written
 * as daily-file XML (the demo seed) or straight into the public tables (tests, benchmarks).
 */
export interface RecordedTransaction {
  rfId: string;
  conveyText: string;
  recordDate: string;
  assignors: { name: string; execDate?: string | null }[];
  assignees: { name: string; country?: string | null }[];
  documents: { appno: string | null; grant?: string | null; appnoDate?: string | null }[];
  correspondent?: string | null;
}

/** Conveyance texts that classify (BR-001…012) into each type the examples use. */
export const CONVEYANCE_TEXT = {
  employee: 'EMPLOYMENT AGREEMENT',
  assignment: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
  namechg: 'CHANGE OF NAME (SEE DOCUMENT FOR DETAILS).',
  merger: 'MERGER (SEE DOCUMENT FOR DETAILS).',
  correct: 'CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNEE NAME',
  security: 'SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).',
  release: 'RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).',
} as const;
type ExampleType = keyof typeof CONVEYANCE_TEXT;

/** One transaction of a worked example: `[rf, date, type, assignors, assignees, conveyance text override]`. */
type Step = [rf: string, date: string, type: ExampleType, from: string[], to: string[], text?: string];

export interface TitleChainExample {
  id: string;
  company: string;
  /** Bibliographic (face) assignee of the grant, when the example names one. */
  faceAssignee?: string;
  steps: Step[];
  expected: {
    status: TitleStatus;
    reason: TitleReason | null;
    breakRf?: string;
    encumbered: boolean;
    openSecurities?: string[];
    employeeLinks?: number;
  };
}

const SMITH = 'SMITH, JOHN A';
const employee = (to: string, rf = '100-1', date = '2010-01-05'): Step => [
  rf,
  date,
  'employee',
  [SMITH],
  [to],
];

/** business-rules §4.2: BT-1…BT-11 and ENC-1…ENC-5 as data (one asset per example). */
export const TITLE_CHAIN_EXAMPLES: readonly TitleChainExample[] = [
  {
    id: 'BT-1',
    company: 'BETA',
    steps: [employee('ACME'), ['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']]],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'BT-2',
    company: 'BETA',
    steps: [employee('ACME'), ['200-1', '2012-03-01', 'assignment', ['GAMMA'], ['BETA']]],
    expected: { status: 'broken', reason: 'chain_gap', breakRf: '200-1', encumbered: false },
  },
  {
    id: 'BT-3',
    company: 'BETA',
    steps: [['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']]],
    expected: { status: 'broken', reason: 'no_inventor_start', encumbered: false },
  },
  {
    id: 'BT-4',
    company: 'BETA',
    faceAssignee: 'BETA',
    steps: [],
    expected: { status: 'broken', reason: 'no_transactions', encumbered: false },
  },
  {
    id: 'BT-5',
    company: 'BETA',
    steps: [
      employee('ACME INC'),
      ['150-1', '2011-01-01', 'namechg', ['ACME INC'], ['ACME HOLDINGS']],
      ['300-1', '2013-01-01', 'merger', ['ACME HOLDINGS'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'BT-6',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['400-1', '2015-01-01', 'security', ['BETA'], ['FIRST BANK']],
      ['500-1', '2018-01-01', 'release', ['FIRST BANK'], ['BETA']],
      ['600-1', '2019-01-01', 'security', ['BETA'], ['SECOND BANK']],
    ],
    expected: { status: 'complete', reason: null, encumbered: true, openSecurities: ['600-1'] },
  },
  {
    id: 'BT-7',
    company: 'BETA',
    steps: [
      employee('ACME'),
      ['110-1', '2010-02-01', 'correct', [SMITH], ['ACME']],
      ['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']],
      ['210-1', '2012-04-01', 'assignment', ['ACME'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'BT-8',
    company: 'GAMMA',
    steps: [
      employee('ACME'),
      ['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']],
      ['250-1', '2013-03-01', 'assignment', ['ACME'], ['GAMMA']],
    ],
    expected: { status: 'broken', reason: 'chain_gap', breakRf: '250-1', encumbered: false },
  },
  {
    id: 'BT-9',
    company: 'ACME',
    steps: [employee('ACME'), ['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']]],
    expected: { status: 'divested', reason: null, encumbered: false },
  },
  {
    id: 'BT-10',
    company: 'BETA',
    steps: [
      employee('ACME'),
      ['101-1', '2010-01-06', 'employee', ['JONES, MARY'], ['ACME']],
      ['200-1', '2012-03-01', 'assignment', ['ACME'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false, employeeLinks: 2 },
  },
  {
    id: 'BT-11',
    company: 'BETA',
    faceAssignee: 'BETA',
    steps: [employee('ACME')],
    expected: { status: 'broken', reason: 'not_current_owner', encumbered: false },
  },
  {
    id: 'ENC-1',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['400-1', '2015-01-01', 'security', ['BETA'], ['FIRST BANK']],
      ['500-1', '2018-01-01', 'release', ['FIRST BANK'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'ENC-2',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['500-1', '2014-01-01', 'release', ['FIRST BANK'], ['BETA']],
      ['400-1', '2015-01-01', 'security', ['BETA'], ['FIRST BANK']],
    ],
    expected: { status: 'complete', reason: null, encumbered: true, openSecurities: ['400-1'] },
  },
  {
    id: 'ENC-3',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['400-1', '2015-01-01', 'security', ['BETA'], ['AGENT ONE']],
      ['450-1', '2017-01-01', 'security', ['AGENT ONE'], ['AGENT TWO']],
      ['500-1', '2019-01-01', 'release', ['AGENT TWO'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'ENC-4',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['400-1', '2015-01-01', 'security', ['BETA'], ['BANK A']],
      ['410-1', '2015-02-01', 'security', ['BETA'], ['BANK A']],
      ['500-1', '2018-01-01', 'release', ['BANK A'], ['BETA']],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
  {
    id: 'ENC-5',
    company: 'BETA',
    steps: [
      employee('BETA'),
      ['400-1', '2015-01-01', 'security', ['BETA'], ['BANK A']],
      [
        '500-1',
        '2018-01-01',
        'release',
        ['BANK B'],
        ['BETA'],
        'RELEASE OF SECURITY INTEREST AT REEL/FRAME {400-1}',
      ],
    ],
    expected: { status: 'complete', reason: null, encumbered: false },
  },
];

/** Example-local rf `"400-1"` → a unique canonical rf_id per example (`{reel}-{frame}`, zero-padded). */
export function exampleRfId(index: number, localRf: string): string {
  const [reel, frame] = localRf.split('-').map(Number) as [number, number];
  return `${String(90_000 + index * 1_000 + reel).padStart(6, '0')}-${String(frame).padStart(4, '0')}`;
}

/** Application and grant numbers of an example's asset (filed 2005, granted: eligible under the defaults). */
export const exampleAsset = (index: number) => ({
  appno: `16${String(index + 1).padStart(6, '0')}`,
  grant: String(10_000_000 + index + 1),
  appnoDate: '2005-06-01',
});

/** The transactions of an example with real-looking conveyance texts, all naming the example's asset. */
export function exampleTransactions(index: number, example: TitleChainExample): RecordedTransaction[] {
  const asset = exampleAsset(index);
  return example.steps.map(([rf, date, type, from, to, text]) => ({
    rfId: exampleRfId(index, rf),
    conveyText: (text ?? CONVEYANCE_TEXT[type]).replace(/\{([\d-]+)\}/, (_m, local: string) =>
      exampleRfId(index, local).replace('-', '/'),
    ),
    recordDate: date,
    assignors: from.map((name) => ({ name, execDate: date })),
    assignees: to.map((name) => ({ name })),
    documents: [{ appno: asset.appno, grant: asset.grant, appnoDate: asset.appnoDate }],
  }));
}
