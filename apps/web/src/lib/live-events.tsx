'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { API_BASE } from './api';

/** Events of the SSE stream (#37); payloads as the worker publishes them (packages/shared events.ts). */
export interface IngestionProgress {
  jobId: string;
  orgId?: string;
  step: string;
  progress: number;
  status: 'started' | 'finished' | 'failed';
}
export interface PipelineComplete {
  orgId: string;
  pipelineId: string;
  status: 'success' | 'failed';
  failedStep?: string;
  duration: number;
}
export type LiveEvent =
  | { type: 'ingestion-progress'; data: IngestionProgress }
  | { type: 'pipeline-complete'; data: PipelineComplete }
  | { type: 'dashboard-refresh'; data: { orgId: string; dataType: string } }
  | { type: 'new-assignments'; data: { orgId: string; count: number; refreshNeeded: boolean } }
  | { type: 'job-complete'; data: { jobId: string; kind: string; status: string; resultUrl?: string } };

const EVENT_TYPES = [
  'ingestion-progress',
  'pipeline-complete',
  'dashboard-refresh',
  'new-assignments',
  'job-complete',
] as const;

type Listener = (event: LiveEvent) => void;

interface LiveEventsState {
  /** Green dot when the stream is open, grey while reconnecting (Part D). */
  connected: boolean;
  /** The latest progress of a pipeline run still going, for the "pipeline running" banner. */
  runningPipeline: IngestionProgress | null;
  subscribe: (listener: Listener) => () => void;
}

const LiveEventsContext = createContext<LiveEventsState>({
  connected: false,
  runningPipeline: null,
  subscribe: () => () => undefined,
});

/**
 * One EventSource per signed-in tab. Completed pipelines and dashboard refreshes invalidate the cached dashboard
 * and asset queries so pages refresh in place; the browser resumes with Last-Event-ID on its own.
 */
export function LiveEventsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const queryClient = useQueryClient();
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [runningPipeline, setRunningPipeline] = useState<IngestionProgress | null>(null);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/events/stream`, { withCredentials: true });
    // `connected` comes once the server has subscribed to the org's channel (the stream opens before that), and
    // `resync` when a resumed stream may have missed events: refetch what the page shows.
    const onConnected = () => setConnected(true);
    const onResync = () => void queryClient.invalidateQueries();
    source.addEventListener('connected', onConnected);
    source.addEventListener('resync', onResync);
    source.onerror = () => setConnected(false);
    const handlers = EVENT_TYPES.map((type) => {
      const handler = (message: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        const event = { type, data } as LiveEvent;
        if (event.type === 'ingestion-progress') {
          setRunningPipeline(event.data.status === 'failed' || event.data.progress >= 1 ? null : event.data);
        }
        if (event.type === 'pipeline-complete' || event.type === 'dashboard-refresh') {
          setRunningPipeline(null);
          void queryClient.invalidateQueries();
        }
        listeners.current.forEach((listener) => listener(event));
      };
      source.addEventListener(type, handler as EventListener);
      return [type, handler] as const;
    });
    return () => {
      handlers.forEach(([type, handler]) => source.removeEventListener(type, handler as EventListener));
      source.removeEventListener('connected', onConnected);
      source.removeEventListener('resync', onResync);
      source.close();
      setConnected(false);
    };
  }, [enabled, queryClient]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  return <LiveEventsContext value={{ connected, runningPipeline, subscribe }}>{children}</LiveEventsContext>;
}

export function useLiveEvents(): LiveEventsState {
  return useContext(LiveEventsContext);
}

/** Calls `listener` for every live event while the component is mounted. */
export function useLiveEvent(listener: Listener): void {
  const { subscribe } = useLiveEvents();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
