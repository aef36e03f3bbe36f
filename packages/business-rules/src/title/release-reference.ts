import { rfId } from '@patentrack/shared';

// "AT REEL/FRAME 048811/0679", "REEL/FRAME NO. 49111/0583", "RECORDED AT REEL 048818/FRAME 0520".
const REEL_FRAME =
  /REEL\s*(?:\/\s*FRAME)?\s*(?:NOS?\.?|NUMBERS?)?\s*[:#]?\s*(\d{1,8})\s*\/\s*(?:FRAME\s*(?:NO\.?)?\s*)?(\d{1,6})/i;

/** BR-032…BR-036 (D-6): the `rf_id` of the security a release names in its conveyance text, if it names one (§4.1 step 4). */
export function parseReleaseRfId(conveyText: string | null | undefined): string | null {
  const match = conveyText ? REEL_FRAME.exec(conveyText) : null;
  if (!match) return null;
  return rfId(Number(match[1]), Number(match[2]));
}
