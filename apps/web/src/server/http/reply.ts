/** A handler result with a non-200 status or extra headers; plain values are sent as 200 JSON. */
export class ApiReply {
  constructor(
    readonly body: unknown,
    readonly status: number = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const reply = {
  ok: (body: unknown, headers?: Record<string, string>) => new ApiReply(body, 200, headers),
  created: (body: unknown, headers?: Record<string, string>) => new ApiReply(body, 201, headers),
  accepted: (body: unknown) => new ApiReply(body, 202),
  noContent: () => new ApiReply(null, 204),
};
