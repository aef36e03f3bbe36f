import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { XmlElement } from './xml-tree';

/** Roots of the documents we load, with the element holding their bibliographic section. */
export const BIBLIOGRAPHIC_SECTIONS: Readonly<Record<string, string>> = {
  'us-patent-grant': 'us-bibliographic-data-grant',
  'us-patent-application': 'us-bibliographic-data-application',
};

// Children of the bibliographic section the mappers read; everything else (citations, classifications,
// examiners, agents' siblings, descriptions, claims) is never held in memory.
const CAPTURED_CHILDREN = new Set([
  'publication-reference',
  'application-reference',
  'invention-title',
  'number-of-claims',
  'us-parties',
  'parties',
  'assignees',
]);

// A bibliographic front page is a few kilobytes; anything far larger is a broken document, not data.
const MAX_CAPTURED_CHARS = 4 * 1024 * 1024;

// Named entities seen in USPTO text besides the five XML ones; documents use numeric references otherwise.
const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  deg: '\u00b0',
  plusmn: '\u00b1',
  times: '\u00d7',
  micro: '\u00b5',
};

/** One document of a concatenated file, as far as the loader needs it. */
export interface CapturedDocument {
  /** 1-based position of the document in its file. */
  ordinal: number;
  root: string | null;
  rootAttributes: Record<string, string>;
  /** The bibliographic section (only the children the mappers read); undefined for other roots. */
  bibliographic: XmlElement | undefined;
  /** Well-formedness error that makes the document unusable. */
  error: string | null;
  /** Recoverable oddities, e.g. an unknown entity replaced by `?`. */
  warnings: string[];
}

/**
 * Parses one document with a fresh SAX parser. DTDs are never loaded (saxes has no DTD support at all), so
 * the `<!DOCTYPE … SYSTEM "….dtd">` of every USPTO document is inert. Feeding stops once the bibliographic
 * section has closed or the root turns out not to be a patent document.
 */
class DocumentCapture {
  readonly document: CapturedDocument;
  private readonly parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  private readonly stack: (XmlElement | null)[] = [];
  private capturedChars = 0;
  private finished = false;

  constructor(ordinal: number) {
    this.document = {
      ordinal,
      root: null,
      rootAttributes: {},
      bibliographic: undefined,
      error: null,
      warnings: [],
    };
    const warnings = this.document.warnings;
    this.parser.ENTITIES = new Proxy(this.parser.ENTITIES, {
      get(target, name: string) {
        const known = target[name] ?? NAMED_ENTITIES[name];
        if (known !== undefined) return known;
        warnings.push(`Unknown entity &${name}; replaced by ?`);
        return '?';
      },
    });
    this.parser.on('error', (error) => this.fail(error.message));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.close());
    this.parser.on('text', (text) => this.text(text));
    this.parser.on('cdata', (text) => this.text(text));
  }

  write(text: string): void {
    if (!this.finished) this.parser.write(text);
  }

  end(): CapturedDocument {
    if (!this.finished) {
      this.parser.close();
      if (!this.document.error && !this.document.root) this.document.error = 'Document has no root element';
    }
    return this.document;
  }

  private fail(message: string): void {
    if (this.finished) return;
    this.document.error = message;
    this.finished = true;
  }

  private open(tag: SaxesTagPlain): void {
    const depth = this.stack.length;
    const parent = this.stack[depth - 1] ?? null;
    let element: XmlElement | null = null;
    if (depth === 0) {
      this.document.root = tag.name;
      this.document.rootAttributes = { ...tag.attributes };
      // Sequence listings and other non-patent documents: nothing of them is needed.
      if (!(tag.name in BIBLIOGRAPHIC_SECTIONS)) this.finished = true;
    } else if (depth === 1 && tag.name === BIBLIOGRAPHIC_SECTIONS[this.document.root ?? '']) {
      element = { name: tag.name, attributes: { ...tag.attributes }, content: [] };
      this.document.bibliographic = element;
    } else if (parent && (depth > 2 || CAPTURED_CHILDREN.has(tag.name))) {
      element = { name: tag.name, attributes: { ...tag.attributes }, content: [] };
      parent.content.push(element);
    }
    this.stack.push(element);
  }

  private close(): void {
    const element = this.stack.pop();
    if (element && element === this.document.bibliographic) this.finished = true;
  }

  private text(text: string): void {
    const element = this.stack[this.stack.length - 1];
    if (!element || this.stack.length < 3) return;
    this.capturedChars += text.length;
    if (this.capturedChars > MAX_CAPTURED_CHARS) {
      this.fail(`Bibliographic section larger than ${MAX_CAPTURED_CHARS} characters`);
      return;
    }
    element.content.push(text);
  }
}

const DECLARATION = '<?xml';

/**
 * Splits a byte stream of back-to-back XML documents (each with its own `<?xml …?>` and DOCTYPE) and parses
 * each with its own parser, so memory is bounded by one chunk plus one bibliographic section. Documents are
 * handed to `onDocument` synchronously, in file order, as soon as they end.
 *
 * A declaration starts a new document wherever it appears: in a well-formed document `<?xml` followed by a
 * blank can only be the declaration, and weekly files do indent some of them.
 */
export class ConcatenatedXmlStream {
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private current: DocumentCapture | undefined;
  private ordinal = 0;

  constructor(private readonly onDocument: (document: CapturedDocument) => void) {}

  /** Documents started so far (including one still open). */
  get documentsSeen(): number {
    return this.ordinal;
  }

  write(chunk: Buffer | string): void {
    let data = this.carry + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    this.carry = '';
    let start = 0;
    let search = 0;
    for (;;) {
      const at = data.indexOf(DECLARATION, search);
      if (at === -1) break;
      const next = data[at + DECLARATION.length];
      if (next === undefined) {
        this.carry = data.slice(at);
        data = data.slice(0, at);
        break;
      }
      search = at + DECLARATION.length;
      if (!/\s/.test(next)) continue;
      this.feed(data.slice(start, at));
      this.finishDocument();
      start = at;
    }
    if (!this.carry) {
      const held = partialDeclarationLength(data, start);
      this.carry = data.slice(data.length - held);
      data = data.slice(0, data.length - held);
    }
    this.feed(data.slice(start));
  }

  /** Flushes the last document. */
  end(): void {
    const rest = this.carry + this.decoder.end();
    this.carry = '';
    this.feed(rest);
    this.finishDocument();
  }

  private feed(text: string): void {
    if (text === '') return;
    if (!this.current) {
      if (!/\S/.test(text)) return;
      this.ordinal += 1;
      this.current = new DocumentCapture(this.ordinal);
    }
    this.current.write(text);
  }

  private finishDocument(): void {
    if (!this.current) return;
    const document = this.current.end();
    this.current = undefined;
    this.onDocument(document);
  }
}

/** Length of a trailing fragment that may be the beginning of a declaration split across chunks. */
function partialDeclarationLength(data: string, from: number): number {
  for (let length = Math.min(DECLARATION.length - 1, data.length - from); length > 0; length--) {
    if (data.endsWith(DECLARATION.slice(0, length))) return length;
  }
  return 0;
}
