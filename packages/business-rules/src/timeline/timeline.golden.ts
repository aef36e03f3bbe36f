import { tx } from '../testing/transactions';
import type { CompanyInput, TransactionInput } from '../types';
import type { TimelineEntry } from './build-timeline';

const doc = (appnoDate: string) => ({
  documents: [{ appnoDocNum: '12345678', grantDocNum: null, appnoDate }],
});

export interface TimelineCase {
  title: string;
  transactions: TransactionInput[];
  company: CompanyInput;
  expected: Partial<TimelineEntry>[];
}

/** §5.4 example plus the year filter (BR-039), D-19 licences, both-sides and sequence cases. */
export const TIMELINE_CASES: readonly TimelineCase[] = [
  {
    title: '§5.4 example: ACME→BETA seen from BETA is one assignor row with its own execution date',
    transactions: [
      tx('200-1', '2012-02-20', 'assignment', 'ACME', 'BETA', {
        recordDate: '2012-03-01',
        ...doc('2005-01-01'),
      }),
    ],
    company: { partyKeys: ['BETA'] },
    expected: [
      {
        rfId: '200-1',
        reelNo: 200,
        frameNo: 1,
        recordDate: '2012-03-01',
        partyRole: 'assignor',
        originalName: 'ACME',
        entityId: 'ACME',
        execDate: '2012-02-20',
        conveyType: 'assignment',
        employerAssign: false,
        category: 'ownership',
        sequence: 1,
      },
    ],
  },
  {
    title: 'BR-039: only transactions linked to a document filed after appYearAfter; D-19 licences included',
    transactions: [
      tx('100-1', '1998-01-01', 'employee', 'SMITH', 'BETA', doc('1999-12-31')),
      tx('700-1', '2016-01-01', 'license', 'BETA', ['LICENSEE B', 'LICENSEE A'], doc('2000-01-01')),
      tx('100-2', '2001-01-01', 'employee', 'JONES', 'BETA', doc('2000-06-01')),
    ],
    company: { partyKeys: ['BETA'] },
    expected: [
      {
        sequence: 1,
        rfId: '100-2',
        partyRole: 'assignor',
        originalName: 'JONES',
        category: 'employee',
        execDate: '2001-01-01',
      },
      {
        sequence: 2,
        rfId: '700-1',
        partyRole: 'assignee',
        originalName: 'LICENSEE A',
        category: 'license',
        execDate: '2016-01-01',
      },
      {
        sequence: 3,
        rfId: '700-1',
        partyRole: 'assignee',
        originalName: 'LICENSEE B',
        category: 'license',
        execDate: '2016-01-01',
      },
    ],
  },
  {
    title: 'c on both sides gives assignor rows before assignee rows; categories follow the type',
    transactions: [
      tx('600-1', '2015-01-01', 'namechg', ['BETA', 'ZED'], ['BETA NEW'], doc('2010-01-01')),
      tx('400-1', '2014-01-01', 'security', 'BETA', 'BANK', doc('2010-01-01')),
    ],
    company: { partyKeys: ['BETA', 'BETA NEW'] },
    expected: [
      { sequence: 1, rfId: '400-1', partyRole: 'assignee', originalName: 'BANK', category: 'security' },
      { sequence: 2, rfId: '600-1', partyRole: 'assignor', originalName: 'BETA', category: 'administrative' },
      { sequence: 3, rfId: '600-1', partyRole: 'assignor', originalName: 'ZED', category: 'administrative' },
      {
        sequence: 4,
        rfId: '600-1',
        partyRole: 'assignee',
        originalName: 'BETA NEW',
        category: 'administrative',
      },
    ],
  },
];
