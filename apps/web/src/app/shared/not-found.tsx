import { ShareChrome, ShareLinkVerdictPage } from './[code]/ShareFrame';

/** An unknown share code (404, B6): the share viewer's own page, not the app's. */
export default function SharedLinkNotFound() {
  return (
    <ShareChrome>
      <ShareLinkVerdictPage verdict={{ reason: 'not_found' }} />
    </ShareChrome>
  );
}
