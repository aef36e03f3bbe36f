import { diagramPayloadSchema, type DiagramPayload } from '@patentrack/shared';

/**
 * The diagram endpoints (#20, #64) answer with the business-rules §5.8 JSON either bare or inside the `{data}`
 * envelope; both are accepted and validated, so the page never draws an unchecked payload.
 */
export function parseDiagramResponse(body: unknown): { ok: true; diagram: DiagramPayload } | { ok: false } {
  const candidate =
    body && typeof body === 'object' && !('boxes' in body) && 'data' in body
      ? (body as { data: unknown }).data
      : body;
  const parsed = diagramPayloadSchema.safeParse(candidate);
  return parsed.success ? { ok: true, diagram: parsed.data } : { ok: false };
}
