import type { DiagramBox, DiagramConnection, DiagramPopup } from '@patentrack/shared';
import { tx } from '../testing/transactions';
import type { AssetInput, TransactionInput } from '../types';

export const DIAGRAM_ASSET: AssetInput = {
  assetId: 'A1',
  appnoDocNum: '11111111',
  grantDocNum: '7654321',
  appnoDate: '2004-06-01',
  grantDate: '2007-01-02',
  layoutId: 15,
  title: 'Widget',
};

export interface DiagramCase {
  title: string;
  /** `T(a)` of asset A1 for company BETA. */
  transactions: TransactionInput[];
  boxes: Partial<DiagramBox>[];
  connections: Partial<DiagramConnection>[];
  popups: Partial<DiagramPopup>[];
}

/** §5.8 example, plus a licence case (pairs per transaction, Licenses boxes, LicenseEnd label). */
export const DIAGRAM_CASES: readonly DiagramCase[] = [
  {
    title: '§5.8 example: SMITH seg 0, BETA seg 1, FIRST BANK seg 2; 3 connections = arrows',
    transactions: [
      tx('100-1', '2005-03-01', 'employee', 'SMITH', 'BETA', {
        recordDate: '2005-03-10',
        assigneeCountry: 'UNITED STATES',
      }),
      tx('400-1', '2010-01-01', 'security', 'BETA', 'FIRST BANK', { recordDate: '2010-01-20', pageCount: 7 }),
      tx('500-1', '2012-01-01', 'release', 'FIRST BANK', 'BETA', {
        recordDate: '2012-02-01',
        correspondent: { name: 'LAW LLP', address: ['1 MAIN ST', 'NEW YORK, NY'] },
      }),
    ],
    boxes: [
      {
        id: 1,
        name: 'SMITH',
        segment: 0,
        boxType: 'Inventor',
        color: null,
        date: '2005-03-01',
        assignmentNo: 1,
        flag: null,
      },
      {
        id: 2,
        name: 'BETA',
        segment: 1,
        boxType: 'Ownership',
        color: '#E60000',
        date: '2005-03-01',
        assignmentNo: 1,
        flag: 'us',
      },
      {
        id: 3,
        name: 'FIRST BANK',
        segment: 2,
        boxType: 'Security',
        color: '#ffaa00',
        date: '2010-01-01',
        assignmentNo: 2,
        flag: null,
      },
    ],
    connections: [
      {
        id: 1,
        from: 1,
        to: 2,
        label: 'Ownership',
        category: 'Ownership',
        color: '#E60000',
        assignmentNo: 1,
        popup: 0,
      },
      {
        id: 2,
        from: 2,
        to: 3,
        label: 'Security',
        category: 'Security',
        color: '#ffaa00',
        assignmentNo: 2,
        popup: 1,
      },
      {
        id: 3,
        from: 3,
        to: 2,
        label: 'Release',
        category: 'Release',
        color: '#70A800',
        assignmentNo: 3,
        popup: 2,
      },
    ],
    popups: [
      {
        rfId: '100-1',
        daysExecToRecord: 9,
        mailDate: null,
        conveyanceType: 'employee',
        assignors: ['SMITH'],
        assignees: ['BETA'],
      },
      { rfId: '400-1', daysExecToRecord: 19, pageCount: 7 },
      { rfId: '500-1', correspondent: { name: 'LAW LLP', address: ['1 MAIN ST', 'NEW YORK, NY'] } },
    ],
  },
  {
    title: 'one connection per distinct (assignor, assignee) pair (D-23); licensees get Licenses boxes',
    transactions: [
      tx('100-1', '2005-03-01', 'employee', ['SMITH', 'JONES'], 'BETA'),
      tx('700-1', '2015-01-01', 'license', 'BETA', ['LICENSEE', 'LICENSEE']),
      tx('800-1', '2016-01-01', 'licenseend', 'BETA', 'LICENSEE'),
    ],
    boxes: [
      { id: 1, name: 'SMITH', segment: 0 },
      { id: 2, name: 'JONES', segment: 0 },
      { id: 3, name: 'BETA', segment: 1 },
      { id: 4, name: 'LICENSEE', segment: 3, boxType: 'Licenses', color: '#E6E600' },
    ],
    connections: [
      { from: 1, to: 3, label: 'Ownership' },
      { from: 2, to: 3, label: 'Ownership' },
      { from: 3, to: 4, label: 'License', color: '#E6E600' },
      { from: 3, to: 4, label: 'LicenseEnd', category: 'LicenseEnd' },
    ],
    popups: [{ rfId: '100-1' }, { rfId: '700-1', assignees: ['LICENSEE', 'LICENSEE'] }, { rfId: '800-1' }],
  },
];
