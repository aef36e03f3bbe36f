import fc from 'fast-check';
import { diagramSchema } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company, tx } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import type { AssetInput, TransactionInput } from '../types';
import { buildDiagram } from './build-diagram';
import { countryFlag } from './country';

const A1: AssetInput = {
  assetId: 'A1',
  appnoDocNum: '11111111',
  grantDocNum: '7654321',
  appnoDate: '2004-06-01',
  grantDate: '2007-01-02',
  layoutId: 15,
  title: 'Widget',
};

const example: TransactionInput[] = [
  tx('100-1', '2005-03-01', 'employee', 'SMITH', 'BETA', {
    recordDate: '2005-03-10',
    assigneeCountry: 'UNITED STATES',
  }),
  tx('400-1', '2010-01-01', 'security', 'BETA', 'FIRST BANK', { recordDate: '2010-01-20', pageCount: 7 }),
  tx('500-1', '2012-01-01', 'release', 'FIRST BANK', 'BETA', {
    recordDate: '2012-02-01',
    correspondent: { name: 'LAW LLP', address: ['1 MAIN ST', 'NEW YORK, NY'] },
  }),
];

const diagramOf = (transactions: TransactionInput[]) =>
  buildDiagram({
    organizationId: 'org-1',
    asset: A1,
    transactions,
    assessment: assessTitle({ transactions, company: company('BETA') }),
    generatedAt: '2026-01-01T00:00:00.000Z',
  });

describe('buildDiagram', () => {
  it('§5.8 example: three boxes by segment, three connections (= arrows), popups with days from execution to recording', () => {
    const diagram = diagramOf(example);
    expect(
      diagram.boxes.map((b) => [b.id, b.name, b.segment, b.boxType, b.color, b.date, b.assignmentNo, b.flag]),
    ).toEqual([
      [1, 'SMITH', 0, 'Inventor', null, '2005-03-01', 1, null],
      [2, 'BETA', 1, 'Ownership', '#E60000', '2005-03-01', 1, 'us'],
      [3, 'FIRST BANK', 2, 'Security', '#ffaa00', '2010-01-01', 2, null],
    ]);
    expect(
      diagram.connections.map((c) => [c.from, c.to, c.label, c.category, c.color, c.assignmentNo, c.popup]),
    ).toEqual([
      [1, 2, 'Ownership', 'Ownership', '#E60000', 1, 0],
      [2, 3, 'Security', 'Security', '#ffaa00', 2, 1],
      [3, 2, 'Release', 'Release', '#70A800', 3, 2],
    ]);
    expect(diagram.popups[0]).toMatchObject({
      rfId: '100-1',
      daysExecToRecord: 9,
      mailDate: null,
      conveyanceType: 'employee',
    });
    expect(diagram.popups[2]?.correspondent).toEqual({
      name: 'LAW LLP',
      address: ['1 MAIN ST', 'NEW YORK, NY'],
    });
    expect(diagram.general).toMatchObject({
      application: '11111111',
      patent: '7654321',
      logoUrl: '/api/v1/organizations/org-1/logo',
      status: 'complete',
      displayStatus: 'complete',
      encumbered: false,
    });
    expect(diagramSchema.parse(diagram)).toEqual(diagram);
  });

  it('§5.8: one connection per distinct (assignor, assignee) pair (D-23); licensees get Licenses boxes', () => {
    const diagram = diagramOf([
      tx('100-1', '2005-03-01', 'employee', ['SMITH', 'JONES'], 'BETA'),
      tx('700-1', '2015-01-01', 'license', 'BETA', ['LICENSEE', 'LICENSEE']),
      tx('800-1', '2016-01-01', 'licenseend', 'BETA', 'LICENSEE'),
    ]);
    expect(diagram.connections.map((c) => [c.from, c.to, c.label])).toEqual([
      [1, 3, 'Ownership'],
      [2, 3, 'Ownership'],
      [3, 4, 'License'],
      [3, 4, 'LicenseEnd'],
    ]);
    expect(diagram.boxes[3]).toMatchObject({
      name: 'LICENSEE',
      segment: 3,
      boxType: 'Licenses',
      color: '#E6E600',
    });
  });

  it('§5.8: the same input in any order serializes to byte-identical JSON', () => {
    const expected = JSON.stringify(diagramOf(example));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(example, { minLength: example.length, maxLength: example.length }),
        (shuffled) => {
          expect(JSON.stringify(diagramOf(shuffled))).toBe(expected);
        },
      ),
    );
  });

  it('§5.8: flags are lowercase ISO alpha-2 from a code or an English country name', () => {
    expect([
      countryFlag('JAPAN'),
      countryFlag('DE'),
      countryFlag('Germany'),
      countryFlag('ATLANTIS'),
      countryFlag(null),
    ]).toEqual(['jp', 'de', 'de', null, null]);
  });
});
