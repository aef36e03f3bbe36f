import type { IsoDate, PartyInput, TransactionInput } from '../types';

/** BR-032 (D-3): the earliest assignor execution date of a transaction, or null. */
export function earliestExecDate(transaction: Pick<TransactionInput, 'assignors'>): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const assignor of transaction.assignors) {
    if (assignor.execDate && (earliest === null || assignor.execDate < earliest))
      earliest = assignor.execDate;
  }
  return earliest;
}

/** BR-032 (D-3) `txDate(t)`: the earliest assignor execution date, else the recording date (§0.1, D-3). */
export function txDate(transaction: TransactionInput): IsoDate | null {
  return earliestExecDate(transaction) ?? transaction.recordDate;
}

/** Missing dates sort after every known date so an undated record never precedes a dated one. */
function compareDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** BR-032 (D-3) transaction order (§0.1): `txDate`, then `record_dt`, then `rf_id`, all ascending. */
export function compareTransactions(a: TransactionInput, b: TransactionInput): number {
  return (
    compareDates(txDate(a), txDate(b)) ||
    compareDates(a.recordDate, b.recordDate) ||
    (a.rfId < b.rfId ? -1 : a.rfId > b.rfId ? 1 : 0)
  );
}

/** BR-032: a copy in transaction order; rows repeating an `rf_id` already seen are dropped (rf_id is the key). */
export function inTransactionOrder<T extends TransactionInput>(transactions: readonly T[]): T[] {
  // `txDate` once per transaction, not once per comparison: portfolios sort tens of thousands of transactions.
  const keyed = transactions.map((transaction) => ({ transaction, date: txDate(transaction) }));
  keyed.sort(
    (a, b) =>
      compareDates(a.date, b.date) ||
      compareDates(a.transaction.recordDate, b.transaction.recordDate) ||
      (a.transaction.rfId < b.transaction.rfId ? -1 : a.transaction.rfId > b.transaction.rfId ? 1 : 0),
  );
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const { transaction } of keyed) {
    if (seen.has(transaction.rfId)) continue;
    seen.add(transaction.rfId);
    unique.push(transaction);
  }
  return unique;
}

/** Employer-flagged or typed `employee` (BR-024, BR-034). */
export function isEmployeeTransaction(
  transaction: Pick<TransactionInput, 'conveyType' | 'employerAssign'>,
): boolean {
  return transaction.employerAssign || transaction.conveyType === 'employee';
}

/** BR-033 (D-2a): distinct party keys of one side, in recorded order — identity is the party key. */
export function partyKeys(parties: readonly PartyInput[]): string[] {
  return [...new Set(parties.map((party) => party.key))];
}

/** §5.8 `daysExecToRecord`: whole days from `from` to `to` (ISO dates), or null when either is missing. */
export function daysBetween(from: IsoDate | null, to: IsoDate | null): number | null {
  if (!from || !to) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
