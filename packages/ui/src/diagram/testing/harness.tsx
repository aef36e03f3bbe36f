import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { diagramPayloadSchema, type DiagramPayload } from '@patentrack/shared';
import { OwnershipDiagram } from '../OwnershipDiagram';
import { brokenChainDiagram, generatedDiagram, workedExampleDiagram } from './samples';

/**
 * Browser harness for the component test: `?fixture=worked|broken|generated&mode=app|share&connections=0`
 * plus the diagram's own query parameters. It records the first render's duration on `window`.
 */
declare global {
  interface Window {
    diagramHarness: { renderMs: number; payload: DiagramPayload };
  }
}

const params = new URLSearchParams(window.location.search);
const fixtures: Record<string, () => DiagramPayload> = {
  worked: workedExampleDiagram,
  broken: brokenChainDiagram,
  generated: () => generatedDiagram(Number(params.get('transactions') ?? 100)),
};
let payload = diagramPayloadSchema.parse(
  (fixtures[params.get('fixture') ?? 'worked'] ?? workedExampleDiagram)(),
);
const mode = params.get('mode') === 'share' ? 'share' : 'app';
const withConnections = params.get('connections') !== '0';
if (mode === 'share' && !withConnections) {
  // What #64 serves without the `connections` grant.
  payload = {
    ...payload,
    popups: undefined,
    connections: payload.connections.map(({ popup: _popup, ...rest }) => rest),
  };
}

const container = document.getElementById('root') as HTMLElement;
const root = createRoot(container);
const started = performance.now();
flushSync(() =>
  root.render(
    <OwnershipDiagram
      diagram={payload}
      mode={mode}
      allowConnections={mode === 'share' ? withConnections : undefined}
      highlight={params.get('highlight') === 'break' ? 'break' : null}
      syncUrl
      playbackIntervalMs={Number(params.get('interval') ?? 1200)}
      footer={mode === 'share' ? '© PatenTrack sample organization' : undefined}
      onShare={mode === 'app' ? () => document.body.setAttribute('data-shared', 'true') : undefined}
    />,
  ),
);
window.diagramHarness = { renderMs: performance.now() - started, payload };
