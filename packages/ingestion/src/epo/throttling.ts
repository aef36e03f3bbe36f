/** OPS traffic-light colours, worst last; `epo_throttle_state` reports the index. */
export const THROTTLE_COLOURS = ['green', 'yellow', 'red', 'black'] as const;
export type ThrottleColour = (typeof THROTTLE_COLOURS)[number];

export interface ThrottleState {
  /** Overall system state, e.g. `idle`, `busy`, `overloaded`. */
  system: string;
  services: Record<string, { colour: ThrottleColour; perMinute: number }>;
}

/** Parses `X-Throttling-Control: idle (images=green:200, inpadoc=green:60, …)`; undefined when absent or odd. */
export function parseThrottlingControl(header: string | undefined): ThrottleState | undefined {
  const match = /^\s*(\w+)\s*\((.*)\)\s*$/.exec(header ?? '');
  if (!match) return undefined;
  const services: ThrottleState['services'] = {};
  for (const part of match[2]!.split(',')) {
    const service = /^\s*([\w-]+)=(\w+):(\d+)\s*$/.exec(part);
    if (!service) continue;
    const colour = service[2]!.toLowerCase() as ThrottleColour;
    if (THROTTLE_COLOURS.includes(colour)) {
      services[service[1]!] = { colour, perMinute: Number(service[3]) };
    }
  }
  return { system: match[1]!, services };
}

/**
 * Spaces requests at `EPO_RATE_LIMIT_PER_SEC`, halved while OPS shows `yellow` for the metered service
 * (ingestion.md §3.6); `red`/`black` are left to the caller, who stops the whole queue for a minute.
 */
export class RequestPacer {
  private nextAt = 0;
  private slowed = false;

  constructor(
    private readonly ratePerSec: number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  async wait(): Promise<void> {
    const delay = this.nextAt - this.now();
    if (delay > 0) await this.sleep(delay);
    const interval = 1000 / (this.slowed ? this.ratePerSec / 2 : this.ratePerSec);
    this.nextAt = Math.max(this.now(), this.nextAt) + interval;
  }

  observe(colour: ThrottleColour | undefined): void {
    if (colour) this.slowed = colour !== 'green';
  }
}
