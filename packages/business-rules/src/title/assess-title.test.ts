import fc from 'fast-check';
import { LEGACY_PARITY_RULES_CONFIG, parseRulesConfig } from '@patentrack/shared';
import { describe, expect, it } from 'vitest';
import { company, tx } from '../testing/transactions';
import type { TransactionInput } from '../types';
import { assessTitle, openSecurities } from './assess-title';
import { companyAssetIds, isEligibleAsset, transactionsOfAsset } from './membership';
import { parseReleaseRfId } from './release-reference';
import { ENCUMBRANCE_CASES, TITLE_CASES } from './title.golden';

describe('assessTitle — worked examples', () => {
  it.each(TITLE_CASES)(
    '$id ($brIds): $expected.status $expected.reason',
    ({ transactions, company: name, expected }) => {
      expect(assessTitle({ transactions, company: company(name) })).toMatchObject(expected);
    },
  );

  it.each(TITLE_CASES)(
    '$id ($brIds) legacy parity: $legacy.status',
    ({ transactions, company: name, legacy }) => {
      const result = assessTitle({
        transactions,
        company: company(name),
        config: LEGACY_PARITY_RULES_CONFIG,
      });
      expect(result.status).toBe(legacy.status);
      if (legacy.openSecurityRfIds) expect(result.openSecurityRfIds).toEqual(legacy.openSecurityRfIds);
    },
  );

  it.each(ENCUMBRANCE_CASES)('D-6 $id: encumbered $encumbered', ({ transactions, encumbered, open }) => {
    const result = assessTitle({ transactions, company: company('BETA') });
    expect(result.encumbered).toBe(encumbered);
    expect(result.openSecurityRfIds).toEqual(open);
    expect(result.displayStatus).toBe(encumbered ? 'encumbered' : 'complete');
  });

  it('BR-033: neutral types neither create nor break links (D-2)', () => {
    const result = assessTitle({
      transactions: [
        tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
        tx('150-1', '2011-01-05', 'license', 'ACME', 'LICENSEE'),
        tx('160-1', '2011-02-05', 'security', 'ZETA', 'BANK'),
        tx('200-1', '2012-03-01', 'assignment', 'ACME', 'BETA'),
      ],
      company: company('BETA'),
    });
    expect(result).toMatchObject({
      status: 'complete',
      chainRfIds: ['100-1', '200-1'],
      finalHolderKeys: ['BETA'],
    });
  });

  it('BR-035: no link transaction at all (only neutral ones) is no_transactions', () => {
    const transactions = [
      tx('700-1', '2016-01-01', 'license', 'ACME', 'BETA'),
      tx('710-1', '2016-02-01', 'missing', 'ACME', 'BETA'),
    ];
    expect(assessTitle({ transactions, company: company('BETA') })).toMatchObject({
      status: 'broken',
      reason: 'no_transactions',
    });
  });

  it('BR-033: a partial assignment adds to the holders instead of replacing them', () => {
    const result = assessTitle({
      transactions: [
        tx('100-1', '2010-01-05', 'employee', 'SMITH', 'ACME'),
        tx('200-1', '2011-01-05', 'partialassignment', 'ACME', 'BETA'),
        tx('300-1', '2012-01-05', 'assignment', 'ACME', 'GAMMA'),
      ],
      company: company('GAMMA'),
    });
    expect(result.status).toBe('complete');
  });

  it('BR-032: the company is also recognized by its normalized name when its key differs (§0.1)', () => {
    const transactions = [tx('100-1', '2010-01-05', 'employee', 'SMITH', 'BETA CORPORATION')];
    expect(
      assessTitle({ transactions, company: { partyKeys: ['other-key'], names: ['Beta Corp'] } }).status,
    ).toBe('complete');
  });

  it('BR-032: requireOwnerAtEnd off (legacy D-5) never reports not_current_owner', () => {
    const config = parseRulesConfig({ chain: { requireOwnerAtEnd: false } });
    expect(
      assessTitle({
        transactions: TITLE_CASES.find((c) => c.id === 'BT-11')!.transactions,
        company: company('BETA'),
        config,
      }).status,
    ).toBe('complete');
  });
});

describe('release references and securities', () => {
  it('D-6: release_rf_id is parsed from the conveyance text', () => {
    expect(parseReleaseRfId('RELEASE OF SECURITY INTEREST AT REEL/FRAME 048811/0679')).toBe('048811-0679');
    expect(parseReleaseRfId('RELEASE OF SECURITY INTEREST AT REEL/FRAME NO. 49111/0583')).toBe('049111-0583');
    expect(
      parseReleaseRfId('TERMINATION AND RELEASE OF SECURITY INTEREST RECORDED AT REEL 048818/FRAME 0520'),
    ).toBe('048818-0520');
    expect(parseReleaseRfId('RELEASE BY SECURED PARTY')).toBeNull();
  });

  it('D-6: a release naming a security in its text closes it whoever records it', () => {
    const open = openSecurities([
      tx('048811-0679', '2015-01-05', 'security', 'BETA', 'BANK A'),
      tx('050000-0001', '2018-01-05', 'release', 'BANK B', 'BETA', {
        conveyText: 'RELEASE OF SECURITY INTEREST AT REEL/FRAME 048811/0679',
      }),
    ]);
    expect(open).toEqual([]);
  });

  it('D-6: a security already released is not revived nor superseded by later grants', () => {
    const open = openSecurities([
      tx('400-1', '2015-01-05', 'security', 'BETA', 'BANK A'),
      tx('500-1', '2016-01-05', 'release', 'BANK A', 'BETA'),
      tx('600-1', '2017-01-05', 'security', 'BANK A', 'AGENT'),
    ]);
    expect(open).toEqual(['600-1']);
  });
});

