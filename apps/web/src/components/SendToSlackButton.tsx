'use client';

import { useState } from 'react';
import { apiData } from '@/lib/api';
import { useIntegrationConnected } from '@/lib/integrations';
import { SelectionAction } from './SelectionAction';

/** #68 lists at most this many assets in one message. */
const MAX_ASSETS = 100;

/**
 * "Send to Slack" of the selected assets (B2.2, #68), offered only when the org has connected Slack: asks for the
 * channel and a message, and posts the message with the assets' numbers to that channel.
 */
export function SendToSlackButton({ assetIds }: { assetIds: readonly string[] }) {
  const connected = useIntegrationConnected('slack');
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (!connected) return null;
  const tooMany = assetIds.length > MAX_ASSETS;
  return (
    <SelectionAction
      label="Send to Slack"
      count={assetIds.length}
      disabled={assetIds.length === 0 || tooMany}
      disabledReason={tooMany ? `At most ${MAX_ASSETS} assets per message` : undefined}
      testId="send-to-slack"
      submitLabel="Send"
      busyLabel="Sending…"
      onOpen={() => setSentTo(null)}
      fields={
        <>
          <label htmlFor="slack-channel" className="sr-only">
            Slack channel
          </label>
          <input
            id="slack-channel"
            name="channel"
            className="input w-40"
            required
            maxLength={80}
            placeholder="#ip-team"
          />
          <label htmlFor="slack-message" className="sr-only">
            Message
          </label>
          <input
            id="slack-message"
            name="message"
            className="input w-64"
            required
            maxLength={4000}
            defaultValue="Assets to review"
          />
        </>
      }
      status={sentTo && `Sent to ${sentTo}.`}
      onSubmit={async (values) => {
        const channel = String(values.get('channel')).trim();
        await apiData('/integrations/slack/notify', {
          method: 'POST',
          body: { channel, message: String(values.get('message')).trim(), assetIds },
        });
        setSentTo(channel);
      }}
    />
  );
}
