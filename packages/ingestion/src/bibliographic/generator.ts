import { escapeXml } from '../generator/assignment-xml';

/**
 * Writes grant and application documents in the weekly-file layout (DTD v4.7: declaration + DOCTYPE per
 * document, `us-parties`, `assignees`, CPC, citations), for tests and benchmarks that need specific documents
 * or weekly-sized files.
 */

export interface DocumentPartySpec {
  /** Organisation name; when absent, `lastName`/`firstName` make a natural person. */
  orgname?: string;
  lastName?: string;
  firstName?: string;
  city?: string;
  state?: string;
  country?: string;
}

export interface PatentDocumentSpec {
  /** As printed: zero-padded grant number (`11000001`, `D0912345`) or 11-digit publication number. */
  docNumber: string;
  kind: string;
  /** `YYYYMMDD` */
  date: string;
  applicationNumber: string;
  filingDate: string;
  applType?: string;
  title: string;
  inventors: DocumentPartySpec[];
  assignees: DocumentPartySpec[];
  claims?: number;
  /** Cited patents, to give documents the size of real front pages. */
  citations?: number;
}

const element = (name: string, value: string | undefined) =>
  value === undefined ? '' : `<${name}>${escapeXml(value)}</${name}>`;

function addressbook(party: DocumentPartySpec, role?: string): string {
  const name = party.orgname
    ? element('orgname', party.orgname)
    : element('last-name', party.lastName) + element('first-name', party.firstName);
  const address =
    element('city', party.city) + element('state', party.state) + element('country', party.country);
  return `<addressbook>${name}${role ? element('role', role) : ''}<address>${address}</address></addressbook>`;
}

function citations(count: number, seed: number): string {
  let xml = '';
  for (let i = 0; i < count; i++) {
    const number = String(5_000_000 + ((seed * 7919 + i * 104_729) % 5_000_000));
    xml +=
      `<us-citation><patcit num="${String(i + 1).padStart(5, '0')}"><document-id><country>US</country>` +
      `<doc-number>${number}</doc-number><kind>B2</kind><name>Doe et al.</name><date>20150101</date></document-id>` +
      `</patcit><category>cited by examiner</category><classification-cpc-text>G06F 3/0362</classification-cpc-text>` +
      `<classification-national><country>US</country><main-classification>345156</main-classification>` +
      `</classification-national></us-citation>\n`;
  }
  return `<us-references-cited>\n${xml}</us-references-cited>\n`;
}

function body(spec: PatentDocumentSpec, seed: number): string {
  const parties =
    `<us-parties><us-applicants>` +
    spec.assignees
      .map(
        (party, i) =>
          `<us-applicant sequence="${String(i + 1).padStart(3, '0')}" app-type="applicant" designation="us-only" ` +
          `applicant-authority-category="assignee">${addressbook(party)}<residence><country>${party.country ?? 'US'}</country></residence></us-applicant>`,
      )
      .join('') +
    `</us-applicants><inventors>` +
    spec.inventors
      .map(
        (party, i) =>
          `<inventor sequence="${String(i + 1).padStart(3, '0')}" designation="us-only">${addressbook(party)}</inventor>`,
      )
      .join('') +
    `</inventors><agents><agent sequence="01" rep-type="attorney"><addressbook><orgname>Example IP LLP</orgname>` +
    `<address><country>unknown</country></address></addressbook></agent></agents></us-parties>\n`;
  const assignees = spec.assignees.length
    ? `<assignees>${spec.assignees.map((party) => `<assignee>${addressbook(party, '02')}</assignee>`).join('')}</assignees>\n`
    : '';
  return (
    `<publication-reference><document-id><country>US</country><doc-number>${spec.docNumber}</doc-number>` +
    `<kind>${spec.kind}</kind><date>${spec.date}</date></document-id></publication-reference>\n` +
    `<application-reference appl-type="${spec.applType ?? 'utility'}"><document-id><country>US</country>` +
    `<doc-number>${spec.applicationNumber}</doc-number><date>${spec.filingDate}</date></document-id></application-reference>\n` +
    `<us-application-series-code>${spec.applicationNumber.slice(0, 2)}</us-application-series-code>\n` +
    `<classifications-cpc><main-cpc><classification-cpc><cpc-version-indicator><date>20130101</date></cpc-version-indicator>` +
    `<section>G</section><class>06</class><subclass>F</subclass><main-group>3</main-group><subgroup>0362</subgroup>` +
    `<symbol-position>F</symbol-position><classification-value>I</classification-value></classification-cpc></main-cpc></classifications-cpc>\n` +
    `<invention-title id="d2e43">${escapeXml(spec.title)}</invention-title>\n` +
    citations(spec.citations ?? 0, seed) +
    (spec.claims === undefined ? '' : `<number-of-claims>${spec.claims}</number-of-claims>\n`) +
    parties +
    assignees
  );
}

