import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFamilyResponse } from './family-xml';
import { parseThrottlingControl } from './throttling';

const sample = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../../data/samples/epo-ops', name), 'utf8');

describe('parseFamilyResponse (real OPS 3.2 samples)', () => {
  it('reads every family-member of EP1000000A1, not the queried publication-reference', () => {
    const { families } = parseFamilyResponse(sample('ops_family_EP1000000A1.xml'));
    expect([...families.keys()]).toEqual(['19768124']);
    const members = families.get('19768124')!;
    expect(members.map((m) => `${m.country} ${m.docNumber} ${m.kindCode}`)).toEqual([
      'EP 1000000 A1',
      'EP 1000000 B1',
      'AT E232441 T1',
      'DE 69905327 D1',
      'NL 1010536 C2',
      'US 6093011 A',
    ]);
    expect(members.find((m) => m.country === 'US')).toMatchObject({
      canonicalDocNum: '6093011',
      publicationDate: '2000-07-25',
    });
    expect(members[0]).toMatchObject({
      applCountry: 'EP',
      applDocNumber: '99203729',
      applKind: 'A',
      applDate: '1999-11-08',
    });
  });

  it('resolves elements by namespace, whatever the prefixes, and trims Unicode blanks (U+2002)', () => {
    const xml = `<?xml-stylesheet type="text/xsl" href="x.xsl"?>
      <w:world-patent-data xmlns:w="http://ops.epo.org" xmlns:x="http://www.epo.org/exchange">
        <w:patent-family><w:family-member family-id=" 42 ">
          <x:publication-reference><x:document-id document-id-type="docdb">
            <x:country>US</x:country><x:doc-number>\u20022012057518\u2002</x:doc-number><x:kind>A1</x:kind>
          </x:document-id></x:publication-reference>
        </w:family-member></w:patent-family>
      </w:world-patent-data>`;
    expect(parseFamilyResponse(xml).families.get('42')).toEqual([
      expect.objectContaining({ country: 'US', docNumber: '2012057518', canonicalDocNum: '20120057518' }),
    ]);
  });

  it('rejects a response that is not an OPS family document as a data error', () => {
    expect(() => parseFamilyResponse('<fault/>')).toThrow(/not ops:world-patent-data/);
    expect(() => parseFamilyResponse('<ops:world-patent-data')).toThrow(/not well-formed/);
  });
});

describe('parseThrottlingControl', () => {
  it('reads each service colour and quota', () => {
    expect(
      parseThrottlingControl(
        'idle (images=green:200, inpadoc=yellow:60, other=green:1000, retrieval=green:200, search=black:30)',
      ),
    ).toEqual({
      system: 'idle',
      services: {
        images: { colour: 'green', perMinute: 200 },
        inpadoc: { colour: 'yellow', perMinute: 60 },
        other: { colour: 'green', perMinute: 1000 },
        retrieval: { colour: 'green', perMinute: 200 },
        search: { colour: 'black', perMinute: 30 },
      },
    });
    expect(parseThrottlingControl(undefined)).toBeUndefined();
  });
});
