import type { TitleReason, TitleStatus } from '@patentrack/shared';
import { tx } from '../testing/transactions';
import type { TransactionInput } from '../types';

export interface TitleCase {
  id: string;
  brIds: string;
  transactions: TransactionInput[];
  company: string;
  expected: {
    status: TitleStatus;
    reason: TitleReason | null;
    breakRfId?: string;
    expectedHolderKeys?: string[];
    actualAssignorKeys?: string[];
    employeeLinkCount?: number;
    encumbered?: boolean;
    openSecurityRfIds?: string[];
    displayStatus?: string;
  };
  legacy: { status: TitleStatus; openSecurityRfIds?: string[] };
}

/** §4.2 BT-1…BT-11: the new verdict and the legacy column. */
export const TITLE_CASES: readonly TitleCase[] = [
  {
    id: 'BT-1',
    brIds: 'BR-032, BR-034',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
    ],
    company: 'BETA',
    expected: { status: 'complete', reason: null, employeeLinkCount: 1, displayStatus: 'complete' },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-2',
    brIds: 'BR-033',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'GAMMA', 'BETA'),
    ],
    company: 'BETA',
    expected: {
      status: 'broken',
      reason: 'chain_gap',
      breakRfId: '200-1',
      expectedHolderKeys: ['ACME'],
      actualAssignorKeys: ['GAMMA'],
    },
    legacy: { status: 'broken' },
  },
  {
    id: 'BT-3',
    brIds: 'BR-035',
    transactions: [tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA')],
    company: 'BETA',
    expected: { status: 'broken', reason: 'no_inventor_start', employeeLinkCount: 0 },
    legacy: { status: 'broken' },
  },
  {
    id: 'BT-4',
    brIds: 'BR-035',
    transactions: [],
    company: 'BETA',
    expected: { status: 'broken', reason: 'no_transactions' },
    legacy: { status: 'broken' },
  },
  {
    id: 'BT-5',
    brIds: 'BR-032, BR-033',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME INC'),
      tx('150-1', '2011-01-05', 'namechg', 'ACME INC', 'ACME HOLDINGS'),
      tx('300-1', '2013-01-05', 'merger', 'ACME HOLDINGS', 'BETA'),
    ],
    company: 'BETA',
    expected: { status: 'complete', reason: null },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-6',
    brIds: 'BR-032, D-6',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'BETA'),
      tx('400-1', '2015-01-05', 'security', 'BETA', 'FIRST BANK'),
      tx('500-1', '2018-01-05', 'release', 'FIRST BANK', 'BETA'),
      tx('600-1', '2019-01-05', 'security', 'BETA', 'SECOND BANK'),
    ],
    company: 'BETA',
    expected: {
      status: 'complete',
      reason: null,
      encumbered: true,
      openSecurityRfIds: ['600-1'],
      displayStatus: 'encumbered',
    },
    legacy: { status: 'complete', openSecurityRfIds: ['400-1', '500-1', '600-1'] },
  },
  {
    id: 'BT-7',
    brIds: 'BR-033, BR-034',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('110-1', '2010-06-05', 'correct', 'SMITH', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
      tx('210-1', '2012-05-01', 'assignment', 'ACME', 'BETA'),
    ],
    company: 'BETA',
    expected: { status: 'complete', reason: null },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-8',
    brIds: 'BR-033',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
      tx('250-1', '2013-03-01', 'assignment', 'ACME', 'GAMMA'),
    ],
    company: 'GAMMA',
    expected: {
      status: 'broken',
      reason: 'chain_gap',
      breakRfId: '250-1',
      expectedHolderKeys: ['BETA'],
      actualAssignorKeys: ['ACME'],
    },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-9',
    brIds: 'BR-032',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
    ],
    company: 'ACME',
    expected: { status: 'divested', reason: null, displayStatus: 'divested' },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-10',
    brIds: 'BR-034',
    transactions: [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
      tx('101-1', '2010-02-05', 'employee', 'JONES', 'ACME'),
      tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
    ],
    company: 'BETA',
    expected: { status: 'complete', reason: null, employeeLinkCount: 2 },
    legacy: { status: 'complete' },
  },
  {
    id: 'BT-11',
    brIds: 'BR-032',
    transactions: [tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME')],
    company: 'BETA',
    expected: { status: 'broken', reason: 'not_current_owner' },
    legacy: { status: 'complete' },
  },
];

const EMPLOYEE_START = tx('100-1', '2010-01-05', 'employee', 'SMITH', 'BETA');

/** §4.2 ENC-1…ENC-5 (D-6), on top of an employee start so the chain itself is complete. */
export const ENCUMBRANCE_CASES: readonly {
  id: string;
  transactions: TransactionInput[];
  encumbered: boolean;
  open: string[];
}[] = [
  {
    id: 'ENC-1',
    transactions: [
      EMPLOYEE_START,
      tx('400-1', '2015-01-05', 'security', 'BETA', 'FIRST BANK'),
      tx('500-1', '2018-01-05', 'release', 'FIRST BANK', 'BETA'),
    ],
    encumbered: false,
    open: [],
  },
  {
    id: 'ENC-2',
    transactions: [
      EMPLOYEE_START,
      tx('500-1', '2014-01-05', 'release', 'FIRST BANK', 'BETA'),
      tx('400-1', '2015-01-05', 'security', 'BETA', 'FIRST BANK'),
    ],
    encumbered: true,
    open: ['400-1'],
  },
  {
    id: 'ENC-3',
    transactions: [
      EMPLOYEE_START,
      tx('400-1', '2015-01-05', 'security', 'BETA', 'AGENT ONE'),
      tx('450-1', '2017-01-05', 'security', 'AGENT ONE', 'AGENT TWO'),
      tx('500-1', '2019-01-05', 'release', 'AGENT TWO', 'BETA'),
    ],
    encumbered: false,
    open: [],
  },
  {
    id: 'ENC-4',
    transactions: [
      EMPLOYEE_START,
      tx('400-1', '2015-01-05', 'security', 'BETA', 'BANK A'),
      tx('410-1', '2015-02-05', 'security', 'BETA', 'BANK A'),
      tx('500-1', '2018-01-05', 'release', 'BANK A', 'BETA'),
    ],
    encumbered: false,
    open: [],
  },
  {
    id: 'ENC-5',
    transactions: [
      EMPLOYEE_START,
      tx('400-1', '2015-01-05', 'security', 'BETA', 'BANK A'),
      tx('500-1', '2018-01-05', 'release', 'BANK B', 'BETA', { releaseRfId: '400-1' }),
    ],
    encumbered: false,
    open: [],
  },
];