/** One `<us-patent-grant>` document with its own declaration and DOCTYPE, ending in a newline. */
export function grantDocumentXml(spec: PatentDocumentSpec, seed = 0): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v47-2022-02-17.dtd" [ ]>\n` +
    `<us-patent-grant lang="EN" dtd-version="v4.7 2022-02-17" file="US${spec.docNumber}-${spec.date}.XML" status="PRODUCTION" ` +
    `id="us-patent-grant" country="US" date-produced="${spec.date}" date-publ="${spec.date}">\n` +
    `<us-bibliographic-data-grant>\n${body(spec, seed)}</us-bibliographic-data-grant>\n` +
    `<abstract id="abstract"><p id="p-0001" num="0000">${escapeXml(spec.title)} as described.</p></abstract>\n</us-patent-grant>\n`
  );
}

/** One `<us-patent-application>` document with its own declaration and DOCTYPE, ending in a newline. */
export function applicationDocumentXml(spec: PatentDocumentSpec, seed = 0): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE us-patent-application SYSTEM "us-patent-application-v46-2022-02-17.dtd" [ ]>\n` +
    `<us-patent-application lang="EN" dtd-version="v4.6 2022-02-17" file="US${spec.docNumber}${spec.kind}-${spec.date}.XML" ` +
    `status="PRODUCTION" id="us-patent-application" country="US" date-produced="${spec.date}" date-publ="${spec.date}">\n` +
    `<us-bibliographic-data-application lang="EN" country="US">\n${body(spec, seed)}</us-bibliographic-data-application>\n` +
    `</us-patent-application>\n`
  );
}

const GIVEN = [
  'John',
  'Maria',
  'Wei',
  'Hiroshi',
  'Anna',
  'David',
  'Priya',
  'James',
  'Soo-Jin',
  'Luca',
  'Fatima',
  'Elena',
];
const FAMILY = [
  'Smith',
  'Garcia',
  'Zhang',
  'Tanaka',
  'Müller',
  'Kim',
  'Patel',
  "O'Brien",
  'Rossi',
  'Nguyen',
  'Lee',
  'Sato',
];
const STEMS = [
  'Acme',
  'Northwind',
  'Blue River',
  'Quantum',
  'Helix',
  'Pacific',
  'Vertex',
  'Solaris',
  'Granite',
  'Nexus',
];
const SUFFIXES = ['Inc.', 'LLC', 'Corporation', 'Co., Ltd.', 'GmbH', 'Kabushiki Kaisha'];
const WORDS = [
  'method',
  'system',
  'apparatus',
  'wireless',
  'semiconductor',
  'device',
  'controlling',
  'optical',
  'battery',
];
const PLACES = [
  { city: 'San Jose', state: 'CA', country: 'US' },
  { city: 'Austin', state: 'TX', country: 'US' },
  { city: 'Seoul', country: 'KR' },
  { city: 'Munich', country: 'DE' },
];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/**
 * Deterministic, realistic grant `i` of a generated weekly file: 1–6 inventors, 0–2 assignees, 5–40 citations
 * (a real front page is 5–30 KB), numbers counting up from `firstGrant`.
 */
export function syntheticGrant(i: number, firstGrant = 11_000_000): PatentDocumentSpec {
  const inventors = Array.from({ length: 1 + (i % 6) }, (_, k) => ({
    lastName: pick(FAMILY, i * 7 + k * 3),
    firstName: pick(GIVEN, i * 5 + k),
    ...pick(PLACES, i + k),
  }));
  const assignees = Array.from({ length: i % 5 === 0 ? 0 : 1 + (i % 7 === 0 ? 1 : 0) }, (_, k) => ({
    orgname: `${pick(STEMS, i * 3 + k)} ${pick(WORDS, i + k).replace(/^./, (c) => c.toUpperCase())} ${pick(SUFFIXES, i + k * 2)}`,
    ...pick(PLACES, i * 3 + k),
  }));
  return {
    docNumber: String(firstGrant + i),
    kind: 'B2',
    date: '20230404',
    applicationNumber: String(16_000_000 + ((i * 7919) % 999_999)),
    filingDate: '20200115',
    title: `${pick(WORDS, i)} ${pick(WORDS, i * 3 + 1)} for ${pick(WORDS, i * 7 + 2)} ${pick(WORDS, i * 11 + 3)}`,
    inventors,
    assignees,
    claims: 1 + (i % 30),
    citations: 5 + (i % 36),
  };
}
