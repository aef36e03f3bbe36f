import { describe, expect, it } from 'vitest';
import { diagramSchema } from '@patentrack/shared';
import {
  PlaybackModel,
  SHOW_ALL,
  deriveBrokenLink,
  diagramSummary,
  parseDiagramQuery,
  visibleElements,
  writeDiagramQuery,
} from './state';
import { exportFileName, formatDiagramDate, formatPatentNumber, wrapName } from './format';
import { brokenChainDiagram, generatedDiagram, workedExampleDiagram } from './testing/samples';

describe('playback over the §5.8 worked example', () => {
  const diagram = workedExampleDiagram();
  const model = new PlaybackModel(diagram);

  it('loads fully revealed and Start leaves only the inventor', () => {
    const full = visibleElements(diagram, model, model.end(), SHOW_ALL);
    expect([...full.connectionIds]).toEqual([1, 2, 3]);
    expect([...full.boxIds].sort()).toEqual([1, 2, 3]);
    const start = model.start();
    expect(start).toEqual({ step: 0, links: 0 });
    const visible = visibleElements(diagram, model, start, SHOW_ALL);
    expect(visible.connectionIds.size).toBe(0);
    expect([...visible.boxIds]).toEqual([1]);
  });

  it('next transaction reveals its connection and the boxes it touches', () => {
    const one = model.nextTransaction(model.start());
    expect(one).toEqual({ step: 1, links: 1 });
    expect([...visibleElements(diagram, model, one, SHOW_ALL).boxIds].sort()).toEqual([1, 2]);
    const two = model.nextTransaction(one);
    expect(two.step).toBe(2);
    expect(model.nextTransaction(model.end())).toEqual(model.end());
    expect(model.previousTransaction(two)).toEqual(one);
    expect(model.previousTransaction(model.start())).toEqual(model.start());
  });

  it('unticking Security hides its link and leaves FIRST BANK shown only through the release', () => {
    const filter = { hidden: new Set(['Security'] as const), thirdParties: true };
    const visible = visibleElements(diagram, model, model.end(), filter);
    expect([...visible.connectionIds]).toEqual([1, 3]);
    expect(visible.boxIds.has(3)).toBe(true);
    const both = visibleElements(diagram, model, model.end(), {
      hidden: new Set(['Security', 'Release'] as const),
      thirdParties: true,
    });
    expect(both.boxIds.has(3)).toBe(false);
  });
});

describe('link-by-link playback on a multi-party transaction', () => {
  const diagram = brokenChainDiagram();
  const model = new PlaybackModel(diagram);

  it('steps through the two inventor connections of transaction 1 one at a time', () => {
    expect(model.transactions).toBe(2);
    expect(model.linkCount).toBe(3);
    const first = model.nextLink(model.start());
    expect(first).toEqual({ step: 1, links: 1 });
    expect(visibleElements(diagram, model, first, SHOW_ALL).connectionIds).toEqual(new Set([1]));
    expect(model.nextTransaction(first)).toEqual({ step: 1, links: 2 });
    expect(model.previousLink(first)).toEqual({ step: 0, links: 0 });
    expect(model.nextLink(model.end())).toEqual(model.end());
  });
});

describe('third-party toggle on a generated 100-transaction history', () => {
  const diagram = diagramSchema.parse(generatedDiagram(100));
  const model = new PlaybackModel(diagram);

  it('counts 100 transactions and hides every licence link and licensee with tp=0', () => {
    expect(model.transactions).toBe(100);
    const thirdParty = new Set(diagram.boxes.filter((b) => b.segment === 3).map((b) => b.id));
    const visible = visibleElements(diagram, model, model.end(), { hidden: new Set(), thirdParties: false });
    for (const c of diagram.connections) {
      const touches = thirdParty.has(c.from) || thirdParty.has(c.to);
      expect(visible.connectionIds.has(c.id)).toBe(!touches);
    }
    expect([...thirdParty].some((id) => visible.boxIds.has(id))).toBe(false);
  });

  it('reveals connections monotonically while stepping through every transaction', () => {
    let p = model.start();
    let previous = 0;
    for (let i = 0; i < model.transactions; i += 1) {
      p = model.nextTransaction(p);
      const count = visibleElements(diagram, model, p, SHOW_ALL).connectionIds.size;
      expect(count).toBeGreaterThanOrEqual(previous);
      previous = count;
    }
    expect(previous).toBe(diagram.connections.length);
    expect(model.isComplete(p)).toBe(true);
  });
});

describe('URL state', () => {
  const diagram = workedExampleDiagram();
  const model = new PlaybackModel(diagram);
  const rfIds = new Set(diagram.connections.map((c) => c.rfId));

  it('round-trips step, hidden categories, third parties and the open transaction', () => {
    const params = new URLSearchParams('step=2&hide=security,namechange&tp=0&rf=000400-0001&highlight=break');
    const state = parseDiagramQuery(params, model, rfIds);
    expect(state).toEqual({
      step: 2,
      hidden: new Set(['Security', 'NameChange']),
      thirdParties: false,
      rfId: '000400-0001',
    });
    expect(writeDiagramQuery(new URLSearchParams('highlight=break'), state, model).toString()).toBe(
      'highlight=break&step=2&hide=namechange%2Csecurity&tp=0&rf=000400-0001',
    );
  });

  it('falls back silently on invalid values and omits defaults', () => {
    const state = parseDiagramQuery(
      new URLSearchParams('step=abc&hide=bogus&tp=maybe&rf=999999-0001'),
      model,
      rfIds,
    );
    expect(state).toEqual({ step: 3, hidden: new Set(), thirdParties: true, rfId: null });
    expect(writeDiagramQuery(new URLSearchParams('step=1'), state, model).toString()).toBe('');
    expect(parseDiagramQuery(new URLSearchParams('step=99'), model, rfIds).step).toBe(3);
  });
});

describe('summaries, formats and the derived break', () => {
  it('summarises parties, transactions and the title status', () => {
    expect(diagramSummary(workedExampleDiagram())).toBe('3 parties, 3 transactions, complete title');
    expect(diagramSummary(brokenChainDiagram())).toBe('5 parties, 2 transactions, broken title');
  });

  it('derives the BT-2 break from its rf_id like the API brokenLink', () => {
    const diagram = brokenChainDiagram();
    expect(deriveBrokenLink(diagram, '000200-0001')).toEqual(diagram.brokenLink);
    expect(deriveBrokenLink(diagram, '123456-0001')).toBeNull();
  });

  it('formats dates, patent numbers, file names and wrapped names', () => {
    expect(formatDiagramDate('2005-03-01')).toBe('03/01/2005');
    expect(formatDiagramDate(null)).toBe('—');
    expect(formatPatentNumber('10224138')).toBe('10,224,138');
    expect(formatPatentNumber('D123456')).toBe('D123456');
    expect(
      exportFileName({ patent: '10224138', application: null }, 'png', new Date('2025-06-30T12:00:00Z')),
    ).toBe('10224138-ownership-2025-06-30.png');
    expect(wrapName('ACME TECHNOLOGIES INCORPORATED OF DELAWARE', 16, 2)).toEqual({
      lines: ['ACME', 'TECHNOLOGIES…'],
      truncated: true,
    });
    expect(wrapName('BETA CORP', 16, 2)).toEqual({ lines: ['BETA CORP'], truncated: false });
    expect(wrapName('SUPERCALIFRAGILISTIC', 8, 1)).toEqual({ lines: ['SUPERCA…'], truncated: true });
  });
});
