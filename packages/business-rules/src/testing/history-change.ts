import { seededRandom, type ConveyType } from '@patentrack/shared';
import type { CompanyInput, TransactionInput } from '../types';
import { tx } from './transactions';

const PARTIES = ['ACME', 'BETA', 'GAMMA', 'DELTA BANK', 'EPSILON'];
const CONVEY_TYPES: readonly ConveyType[] = [
  'assignment',
  'security',
  'release',
  'employee',
  'namechg',
  'license',
];

export interface HistoryChange {
  company: CompanyInput;
  before: TransactionInput[];
  after: TransactionInput[];
  /** Transactions added, removed or altered from `before` to `after`. */
  changedRfIds: Set<string>;
}

/**
 * A random transaction history of company ACME and a random change to it (transactions removed, altered or added),
 * for checking that incremental rebuilds equal full ones. Dates come from a few values so ties fall back to
 * `rf_id`, and a party's entity id varies between transactions under the same name.
 */
function randomHistoryChange(random: () => number): HistoryChange {
  let serial = 0;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const transaction = (rfId: string): TransactionInput => {
    const date = `201${Math.floor(random() * 4)}-0${1 + Math.floor(random() * 3)}-01`;
    const others = [pick(PARTIES), pick(PARTIES)].filter((name) => name !== 'ACME');
    const counterparties = others.length > 0 ? others : ['BETA'];
    const acmeAssigns = random() < 0.5;
    const t = tx(
      rfId,
      random() < 0.1 ? null : date,
      pick(CONVEY_TYPES),
      acmeAssigns ? 'ACME' : counterparties,
      acmeAssigns ? counterparties : 'ACME',
      {
        recordDate: random() < 0.1 ? null : date,
        documents: [
          { appnoDocNum: '1', grantDocNum: null, appnoDate: random() < 0.15 ? '1995-01-01' : '2005-01-01' },
        ],
      },
    );
    const withEntity = <P extends { name: string }>(party: P) => ({
      ...party,
      entityId: `${party.name}#${Math.floor(random() * 2)}`,
    });
    return { ...t, assignors: t.assignors.map(withEntity), assignees: t.assignees.map(withEntity) };
  };
  const nextRfId = () => `${100 + Math.floor(random() * 50)}-${++serial}`;
  const before = Array.from({ length: Math.floor(random() * 40) }, () => transaction(nextRfId()));
  const changedRfIds = new Set<string>();
  const after: TransactionInput[] = [];
  for (const t of before) {
    const roll = random();
    if (roll < 0.1) changedRfIds.add(t.rfId);
    else if (roll < 0.2) {
      after.push(transaction(t.rfId));
      changedRfIds.add(t.rfId);
    } else after.push(t);
  }
  for (let added = Math.floor(random() * 5); added > 0; added--) {
    const t = transaction(nextRfId());
    after.push(t);
    changedRfIds.add(t.rfId);
  }
  return { company: { partyKeys: ['ACME'] }, before, after, changedRfIds };
}

/** The input of a rule over one company's history. */
type HistoryInput = Pick<HistoryChange, 'company'> & { transactions: TransactionInput[] };

/**
 * For `rounds` random changes from `seed`: what patching the earlier result gives and what building from scratch
 * gives, for a test to compare.
 */
export function* patchedAndBuilt<R>(
  seed: number,
  rounds: number,
  build: (input: HistoryInput) => R,
  patch: (input: HistoryInput, earlier: R, changedRfIds: ReadonlySet<string>) => R,
): Generator<{ patched: R; built: R }> {
  const random = seededRandom(seed);
  for (let round = 0; round < rounds; round++) {
    const change = randomHistoryChange(random);
    const earlier = build({ transactions: change.before, company: change.company });
    const input = { transactions: change.after, company: change.company };
    yield { patched: patch(input, earlier, change.changedRfIds), built: build(input) };
  }
}
