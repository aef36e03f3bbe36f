import { describe, expect, it } from 'vitest';
import { company, tx } from '../testing/transactions';
import { buildTimeline } from './build-timeline';

const doc = (appnoDate: string) => ({
  documents: [{ appnoDocNum: '12345678', grantDocNum: null, appnoDate }],
});

describe('buildTimeline', () => {
  it('§5.4 example: ACME→BETA seen from BETA is one assignor row with its own execution date', () => {
    const rows = buildTimeline({
      transactions: [
        tx('200-1', '2012-02-20', 'assignment', 'ACME', 'BETA', {
          recordDate: '2012-03-01',
          ...doc('2005-01-01'),
        }),
      ],
      company: company('BETA'),
    });
    expect(rows).toEqual([
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
    ]);
  });

  it('BR-039: only transactions linked to a document filed after appYearAfter; D-19 licences included', () => {
    const rows = buildTimeline({
      transactions: [
        tx('100-1', '1998-01-01', 'employee', 'SMITH', 'BETA', doc('1999-12-31')),
        tx('700-1', '2016-01-01', 'license', 'BETA', ['LICENSEE B', 'LICENSEE A'], doc('2000-01-01')),
        tx('100-2', '2001-01-01', 'employee', 'JONES', 'BETA', doc('2000-06-01')),
      ],
      company: company('BETA'),
    });
    expect(
      rows.map((row) => [
        row.sequence,
        row.rfId,
        row.partyRole,
        row.originalName,
        row.category,
        row.execDate,
      ]),
    ).toEqual([
      [1, '100-2', 'assignor', 'JONES', 'employee', '2001-01-01'],
      [2, '700-1', 'assignee', 'LICENSEE A', 'license', '2016-01-01'],
      [3, '700-1', 'assignee', 'LICENSEE B', 'license', '2016-01-01'],
    ]);
  });

  it('§5.4: c on both sides gives assignor rows before assignee rows; categories follow the type', () => {
    const rows = buildTimeline({
      transactions: [
        tx('600-1', '2015-01-01', 'namechg', ['BETA', 'ZED'], ['BETA NEW'], doc('2010-01-01')),
        tx('400-1', '2014-01-01', 'security', 'BETA', 'BANK', doc('2010-01-01')),
      ],
      company: { partyKeys: ['BETA', 'BETA NEW'] },
    });
    expect(rows.map((row) => [row.rfId, row.partyRole, row.originalName, row.category])).toEqual([
      ['400-1', 'assignee', 'BANK', 'security'],
      ['600-1', 'assignor', 'BETA', 'administrative'],
      ['600-1', 'assignor', 'ZED', 'administrative'],
      ['600-1', 'assignee', 'BETA NEW', 'administrative'],
    ]);
  });
});
