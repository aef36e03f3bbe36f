import { CONVEYANCE_TEXT, type RecordedTransaction } from '../title-chains';

export interface PortfolioOptions {
  company: string;
  assets: number;
  transactionsPerAsset: number;
  /** First reel number; frames run 1…9999 per reel so rf_ids never collide across portfolios. */
  firstReel: number;
  /** First 8-digit application number. */
  firstAppno: number;
  /** Year of the first transaction; later ones follow in order. */
  startYear?: number;
}

/**
 * A generated portfolio: per asset an inventor → company employee link followed by a realistic mix of
 * securities, releases and re-recorded assignments with banks, one property per transaction.
 */
export function syntheticPortfolio(options: PortfolioOptions): RecordedTransaction[] {
  const transactions: RecordedTransaction[] = [];
  const startYear = options.startYear ?? 2005;
  let index = 0;
  const nextRfId = () => {
    const reel = options.firstReel + Math.floor(index / 9_999);
    const frame = (index % 9_999) + 1;
    index++;
    return `${String(reel).padStart(6, '0')}-${String(frame).padStart(4, '0')}`;
  };
  for (let asset = 0; asset < options.assets; asset++) {
    const appno = String(options.firstAppno + asset).padStart(8, '0');
    const document = {
      appno,
      grant: String(options.firstAppno + 10_000_000 + asset),
      appnoDate: `${startYear}-01-15`,
    };
    const bank = `FIRST NATIONAL BANK ${asset % 13}`;
    for (let step = 0; step < options.transactionsPerAsset; step++) {
      const date = `${startYear + 1 + step}-${String((asset % 12) + 1).padStart(2, '0')}-10`;
      const kind =
        step === 0 ? 'employee' : step % 3 === 1 ? 'security' : step % 3 === 2 ? 'release' : 'assignment';
      const [from, to] =
        kind === 'employee'
          ? [`INVENTOR ${asset}, ALEX`, options.company]
          : kind === 'security'
            ? [options.company, bank]
            : kind === 'release'
              ? [bank, options.company]
              : [options.company, options.company];
      transactions.push({
        rfId: nextRfId(),
        conveyText: CONVEYANCE_TEXT[kind],
        recordDate: date,
        assignors: [{ name: from, execDate: date }],
        assignees: [{ name: to }],
        documents: [document],
      });
    }
  }
  return transactions;
}
