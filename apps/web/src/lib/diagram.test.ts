import { describe, expect, it } from 'vitest';
import { brokenChainDiagram } from '@patentrack/ui/testing';
import { parseDiagramResponse } from './diagram';

describe('diagram responses', () => {
  const payload = brokenChainDiagram();

  it('accepts the payload bare or in the {data} envelope', () => {
    expect(parseDiagramResponse(payload)).toEqual({
      ok: true,
      diagram: expect.objectContaining({ boxes: payload.boxes }),
    });
    expect(parseDiagramResponse({ data: payload })).toEqual({
      ok: true,
      diagram: expect.objectContaining({ boxes: payload.boxes }),
    });
  });

  it('refuses anything that is not a diagram', () => {
    expect(parseDiagramResponse({ data: { boxes: 'nope' } })).toEqual({ ok: false });
    expect(parseDiagramResponse(null)).toEqual({ ok: false });
  });
});
