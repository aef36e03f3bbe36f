import { tx } from '../testing/transactions';
import type { TransactionInput } from '../types';

export interface TreeCase {
  brId: string;
  treeType: number | null;
  tab: number | null;
  transaction: TransactionInput;
  node: string | null;
  color: string | null;
}

/** §3 table (company BETA): one row per tree type, plus the D-7 and license cases. */
export const TREE_CASES: readonly TreeCase[] = [
  {
    brId: 'BR-024',
    treeType: 0,
    tab: 0,
    transaction: tx('100-1', '2010-01-01', 'employee', 'SMITH', 'BETA'),
    node: 'SMITH',
    color: '#E60000',
  },
  {
    brId: 'BR-024',
    treeType: 0,
    tab: 0,
    transaction: { ...tx('101-1', '2010-01-01', 'assignment', 'JONES', 'BETA'), employerAssign: true },
    node: 'JONES',
    color: '#E60000',
  },
  {
    brId: 'BR-025',
    treeType: 1,
    tab: 1,
    transaction: tx('200-1', '2011-01-01', 'assignment', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-026',
    treeType: 2,
    tab: 1,
    transaction: tx('201-1', '2011-01-01', 'assignment', 'BETA', 'GAMMA'),
    node: 'GAMMA',
    color: '#E60000',
  },
  {
    brId: 'BR-027',
    treeType: 3,
    tab: 1,
    transaction: tx('300-1', '2012-01-01', 'merger', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-027',
    treeType: 4,
    tab: 1,
    transaction: tx('301-1', '2012-01-01', 'merger', 'BETA', 'GAMMA'),
    node: 'GAMMA',
    color: '#E60000',
  },
  {
    brId: 'BR-028',
    treeType: 5,
    tab: 2,
    transaction: tx('400-1', '2013-01-01', 'security', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#ffaa00',
  },
  {
    brId: 'BR-028',
    treeType: 6,
    tab: 2,
    transaction: tx('401-1', '2013-01-01', 'security', 'BETA', 'FIRST BANK'),
    node: 'FIRST BANK',
    color: '#ffaa00',
  },
  {
    brId: 'BR-029',
    treeType: 7,
    tab: 2,
    transaction: tx('500-1', '2014-01-01', 'release', 'BETA', 'ACME'),
    node: 'ACME',
    color: '#70A800',
  },
  {
    brId: 'BR-029',
    treeType: 8,
    tab: 2,
    transaction: tx('501-1', '2014-01-01', 'release', 'FIRST BANK', 'BETA'),
    node: 'FIRST BANK',
    color: '#70A800',
  },
  {
    brId: 'BR-030',
    treeType: 9,
    tab: 3,
    transaction: tx('600-1', '2015-01-01', 'namechg', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#2493f2',
  },
  {
    brId: 'BR-030',
    treeType: 10,
    tab: 3,
    transaction: tx('601-1', '2015-01-01', 'govern', 'BETA', 'UNITED STATES'),
    node: 'UNITED STATES',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 11,
    tab: 3,
    transaction: tx('602-1', '2015-01-01', 'correct', 'SMITH', 'BETA'),
    node: 'SMITH',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 12,
    tab: 3,
    transaction: tx('603-1', '2015-01-01', 'missing', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 13,
    tab: 3,
    transaction: tx('604-1', '2015-01-01', 'other', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 13,
    tab: 3,
    transaction: tx('605-1', '2015-01-01', 'partialassignment', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 13,
    tab: 3,
    transaction: tx('606-1', '2015-01-01', 'option', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 13,
    tab: 3,
    transaction: tx('607-1', '2015-01-01', 'courtorder', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: 13,
    tab: 3,
    transaction: tx('608-1', '2015-01-01', 'courtappointment', 'ACME', 'BETA'),
    node: 'ACME',
    color: '#E60000',
  },
  {
    brId: 'BR-030',
    treeType: null,
    tab: null,
    transaction: tx('700-1', '2016-01-01', 'license', 'BETA', 'LICENSEE'),
    node: null,
    color: null,
  },
  {
    brId: 'BR-030',
    treeType: null,
    tab: null,
    transaction: tx('701-1', '2016-01-01', 'licenseend', 'BETA', 'LICENSEE'),
    node: null,
    color: null,
  },
];