/** Employee SMITH → P0, then P0 → P1 → … → P(n-1) → BETA, dated one year apart. */
function pureChain(length: number): TransactionInput[] {
  const holders = Array.from({ length }, (_, i) => (i === length - 1 ? 'BETA' : `P${i}`));
  return holders.map((holder, i) => {
    const date = `${2000 + i}-01-01`;
    const rf = `${String(100 + i).padStart(6, '0')}-0001`;
    return i === 0
      ? tx(rf, date, 'employee', 'SMITH', holder)
      : tx(rf, date, 'assignment', holders[i - 1]!, holder);
  });
}

describe('assessTitle — properties', () => {
  it('BR-034: a pure employee → A → B → … chain to the current owner is complete for any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (length) => {
        const result = assessTitle({ transactions: pureChain(length), company: company('BETA') });
        expect(result.status).toBe('complete');
        expect(result.chainRfIds).toHaveLength(length);
      }),
    );
  });

  it('BR-033: removing any one middle link breaks the chain with chain_gap at the next transaction', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 30 })
          .chain((length) => fc.tuple(fc.constant(length), fc.integer({ min: 1, max: length - 2 }))),
        ([length, removed]) => {
          const chain = pureChain(length);
          const result = assessTitle({
            transactions: chain.filter((_, i) => i !== removed),
            company: company('BETA'),
          });
          expect(result).toMatchObject({
            status: 'broken',
            reason: 'chain_gap',
            breakRfId: chain[removed + 1]!.rfId,
          });
        },
      ),
    );
  });

  it('BR-032, BR-033: the verdict ignores input order and exact re-recordings (D-4)', () => {
    const scenario = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean()).chain(([length, breakIt]) => {
      const chain = pureChain(length);
      const transactions = breakIt && length > 2 ? chain.filter((_, i) => i !== 1) : chain;
      return fc.tuple(
        fc.constant(transactions),
        fc.shuffledSubarray(transactions, { minLength: transactions.length, maxLength: transactions.length }),
        fc.subarray(transactions),
      );
    });
    fc.assert(
      fc.property(scenario, ([transactions, shuffled, rerecorded]) => {
        const expected = assessTitle({ transactions, company: company('BETA') });
        expect(assessTitle({ transactions: shuffled, company: company('BETA') })).toEqual(expected);
        const copies = rerecorded.map((t) => ({ ...t, rfId: `${t.rfId}-R` }));
        const withCopies = assessTitle({ transactions: [...shuffled, ...copies], company: company('BETA') });
        expect({ ...withCopies, chainRfIds: expected.chainRfIds }).toEqual(expected);
      }),
    );
  });
});

describe('asset eligibility and membership', () => {
  it('BR-039: year(appno_date) > 1999 (D-13); a null date is ineligible', () => {
    expect(isEligibleAsset({ appnoDate: '1999-12-31', layoutId: 15 })).toBe(false);
    expect(isEligibleAsset({ appnoDate: '2000-01-01', layoutId: 15 })).toBe(true);
    expect(isEligibleAsset({ appnoDate: null, layoutId: 15 })).toBe(false);
  });

  it('BR-040: layout 15 by default; a null filter keeps every layout (D-14)', () => {
    expect(isEligibleAsset({ appnoDate: '2005-01-01', layoutId: 14 })).toBe(false);
    expect(
      isEligibleAsset({ appnoDate: '2005-01-01', layoutId: 14 }, { appYearAfter: 1999, layoutId: null }),
    ).toBe(true);
  });

  it('D-27: link assignee, face assignee and manual additions make assets; securities and removals do not', () => {
    const doc = (appnoDocNum: string) => ({ documents: [{ appnoDocNum, grantDocNum: null }] });
    const transactions = [
      tx('100-1', '2010-01-05', 'employee', 'SMITH', 'BETA', doc('11111111')),
      tx('400-1', '2011-01-05', 'security', 'ACME', 'BETA', doc('22222222')),
      tx('500-1', '2012-01-05', 'assignment', 'BETA', 'GAMMA', doc('55555555')),
    ];
    const asset = (assetId: string, appnoDocNum: string, face?: string) => ({
      assetId,
      appnoDocNum,
      grantDocNum: null,
      faceAssignees: face ? [{ key: face, name: face }] : [],
    });
    const ids = companyAssetIds({
      company: company('BETA'),
      assets: [
        asset('A1', '11111111'),
        asset('A2', '22222222'),
        asset('A3', '33333333', 'BETA'),
        asset('A4', '44444444'),
        asset('A5', '55555555'),
        asset('A6', '66666666'),
      ],
      transactions,
      manualAdditions: ['A4', 'A6'],
      manualRemovals: ['A6'],
    });
    expect(ids).toEqual(['A1', 'A3', 'A4']);
    expect(
      transactionsOfAsset({ appnoDocNum: '22222222', grantDocNum: null }, transactions).map((t) => t.rfId),
    ).toEqual(['400-1']);
  });
});
