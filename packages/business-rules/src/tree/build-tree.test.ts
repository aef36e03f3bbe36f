import { describe, expect, it } from 'vitest';
import { patchedAndBuilt } from '../testing/history-change';
import { company, tx } from '../testing/transactions';
import { buildTransactionActivities, buildTreeNodes, conveyanceColor, patchTreeNodes } from './build-tree';
import { TREE_CASES } from './tree.golden';

describe('buildTreeNodes', () => {
  it.each(TREE_CASES)(
    '$brId: $transaction.conveyType $transaction.rfId → type $treeType node $node',
    ({ transaction, treeType, tab, node, color }) => {
      const nodes = buildTreeNodes({ transactions: [transaction], company: company('BETA') });
      if (node === null) {
        expect(nodes).toEqual([]);
        return;
      }
      expect(nodes).toEqual([
        {
          entityId: node,
          name: node,
          parentId: null,
          treeType,
          treeTab: tab,
          color,
          depth: 0,
          transactionRfIds: [transaction.rfId],
        },
      ]);
    },
  );

  it('BR-030: c on both sides gives a node in both directions; nodes dedupe on (type, name) and keep every rf_id', () => {
    const nodes = buildTreeNodes({
      transactions: [
        tx('600-1', '2015-01-01', 'namechg', ['BETA', 'ACME'], ['BETA', 'GAMMA']),
        tx('200-1', '2011-01-01', 'assignment', 'ACME', 'BETA'),
        tx('210-1', '2012-01-01', 'assignment', 'ACME', 'BETA'),
      ],
      company: company('BETA'),
    });
    expect(nodes.map((n) => [n.treeType, n.name, n.transactionRfIds])).toEqual([
      [1, 'ACME', ['200-1', '210-1']],
      [9, 'ACME', ['600-1']],
      [9, 'BETA', ['600-1']],
      [9, 'GAMMA', ['600-1']],
    ]);
  });

  it('BR-031: colour per conveyance type, unknown types red', () => {
    expect(
      ['namechg', 'security', 'employee', 'release', 'license', 'licenseend', 'correct', 'bogus'].map(
        conveyanceColor,
      ),
    ).toEqual(['#2493f2', '#ffaa00', '#E60000', '#70A800', '#E6E600', '#E6E600', '#E60000', '#E60000']);
  });
});

describe('buildTransactionActivities', () => {
  it('BR-038: one row per (transaction, counterparty) with the provisional activity codes and release links', () => {
    const rows = buildTransactionActivities({
      transactions: [
        tx('100-1', '2005-03-01', 'employee', ['SMITH', 'JONES'], 'BETA'),
        tx('400-1', '2010-01-01', 'security', 'BETA', 'FIRST BANK'),
        tx('500-1', '2012-01-01', 'release', 'FIRST BANK', 'BETA', {
          conveyText: 'RELEASE OF SECURITY INTEREST AT REEL/FRAME 000400/0001',
        }),
        tx('600-1', '2013-01-01', 'assignment', 'BETA', 'GAMMA'),
        tx('700-1', '2014-01-01', 'license', 'BETA', 'LICENSEE'),
      ],
      company: company('BETA'),
    });
    expect(
      rows.map((row) => [row.rfId, row.partyEntityId, row.activityId, row.recordedEntityId, row.releaseRfId]),
    ).toEqual([
      ['100-1', 'SMITH', 10, 'BETA', null],
      ['100-1', 'JONES', 10, 'BETA', null],
      ['400-1', 'FIRST BANK', 5, 'BETA', null],
      ['500-1', 'FIRST BANK', 6, 'BETA', '000400-0001'],
      ['600-1', 'GAMMA', 102, 'BETA', null],
      ['700-1', 'LICENSEE', 114, 'BETA', null],
    ]);
  });
});

describe('patchTreeNodes', () => {
  it('equals buildTreeNodes of the changed input whatever transactions are added, removed or altered', () => {
    const cases = patchedAndBuilt(20261127, 300, buildTreeNodes, (input, nodes, changedRfIds) =>
      patchTreeNodes(input, { nodes, changedRfIds }),
    );
    for (const { patched, built } of cases) expect(patched).toEqual(built);
  });

  it('keeps the nodes no changed transaction touches as they were', () => {
    const before = [
      tx('100-1', '2010-01-01', 'assignment', 'ALPHA', 'BETA'),
      tx('100-2', '2011-01-01', 'security', 'BETA', 'DELTA BANK'),
    ];
    const previous = buildTreeNodes({ transactions: before, company: company('BETA') });
    const release = tx('100-3', '2012-01-01', 'release', 'DELTA BANK', 'BETA');
    const patched = patchTreeNodes(
      { transactions: [...before, release], company: company('BETA') },
      { nodes: previous, changedRfIds: new Set(['100-3']) },
    );
    expect(patched.map((n) => [n.treeType, n.name, n.transactionRfIds])).toEqual([
      [1, 'ALPHA', ['100-1']],
      [6, 'DELTA BANK', ['100-2']],
      [8, 'DELTA BANK', ['100-3']],
    ]);
    expect(patched[0]).toBe(previous[0]);
    expect(patched[1]).toBe(previous[1]);
  });
});
