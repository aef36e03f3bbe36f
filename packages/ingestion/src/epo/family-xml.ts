import { SaxesParser } from 'saxes';
import { normalizeDocNumber } from '@patentrack/shared';
import { childElements, elementAt, textAt, type XmlElement } from '../bibliographic/xml-tree';
import { IngestionError } from '../common/errors';
import { cleanText, parseYmd } from '../common/text';

const OPS_NAMESPACE = 'http://ops.epo.org';

/** One publication of a DOCDB family, as stored in `patent_family_members`. */
export interface FamilyMember {
  familyId: string;
  country: string;
  /** DOCDB numbering as returned (US publications have 10 digits). */
  docNumber: string;
  /** Our canonical number of a US member (`20120057518`, `9648662`), for joins; null elsewhere. */
  canonicalDocNum: string | null;
  kindCode: string;
  publicationDate: string | null;
  applCountry: string | null;
  applDocNumber: string | null;
  applKind: string | null;
  applDate: string | null;
}

export interface ParsedFamilyResponse {
  /** `family-id` → its members; a response normally holds one family. */
  families: Map<string, FamilyMember[]>;
}

/**
 * Parses an OPS 3.2 family response (`ops:world-patent-data`, ingestion.md §3.6). Element names are resolved by
 * namespace, not by prefix: OPS elements become `ops:<name>`, exchange-format elements keep their bare name, so
 * the reading below does not depend on the prefixes a response happens to use.
 */
export function parseFamilyResponse(xml: string): ParsedFamilyResponse {
  const root = parseTree(xml);
  if (root.name !== 'ops:world-patent-data') {
    throw IngestionError.data(`OPS family response has root <${root.name}>, not ops:world-patent-data`);
  }
  const family = elementAt(root, 'ops:patent-family');
  if (!family) throw IngestionError.data('OPS family response has no ops:patent-family');
  const families = new Map<string, FamilyMember[]>();
  // The top-level ops:publication-reference is the queried document, not a member: only family-members count.
  for (const element of childElements(family, 'ops:family-member')) {
    const member = readMember(element);
    if (!member) continue;
    const members = families.get(member.familyId) ?? [];
    // The same publication can be listed twice (OPS repeats members); the key of the table decides.
    if (!members.some((m) => sameKey(m, member))) members.push(member);
    families.set(member.familyId, members);
  }
  return { families };
}

function sameKey(a: FamilyMember, b: FamilyMember): boolean {
  return a.country === b.country && a.docNumber === b.docNumber && a.kindCode === b.kindCode;
}

function readMember(element: XmlElement): FamilyMember | null {
  const familyId = cleanText(element.attributes['family-id']);
  const publication = docdbId(elementAt(element, 'publication-reference'));
  if (!familyId || !publication?.country || !publication.docNumber || !publication.kind) return null;
  const application = docdbId(elementAt(element, 'application-reference'));
  return {
    familyId,
    country: publication.country,
    docNumber: publication.docNumber,
    canonicalDocNum: publication.country === 'US' ? usCanonicalNumber(publication.docNumber) : null,
    kindCode: publication.kind,
    publicationDate: publication.date,
    applCountry: application?.country ?? null,
    applDocNumber: application?.docNumber ?? null,
    applKind: application?.kind ?? null,
    applDate: application?.date ?? null,
  };
}

/**
 * Canonical form of a US member. The kind code cannot tell publications from grants (grants before 2001 have
 * kind `A`, like publications), but the DOCDB number can: publications are year + serial, 10 digits.
 */
function usCanonicalNumber(docNumber: string): string | null {
  return normalizeDocNumber(/^\d{10}$/.test(docNumber) ? 'pgpub' : 'grant', docNumber);
}

/** The `document-id[@document-id-type="docdb"]` of a reference; text trimmed of Unicode blanks (U+2002 too). */
function docdbId(reference: XmlElement | undefined) {
  const id = childElements(reference, 'document-id').find(
    (d) => d.attributes['document-id-type'] === 'docdb',
  );
  if (!id) return undefined;
  return {
    country: cleanText(textAt(id, 'country'))?.toUpperCase() ?? null,
    docNumber: cleanText(textAt(id, 'doc-number'))?.replace(/\s/g, '') ?? null,
    kind: cleanText(textAt(id, 'kind'))?.replace(/\s/g, '') ?? null,
    date: parseYmd(cleanText(textAt(id, 'date'))).date,
  };
}

/** The whole document as a tree (family responses are a few kilobytes); a malformed body is a `data` error. */
function parseTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (error) => (failure ??= error));
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.uri === OPS_NAMESPACE ? `ops:${tag.local}` : tag.local,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      content: [],
    };
    stack.at(-1)?.content.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (text) => stack.at(-1)?.content.push(text));
  try {
    parser.write(xml).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure || !root) {
    throw IngestionError.data(`OPS family response is not well-formed XML: ${failure?.message ?? 'empty'}`);
  }
  return root;
}
