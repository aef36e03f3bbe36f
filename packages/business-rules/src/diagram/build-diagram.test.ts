import fc from 'fast-check';
import { diagramSchema } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company } from '../testing/transactions';
import { assessTitle } from '../title/assess-title';
import type { TransactionInput } from '../types';
import { buildDiagram } from './build-diagram';
import { countryFlag } from './country';
import { DIAGRAM_ASSET, DIAGRAM_CASES } from './diagram.golden';

const diagramOf = (transactions: readonly TransactionInput[]) =>
  buildDiagram({
    organizationId: 'org-1',
    asset: DIAGRAM_ASSET,
    transactions,
    assessment: assessTitle({ transactions, company: company('BETA') }),
    generatedAt: '2026-01-01T00:00:00.000Z',
  });

const expectRows = <T>(actual: T[], expected: Partial<T>[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => expect(row).toMatchObject(expected[i]!));
};

describe('buildDiagram', () => {
  it.each(DIAGRAM_CASES)('$title', ({ transactions, boxes, connections, popups }) => {
    const diagram = diagramOf(transactions);
    expectRows(diagram.boxes, boxes);
    expectRows(diagram.connections, connections);
    expectRows(diagram.popups, popups);
    expect(diagramSchema.parse(diagram)).toEqual(diagram);
  });

  it('§5.8: general carries the asset, a stable logo path and the title verdict', () => {
    expect(diagramOf(DIAGRAM_CASES[0]!.transactions).general).toEqual({
      application: '11111111',
      patent: '7654321',
      title: 'Widget',
      appnoDate: '2004-06-01',
      grantDate: '2007-01-02',
      logoUrl: '/api/v1/organizations/org-1/logo',
      status: 'complete',
      displayStatus: 'complete',
      encumbered: false,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('§5.8: the same input in any order serializes to byte-identical JSON', () => {
    const { transactions } = DIAGRAM_CASES[0]!;
    const expected = JSON.stringify(diagramOf(transactions));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(transactions, { minLength: transactions.length, maxLength: transactions.length }),
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
