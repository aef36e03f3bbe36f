/**
 * Writes CPC master classification records in the monthly file's layout (ST.96, `CPCMasterClassificationRecord`),
 * for tests and the demo seed that need specific documents classified.
 */

const SYMBOL = /^([A-HY])(\d{2})([A-Z])(\d{1,4})\/(\d{2,6})$/;

function classificationXml(symbol: string, position: 'F' | 'L'): string {
  const parts = SYMBOL.exec(symbol);
  if (!parts) throw new Error(`not a full CPC symbol: ${symbol}`);
  const [, section, cls, subclass, mainGroup, subgroup] = parts;
  return (
    `<pat:CPCClassification><pat:ClassificationVersionDate>2013-01-01</pat:ClassificationVersionDate>` +
    `<pat:CPCSection>${section}</pat:CPCSection><pat:Class>${cls}</pat:Class><pat:Subclass>${subclass}</pat:Subclass>` +
    `<pat:MainGroup>${mainGroup}</pat:MainGroup><pat:Subgroup>${subgroup}</pat:Subgroup>` +
    `<com:SymbolPositionCode>${position}</com:SymbolPositionCode>` +
    `<pat:CPCClassificationValueCode>I</pat:CPCClassificationValueCode></pat:CPCClassification>`
  );
}

/** One grant's record: the first symbol is its main classification, the others further ones. */
export function cpcGrantRecordXml(grant: string, symbols: readonly string[]): string {
  const [main, ...further] = symbols;
  if (!main) throw new Error(`grant ${grant} needs at least one CPC symbol`);
  return (
    `<uspat:CPCMasterClassificationRecord><pat:PatentGrantIdentification><com:IPOfficeCode>US</com:IPOfficeCode>` +
    `<pat:PatentNumber>${grant}</pat:PatentNumber><com:PatentDocumentKindCode>B2</com:PatentDocumentKindCode>` +
    `</pat:PatentGrantIdentification><pat:CPCClassificationBag><pat:MainCPC>${classificationXml(main, 'F')}</pat:MainCPC>` +
    `<pat:FurtherCPC>${further.map((symbol) => classificationXml(symbol, 'L')).join('')}</pat:FurtherCPC>` +
    `</pat:CPCClassificationBag></uspat:CPCMasterClassificationRecord>\n`
  );
}

const RECORD = /<uspat:CPCMasterClassificationRecord>[\s\S]*?<\/uspat:CPCMasterClassificationRecord>/g;

/** A master file's text with `records` added after the records it holds (same header, namespaces and tail). */
export function withCpcRecords(masterXml: string, records: readonly string[]): string {
  const end = masterXml.lastIndexOf('</uspat:CPCMasterClassificationFile>');
  if (end < 0) throw new Error('not a CPC master classification file');
  return `${masterXml.slice(0, end)}${records.join('')}${masterXml.slice(end)}`;
}

/** The same file without any of its records, to build one with only the given ones. */
export function withoutCpcRecords(masterXml: string): string {
  return masterXml.replace(RECORD, '');
}
