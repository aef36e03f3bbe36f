/** §2.1 normalization table (BR-013…BR-016) with the legacy output where D-8 changed it. */
export const NORMALIZE_CASES: readonly { brId: string; input: string; output: string; legacy: string }[] = [
  { brId: 'BR-013', input: 'MICROSOFT CORPORATION', output: 'Microsoft Corp', legacy: 'Microsoft  Corp' },
  { brId: 'BR-014', input: 'Apple Incorporated', output: 'Apple Inc', legacy: 'Apple  Inc' },
  { brId: 'BR-015', input: 'GOOGLE LIMITED', output: 'Google Ltd', legacy: 'Google  Ltd' },
  { brId: 'BR-016', input: 'AMAZON COMPANY', output: 'Amazon Co', legacy: 'Amazon  Co' },
  {
    brId: 'BR-015',
    input: 'ACME CORPORATION LIMITED',
    output: 'Acme Corporation Ltd',
    legacy: 'Acme Corporation  Ltd',
  },
  {
    brId: 'BR-013',
    input: 'CORPORATION OF AMERICA',
    output: 'Corporation Of America',
    legacy: 'Corporation Of America',
  },
  { brId: 'BR-016', input: 'ACME TELECOMPANY', output: 'Acme Telecompany', legacy: 'Acme Tele Co' },
  { brId: 'BR-014', input: 'ACME, INC.', output: 'Acme, Inc.', legacy: 'Acme, Inc.' },
  {
    brId: 'BR-013',
    input: "o'brien hewlett-packard",
    output: "O'brien Hewlett-packard",
    legacy: "O'brien Hewlett-packard",
  },
  { brId: 'BR-013', input: '', output: '', legacy: '' },
];

/** §2.2 organization-suffix examples (BR-017, D-12) with the legacy ASCII-boundary result. */
export const SUFFIX_CASES: readonly { name: string; suffixes: string[]; legacy: string[] }[] = [
  {
    name: 'Toyota Jidosha Kabushiki Kaisha',
    suffixes: ['kabushiki', 'kaisha'],
    legacy: ['kabushiki', 'kaisha'],
  },
  { name: 'Novo Nordisk A/S', suffixes: ['a/s'], legacy: ['a/s'] },
  { name: 'Bank of America, N.A.', suffixes: ['bank'], legacy: ['bank'] },
  { name: 'Société Générale', suffixes: ['société'], legacy: [] },
  { name: 'Acme Co-Operative', suffixes: ['co'], legacy: ['co'] },
  { name: 'Siemens AG', suffixes: [], legacy: [] },
  { name: 'JOHN SMITH', suffixes: [], legacy: [] },
];

export interface GroupingCase {
  brIds: string;
  title: string;
  items: { entityId: string; name: string; instances: number }[];
  /** Expected groups: canonical name and member names in sort order. */
  groups: { canonical: string; members: string[] }[];
}

/** §2.3 grouping examples (BR-018…BR-020). */
export const GROUPING_CASES: readonly GroupingCase[] = [
  {
    brIds: 'BR-018, BR-019, BR-020',
    title: 'IBM variants: sort by word count, group Machines with Machine, Ibm Corp alone',
    items: [
      { entityId: 'e1', name: 'Ibm Corp', instances: 300 },
      { entityId: 'e2', name: 'International Business Machine Corp', instances: 12 },
      { entityId: 'e3', name: 'International Business Machines Corp', instances: 5000 },
    ],
    groups: [
      {
        canonical: 'International Business Machines Corp',
        members: ['International Business Machines Corp', 'International Business Machine Corp'],
      },
      { canonical: 'Ibm Corp', members: ['Ibm Corp'] },
    ],
  },
  {
    brIds: 'BR-018, BR-019',
    title:
      'a later seed member with more instances becomes canonical (Microsft Corp seeds, Microsoft Corp wins)',
    items: [
      { entityId: 'e1', name: 'Microsft Corp', instances: 3 },
      { entityId: 'e2', name: 'Microsoft Corp', instances: 500 },
    ],
    groups: [{ canonical: 'Microsoft Corp', members: ['Microsoft Corp', 'Microsft Corp'] }],
  },
  {
    brIds: 'BR-018',
    title: 'known risk (OQ-9): Acme Inc and Acne Inc group at distance 1, threshold 3',
    items: [
      { entityId: 'e1', name: 'Acme Inc', instances: 10 },
      { entityId: 'e2', name: 'Acne Inc', instances: 4 },
    ],
    groups: [{ canonical: 'Acme Inc', members: ['Acme Inc', 'Acne Inc'] }],
  },
  {
    brIds: 'BR-018',
    title: 'comparison is against the seed only, not transitive',
    items: [
      { entityId: 'e1', name: 'Abcdefgh', instances: 9 },
      { entityId: 'e2', name: 'Abcdefxy', instances: 5 },
      { entityId: 'e3', name: 'Abcdwzxy', instances: 1 },
    ],
    groups: [
      { canonical: 'Abcdefgh', members: ['Abcdefgh', 'Abcdefxy'] },
      { canonical: 'Abcdwzxy', members: ['Abcdwzxy'] },
    ],
  },
  {
    brIds: 'BR-020',
    title: 'ties on word count and instances sort by lower-cased name (D-9)',
    items: [
      { entityId: 'e1', name: 'Zeta Labs', instances: 7 },
      { entityId: 'e2', name: 'alpha Labs', instances: 7 },
    ],
    groups: [
      { canonical: 'alpha Labs', members: ['alpha Labs'] },
      { canonical: 'Zeta Labs', members: ['Zeta Labs'] },
    ],
  },
];
