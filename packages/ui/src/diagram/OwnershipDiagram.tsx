'use client';

import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type RefObject,
} from 'react';
import { select, zoom as d3zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import {
  DIAGRAM_CATEGORY_COLORS,
  type DiagramBox,
  type DiagramBrokenLink,
  type DiagramCategory,
  type DiagramPayload,
  type DiagramPayloadConnection,
} from '@patentrack/shared';
import { downloadBlob, serializeDiagramSvg, svgToPng } from './export';
import { categoryKey, categoryLabel, exportFileName, formatDiagramDate, formatPatentNumber } from './format';
import { layoutBreakConnectors, layoutDiagram, type LaidOutBox } from './layout';
import {
  BoxView,
  ConnectionPanel,
  DiagramKeyboardList,
  DiagramTable,
  Icon,
  Legend,
  LinkView,
  Swatch,
  ToolButton,
  boxDescription,
  chronologicalItems,
  isDashed,
  type DiagramItem,
} from './parts';
import {
  DIAGRAM_CATEGORIES,
  PlaybackModel,
  deriveBrokenLink,
  diagramSummary,
  parseDiagramQuery,
  visibleElements,
  writeDiagramQuery,
  type DiagramQueryState,
  type Playback,
} from './state';
import { DIAGRAM_CSS } from './styles';

export interface OwnershipDiagramProps {
  /** The #20 / #64 payload: business-rules §5.8 JSON plus `brokenLink`. */
  diagram: DiagramPayload;
  /** `share` is the read-only share viewer: no export, share or document links (product B5 "Share mode"). */
  mode?: 'app' | 'share';
  /** Whether links open the transaction panel; in share mode this is the link's `connections` grant. */
  allowConnections?: boolean;
  /** `'break'` when the page has `?highlight=break`. */
  highlight?: 'break' | null;
  /** The break to highlight when the host has only its rf_id; the payload's `brokenLink` is preferred. */
  highlightBreakRfId?: string | null;
  /** Where a recorded document opens; the default is the app's document route for the rf_id. */
  documentUrl?: (rfId: string) => string;
  /** Shown as a Share button in app mode when given. */
  onShare?: () => void;
  /** Read the initial state from and mirror it into the page URL (`step`, `hide`, `tp`, `rf`). */
  syncUrl?: boolean;
  /** Initial state when the host manages the URL itself. */
  initialState?: Partial<DiagramQueryState>;
  onStateChange?: (state: DiagramQueryState) => void;
  /** Share-viewer footer text next to the org logo (`general.logoUrl`), e.g. the copyright line. */
  footer?: string;
  /** Timer of the play button, in ms per transaction. */
  playbackIntervalMs?: number;
  className?: string;
}

export const defaultDocumentUrl = (rfId: string): string =>
  `/documents/assignments/${encodeURIComponent(rfId)}`;

const filterKey = (hidden: ReadonlySet<DiagramCategory>, thirdParties: boolean): string =>
  `${DIAGRAM_CATEGORIES.filter((c) => hidden.has(c)).join(',')}|${thirdParties}`;

/** Above this many boxes the diagram starts in table view with a warning (product B5 "States"). */
const LARGE_DIAGRAM_BOXES = 500;
const COMPACT_WIDTH = 768;
const MIN_ZOOM = 0.25;
const MAX_ZOOM = 4;
const PAN_STEP = 60;

function useCompact(ref: RefObject<HTMLElement | null>): boolean {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setCompact(element.getBoundingClientRect().width < COMPACT_WIDTH);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return compact;
}

function initialQueryState(
  props: OwnershipDiagramProps,
  model: PlaybackModel,
  rfIds: ReadonlySet<string>,
): DiagramQueryState {
  const fromUrl =
    props.syncUrl && typeof window !== 'undefined'
      ? parseDiagramQuery(new URLSearchParams(window.location.search), model, rfIds)
      : null;
  return {
    step: model.transactions,
    hidden: new Set(),
    thirdParties: true,
    rfId: null,
    ...fromUrl,
    ...props.initialState,
  };
}

/**
 * The ownership diagram (product B5): one patent's title history on a downward time axis, parties as boxes and
 * recorded transactions as arrows coloured by category, with playback, filters, zoom/pan, a transaction panel,
 * chain-break highlight, SVG/PNG export and an accessible table view.
 */
export function OwnershipDiagram(props: OwnershipDiagramProps) {
  const { diagram, mode = 'app', highlight = null, documentUrl = defaultDocumentUrl } = props;
  const canOpenPanel = props.allowConnections ?? (mode === 'app' || diagram.popups !== undefined);
  const readOnly = mode === 'share';

  const layout = useMemo(() => layoutDiagram(diagram), [diagram]);
  const model = useMemo(() => new PlaybackModel(diagram), [diagram]);
  const rfIds = useMemo(() => new Set(diagram.connections.map((c) => c.rfId)), [diagram]);
  const boxes = useMemo(() => new Map(diagram.boxes.map((b) => [b.id, b])), [diagram]);
  const connections = useMemo(() => new Map(diagram.connections.map((c) => [c.id, c])), [diagram]);
  const summary = useMemo(() => diagramSummary(diagram), [diagram]);

  const [initial] = useState(() => initialQueryState(props, model, rfIds));
  const [playback, setPlayback] = useState<Playback>(() => model.at(initial.step));
  const [hidden, setHidden] = useState<ReadonlySet<DiagramCategory>>(initial.hidden);
  const [thirdParties, setThirdParties] = useState(initial.thirdParties);
  const [selectedId, setSelectedId] = useState<number | null>(() =>
    canOpenPanel && initial.rfId
      ? (diagram.connections.find((c) => c.rfId === initial.rfId)?.id ?? null)
      : null,
  );
  const [focusBoxId, setFocusBoxId] = useState<number | null>(null);
  const [hover, setHover] = useState<{ id: number; x: number; y: number } | null>(null);
  const [playing, setPlaying] = useState(false);
  const [view, setView] = useState<'diagram' | 'table'>(
    diagram.boxes.length > LARGE_DIAGRAM_BOXES ? 'table' : 'diagram',
  );
  const [legendOpen, setLegendOpen] = useState(false);
  const [toolbarOpen, setToolbarOpen] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [keyboardFocus, setKeyboardFocus] = useState<DiagramItem | null>(null);

  const rootRef = useRef<HTMLElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const zoomLabelRef = useRef<HTMLSpanElement>(null);
  const panelRef = useRef<HTMLElement | null>(null);
  const returnFocusRef = useRef<HTMLElement | SVGElement | null>(null);
  const compact = useCompact(rootRef);

  const visible = useMemo(
    () => visibleElements(diagram, model, playback, { hidden, thirdParties }),
    [diagram, model, playback, hidden, thirdParties],
  );

  const brokenLink: DiagramBrokenLink | null = useMemo(() => {
    if (highlight !== 'break' && !props.highlightBreakRfId) return null;
    const rfId = props.highlightBreakRfId ?? diagram.brokenLink?.rfId ?? null;
    if (diagram.brokenLink && (rfId === null || diagram.brokenLink.rfId === rfId)) return diagram.brokenLink;
    return rfId ? deriveBrokenLink(diagram, rfId) : null;
  }, [diagram, highlight, props.highlightBreakRfId]);
  const breakBoxes = useMemo(
    () => new Set(brokenLink ? [...brokenLink.fromBoxIds, ...brokenLink.toBoxIds] : []),
    [brokenLink],
  );
  const breakConnectors = useMemo(
    () => (brokenLink ? layoutBreakConnectors(layout, brokenLink) : []),
    [layout, brokenLink],
  );

  // URL / host state mirroring.
  const queryState: DiagramQueryState = useMemo(
    () => ({
      step: playback.step,
      hidden,
      thirdParties,
      rfId: selectedId === null ? null : (connections.get(selectedId)?.rfId ?? null),
    }),
    [playback.step, hidden, thirdParties, selectedId, connections],
  );
  const { onStateChange, syncUrl } = props;
  const firstState = useRef(true);
  const lastFilterKey = useRef(filterKey(hidden, thirdParties));
  const restoringFromHistory = useRef(false);
  useEffect(() => {
    if (firstState.current) {
      firstState.current = false;
      return;
    }
    onStateChange?.(queryState);
    if (!syncUrl) return;
    const params = writeDiagramQuery(new URLSearchParams(window.location.search), queryState, model);
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
    // Filter changes get their own history entry so back/forward walk through them (product Part D); playback
    // steps and the open panel only replace the current entry.
    const key = filterKey(queryState.hidden, queryState.thirdParties);
    const filtersChanged = key !== lastFilterKey.current && !restoringFromHistory.current;
    lastFilterKey.current = key;
    restoringFromHistory.current = false;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (filtersChanged) window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }, [queryState, onStateChange, syncUrl, model]);

  useEffect(() => {
    if (!syncUrl) return;
    const onPopState = () => {
      const state = parseDiagramQuery(new URLSearchParams(window.location.search), model, rfIds);
      restoringFromHistory.current = filterKey(state.hidden, state.thirdParties) !== lastFilterKey.current;
      setHidden(state.hidden);
      setThirdParties(state.thirdParties);
      setPlayback(model.at(state.step));
      setSelectedId(state.rfId ? (diagram.connections.find((c) => c.rfId === state.rfId)?.id ?? null) : null);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [syncUrl, model, rfIds, diagram]);

  // Zoom and pan (d3-zoom): wheel/pinch 0.25×–4×, drag or one finger pans, double-click zooms in.
  const fit = useCallback(() => {
    const svg = svgRef.current;
    const behavior = zoomRef.current;
    if (!svg || !behavior) return;
    const width = svg.clientWidth || layout.width;
    const scale = Math.max(MIN_ZOOM, Math.min(1, width / layout.width));
    const offsetX = Math.max(0, (width - layout.width * scale) / 2);
    select(svg).call(behavior.transform, zoomIdentity.translate(offsetX, 0).scale(scale));
  }, [layout]);

  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (view !== 'diagram' || !svg || !layer) return;
    const behavior = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .on('zoom', (event: { transform: { k: number; toString(): string } }) => {
        layer.setAttribute('transform', event.transform.toString());
        if (zoomLabelRef.current)
          zoomLabelRef.current.textContent = `${Math.round(event.transform.k * 100)}%`;
      });
    zoomRef.current = behavior;
    select(svg).call(behavior);
    fit();
    return () => {
      select(svg).on('.zoom', null);
      zoomRef.current = null;
    };
  }, [view, fit]);

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor);
  }, []);
  const zoomTo100 = useCallback(() => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.transform, zoomIdentity);
  }, []);
  const panBy = useCallback((dx: number, dy: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.translateBy, dx, dy);
  }, []);

  // Playback timer.
  const interval = props.playbackIntervalMs ?? 1200;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setPlayback((p) => {
        const next = model.nextTransaction(p);
        if (model.isComplete(next)) setPlaying(false);
        return next;
      });
    }, interval);
    return () => clearInterval(timer);
  }, [playing, model, interval]);

  const closePanel = useCallback(() => {
    setSelectedId(null);
    setFocusBoxId(null);
    const target = returnFocusRef.current;
    returnFocusRef.current = null;
    if (target && 'focus' in target) target.focus();
  }, []);

  const openConnection = useCallback(
    (id: number) => {
      if (!canOpenPanel) return;
      returnFocusRef.current = document.activeElement as HTMLElement | null;
      setSelectedId(id);
    },
    [canOpenPanel],
  );
  useEffect(() => {
    if (selectedId !== null) panelRef.current?.focus();
  }, [selectedId]);

  const selectBox = useCallback((id: number) => setFocusBoxId((current) => (current === id ? null : id)), []);

  const onHover = useCallback((id: number | null, event?: ReactMouseEvent) => {
    if (id === null) {
      setHover(null);
      return;
    }
    const stage = stageRef.current?.getBoundingClientRect();
    const x = event && stage ? event.clientX - stage.left + 12 : 12;
    const y = event && stage ? event.clientY - stage.top + 12 : 12;
    setHover({ id, x, y });
  }, []);

  const onSvgKeyDown = (event: ReactKeyboardEvent<SVGSVGElement>) => {
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1.25),
      '=': () => zoomBy(1.25),
      '-': () => zoomBy(0.8),
      '0': fit,
      ArrowLeft: () => panBy(PAN_STEP, 0),
      ArrowRight: () => panBy(-PAN_STEP, 0),
      ArrowUp: () => panBy(0, PAN_STEP),
      ArrowDown: () => panBy(0, -PAN_STEP),
      Escape: closePanel,
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const patentLabel = diagram.general.patent
    ? formatPatentNumber(diagram.general.patent)
    : (diagram.general.application ?? '');
  const exportName = (extension: 'svg' | 'png') => exportFileName(diagram.general, extension, new Date());
  const serialize = () =>
    svgRef.current
      ? serializeDiagramSvg(svgRef.current, layout, `${patentLabel} ownership — ${summary}`)
      : null;
  const exportSvg = () => {
    const text = serialize();
    if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), exportName('svg'));
  };
  const exportPng = async () => {
    const text = serialize();
    if (!text) return;
    setExporting(true);
    try {
      downloadBlob(await svgToPng(text, layout, 2), exportName('png'));
    } finally {
      setExporting(false);
    }
  };

  const toggleCategory = (category: DiagramCategory) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  // Clicking a box highlights its links and their other ends and dims the rest.
  const focus = useMemo(() => {
    if (focusBoxId === null) return null;
    const attached = diagram.connections.filter((c) => c.from === focusBoxId || c.to === focusBoxId);
    return {
      links: new Set(attached.map((c) => c.id)),
      boxes: new Set([focusBoxId, ...attached.flatMap((c) => [c.from, c.to])]),
    };
  }, [diagram, focusBoxId]);
  const linkById = useMemo(() => new Map(layout.links.map((l) => [l.id, l])), [layout]);

  const introducing = useMemo(() => {
    const byNo = new Map<number, (typeof diagram.connections)[number]>();
    for (const c of model.ordered) if (!byNo.has(c.assignmentNo)) byNo.set(c.assignmentNo, c);
    return byNo;
  }, [model]);

  const visibleRows = useMemo(() => {
    const shown = new Set<number>();
    for (const placed of layout.boxes)
      if (placed.row !== null && visible.boxIds.has(placed.id)) shown.add(placed.row);
    return shown;
  }, [layout, visible]);

  const boxName = useCallback((id: number) => boxes.get(id)?.name ?? `#${id}`, [boxes]);
  /** The two date lines of a box: Filed/Granted for inventors, its introducing transaction's otherwise. */
  const boxDates = useCallback(
    (box: DiagramBox, role: LaidOutBox['role']): [string, string] | null => {
      const intro = introducing.get(box.assignmentNo);
      if (role === 'inventor')
        return [
          `Filed ${formatDiagramDate(diagram.general.appnoDate)}`,
          `Granted ${formatDiagramDate(diagram.general.grantDate)}`,
        ];
      if (role === 'third_party' || !intro) return null;
      return [
        `Executed ${formatDiagramDate(intro.execDate)}`,
        `Recorded ${formatDiagramDate(intro.recordDate)}`,
      ];
    },
    [introducing, diagram.general],
  );
  /** The recorded document behind a box's icon: app mode only, and never for third parties. */
  const boxDocument = useCallback(
    (box: DiagramBox, role: LaidOutBox['role']) => {
      const intro = introducing.get(box.assignmentNo);
      return readOnly || role === 'third_party' || !intro
        ? null
        : { href: documentUrl(intro.rfId), rfId: intro.rfId };
    },
    [introducing, readOnly, documentUrl],
  );
  const linkDescription = useCallback(
    (c: DiagramPayloadConnection) =>
      `${c.label}: ${boxName(c.from)} to ${boxName(c.to)}, recorded ${formatDiagramDate(c.recordDate)}, ${c.rfId}`,
    [boxName],
  );
  const keyboardItems = useMemo(
    () =>
      chronologicalItems(diagram.boxes, model.ordered).filter((item) =>
        item.kind === 'box' ? visible.boxIds.has(item.id) : visible.connectionIds.has(item.id),
      ),
    [diagram.boxes, model, visible],
  );
  const describeItem = (item: DiagramItem): string => {
    if (item.kind === 'link') {
      const c = connections.get(item.id);
      return c ? linkDescription(c) : `#${item.id}`;
    }
    const box = boxes.get(item.id);
    const placed = layout.boxById.get(item.id);
    return box && placed
      ? boxDescription(box, placed.role, boxDates(box, placed.role), breakBoxes.has(box.id))
      : `#${item.id}`;
  };
  const focusItem = (item: DiagramItem | null) => {
    setKeyboardFocus(item);
    // A focused link shows its tooltip, as hovering does.
    onHover(item?.kind === 'link' ? item.id : null);
  };
  const selected = selectedId === null ? null : (connections.get(selectedId) ?? null);
  const hovered = hover ? connections.get(hover.id) : undefined;
  const noTransactions = diagram.connections.length === 0;

  const playbackControls = (
    <div className="ptd-group" role="group" aria-label="Playback" data-testid="diagram-playback">
      <ToolButton
        testId="diagram-playback-start"
        label="Start: inventors only"
        onClick={() => {
          setPlaying(false);
          setPlayback(model.start());
        }}
      >
        <Icon name="start" />
      </ToolButton>
      <ToolButton
        testId="diagram-playback-prev"
        label="Previous transaction"
        disabled={playback.step === 0}
        onClick={() => setPlayback((p) => model.previousTransaction(p))}
      >
        <Icon name="previous" />
      </ToolButton>
      <ToolButton
        testId="diagram-playback-toggle"
        label={playing ? 'Pause playback' : 'Play ownership history'}
        pressed={playing}
        onClick={() => {
          if (!playing && model.isComplete(playback)) setPlayback(model.start());
          setPlaying(!playing);
        }}
      >
        <Icon name={playing ? 'pause' : 'play'} />
      </ToolButton>
      <span
        className="ptd-counter"
        data-testid="diagram-step-counter"
        aria-live="polite"
        aria-label={`Transaction ${playback.step} of ${model.transactions}`}
      >
        {playback.step} / {model.transactions}
      </span>
      <ToolButton
        testId="diagram-playback-next"
        label="Next transaction"
        disabled={model.isComplete(playback)}
        onClick={() => setPlayback((p) => model.nextTransaction(p))}
      >
        <Icon name="next" />
      </ToolButton>
      <ToolButton
        testId="diagram-playback-end"
        label="End: full history"
        onClick={() => {
          setPlaying(false);
          setPlayback(model.end());
        }}
      >
        <Icon name="end" />
      </ToolButton>
      <ToolButton
        testId="diagram-link-prev"
        label="Previous link"
        disabled={playback.links === 0}
        onClick={() => setPlayback((p) => model.previousLink(p))}
      >
        <Icon name="previousLink" />
      </ToolButton>
      <span
        className="ptd-counter"
        data-testid="diagram-link-counter"
        aria-label={`Link ${playback.links} of ${model.linkCount}`}
      >
        {playback.links} / {model.linkCount}
      </span>
      <ToolButton
        testId="diagram-link-next"
        label="Next link"
        disabled={playback.links >= model.linkCount}
        onClick={() => setPlayback((p) => model.nextLink(p))}
      >
        <Icon name="nextLink" />
      </ToolButton>
    </div>
  );

  const filterControls = (
    <div className="ptd-group" role="group" aria-label="Categories">
      {DIAGRAM_CATEGORIES.map((category) => (
        <label
          key={category}
          className="ptd-check"
          style={{ background: `${DIAGRAM_CATEGORY_COLORS[category]}22` }}
        >
          <input
            type="checkbox"
            data-testid={`diagram-filter-${categoryKey(category)}`}
            checked={!hidden.has(category)}
            onChange={() => toggleCategory(category)}
          />
          <Swatch category={category} />
          <span>{categoryLabel(category)}</span>
        </label>
      ))}
      <label className="ptd-check">
        <input
          type="checkbox"
          data-testid="diagram-filter-third-parties"
          checked={thirdParties}
          onChange={() => setThirdParties(!thirdParties)}
        />
        <span>Third parties</span>
      </label>
    </div>
  );

  const viewControls = (
    <>
      <div className="ptd-group" role="group" aria-label="Zoom">
        <ToolButton
          testId="diagram-zoom-out"
          label="Zoom out"
          onClick={() => zoomBy(0.8)}
          disabled={view !== 'diagram'}
        >
          −
        </ToolButton>
        <span className="ptd-counter" ref={zoomLabelRef} data-testid="diagram-zoom-level" aria-hidden="true">
          100%
        </span>
        <ToolButton
          testId="diagram-zoom-in"
          label="Zoom in"
          onClick={() => zoomBy(1.25)}
          disabled={view !== 'diagram'}
        >
          +
        </ToolButton>
        <ToolButton
          testId="diagram-zoom-fit"
          label="Fit to width"
          onClick={fit}
          disabled={view !== 'diagram'}
        >
          Fit
        </ToolButton>
        <ToolButton
          testId="diagram-zoom-reset"
          label="1:1 zoom (100 percent)"
          onClick={zoomTo100}
          disabled={view !== 'diagram'}
        >
          1:1
        </ToolButton>
      </div>
      <div className="ptd-group" role="group" aria-label="View">
        <ToolButton
          testId="diagram-legend-toggle"
          pressed={legendOpen}
          onClick={() => setLegendOpen(!legendOpen)}
        >
          Legend
        </ToolButton>
        <ToolButton
          testId="diagram-view-table"
          pressed={view === 'table'}
          onClick={() => setView(view === 'table' ? 'diagram' : 'table')}
        >
          Table view
        </ToolButton>
        <ToolButton
          testId="diagram-fullscreen"
          onClick={() =>
            document.fullscreenElement ? document.exitFullscreen() : rootRef.current?.requestFullscreen()
          }
        >
          Full screen
        </ToolButton>
      </div>
      {!readOnly && (
        <div className="ptd-group" role="group" aria-label="Actions">
          <ToolButton testId="diagram-export-svg" onClick={exportSvg} disabled={view !== 'diagram'}>
            Export SVG
          </ToolButton>
          <button
            type="button"
            className="ptd-btn"
            data-testid="diagram-export-png"
            onClick={exportPng}
            disabled={view !== 'diagram' || exporting}
            aria-busy={exporting}
          >
            Export PNG
          </button>
          {props.onShare && (
            <ToolButton testId="diagram-share" onClick={props.onShare}>
              Share
            </ToolButton>
          )}
        </div>
      )}
    </>
  );

  return (
    <section
      ref={rootRef}
      className={`ptd-root${compact ? ' ptd-compact' : ''}${props.className ? ` ${props.className}` : ''}`}
      data-testid="ownership-diagram"
      data-mode={mode}
      aria-label={`Ownership diagram of ${patentLabel}`}
    >
      <style>{DIAGRAM_CSS}</style>
      <header className="ptd-header">
        <h2>{patentLabel}</h2>
        {diagram.general.title && <p className="ptd-title">{diagram.general.title}</p>}
        {diagram.general.status === 'broken' && (
          <span className="ptd-badge" data-testid="diagram-broken-badge">
            Broken chain of title
          </span>
        )}
      </header>
      <div className="ptd-stage" ref={stageRef}>
        {view === 'table' ? (
          <>
            {diagram.boxes.length > LARGE_DIAGRAM_BOXES && (
              <p className="ptd-warning" role="status" data-testid="diagram-large-warning">
                This asset has {diagram.boxes.length} parties; the table is shown first.{' '}
                <button type="button" className="ptd-btn" onClick={() => setView('diagram')}>
                  Show diagram anyway
                </button>
              </p>
            )}
            <DiagramTable
              rows={model.ordered.filter((c) => visible.connectionIds.has(c.id))}
              boxName={boxName}
              summary={summary}
              canOpen={canOpenPanel}
              onOpen={openConnection}
            />
          </>
        ) : (
          <svg
            ref={svgRef}
            className="ptd-svg"
            data-testid="diagram-svg"
            role="img"
            aria-label={summary}
            tabIndex={0}
            onKeyDown={onSvgKeyDown}
          >
            <title>{summary}</title>
            <g ref={layerRef} data-testid="diagram-zoom-layer">
              <g aria-hidden="true">
                <line
                  x1={layout.axis.x}
                  y1={layout.axis.y1}
                  x2={layout.axis.x}
                  y2={layout.axis.y2}
                  stroke="#6b7280"
                  strokeWidth={1.5}
                  strokeDasharray="6 4"
                />
                {layout.rows.map((row, index) => (
                  <g
                    key={index}
                    data-testid="diagram-date-row"
                    display={visibleRows.has(index) ? undefined : 'none'}
                  >
                    <line
                      x1={layout.axis.x}
                      y1={row.y}
                      x2={row.guideEndX}
                      y2={row.y}
                      stroke="#9ca3af"
                      strokeWidth={0.75}
                      strokeDasharray="3 4"
                    />
                    <text x={layout.axis.x - 8} y={row.y + 4} textAnchor="end" fontSize={11} fill="#374151">
                      {row.label}
                    </text>
                  </g>
                ))}
              </g>
              <g>
                {[...diagram.boxes]
                  .sort((a, b) => a.assignmentNo - b.assignmentNo || a.id - b.id)
                  .map((box) => {
                    const placed = layout.boxById.get(box.id);
                    if (!placed) return null;
                    const recorded = boxDocument(box, placed.role);
                    return (
                      <BoxView
                        key={box.id}
                        box={box}
                        placed={placed}
                        visible={visible.boxIds.has(box.id)}
                        dimmed={focus !== null && !focus.boxes.has(box.id)}
                        broken={breakBoxes.has(box.id)}
                        focused={keyboardFocus?.kind === 'box' && keyboardFocus.id === box.id}
                        compact={compact}
                        dates={boxDates(box, placed.role)}
                        documentHref={recorded?.href ?? null}
                        onSelect={selectBox}
                      />
                    );
                  })}
              </g>
              <g>
                {model.ordered.map((c) => {
                  const link = linkById.get(c.id);
                  if (!link) return null;
                  return (
                    <LinkView
                      key={c.id}
                      connection={c}
                      link={link}
                      visible={visible.connectionIds.has(c.id)}
                      dimmed={focus !== null && !focus.links.has(c.id)}
                      selected={selectedId === c.id}
                      focused={keyboardFocus?.kind === 'link' && keyboardFocus.id === c.id}
                      dashed={isDashed(c, diagram.popups)}
                      onActivate={openConnection}
                      onHover={onHover}
                    />
                  );
                })}
              </g>
              {breakConnectors.length > 0 && (
                <g
                  data-testid="diagram-break"
                  data-rf-id={brokenLink?.rfId}
                  aria-label={`Chain of title breaks at ${brokenLink?.rfId}`}
                >
                  {breakConnectors.map((connector) => (
                    <g key={connector.id}>
                      <path
                        d={connector.path}
                        fill="none"
                        stroke="#E60000"
                        strokeWidth={2.5}
                        strokeDasharray="8 5"
                      />
                      <polygon points={connector.arrowHead} fill="#E60000" />
                    </g>
                  ))}
                </g>
              )}
            </g>
          </svg>
        )}
        {view === 'diagram' && (
          <DiagramKeyboardList
            items={keyboardItems}
            describe={describeItem}
            documentOf={(id) => {
              const box = boxes.get(id);
              const placed = layout.boxById.get(id);
              return box && placed ? boxDocument(box, placed.role) : null;
            }}
            onActivate={(item) => (item.kind === 'box' ? selectBox(item.id) : openConnection(item.id))}
            onFocusItem={focusItem}
            onEscape={closePanel}
          />
        )}
        {view === 'diagram' && legendOpen && <Legend />}
        {view === 'diagram' && noTransactions && (
          <p className="ptd-message" role="status" data-testid="diagram-empty">
            No recorded assignments
          </p>
        )}
        {hovered && hover && view === 'diagram' && (
          <div
            className="ptd-tooltip"
            role="tooltip"
            data-testid="diagram-tooltip"
            style={{ left: hover.x, top: hover.y }}
          >
            <strong style={{ color: hovered.color }}>{hovered.label}</strong>
            Recorded {formatDiagramDate(hovered.recordDate)}
            <br />
            {hovered.rfId}
          </div>
        )}
        {selected && (
          <ConnectionPanel
            connection={selected}
            popup={selected.popup === undefined ? null : (diagram.popups?.[selected.popup] ?? null)}
            general={diagram.general}
            sheet={compact}
            documentHref={readOnly ? null : documentUrl(selected.rfId)}
            fromName={boxName(selected.from)}
            toName={boxName(selected.to)}
            onClose={closePanel}
            panelRef={(element) => {
              panelRef.current = element;
            }}
          />
        )}
      </div>
      <div className="ptd-toolbar" role="toolbar" aria-label="Diagram controls" data-testid="diagram-toolbar">
        <button
          type="button"
          className="ptd-btn"
          aria-expanded={toolbarOpen}
          aria-label={toolbarOpen ? 'Collapse controls' : 'Expand controls'}
          onClick={() => setToolbarOpen(!toolbarOpen)}
        >
          {toolbarOpen ? '▾' : '▴'}
        </button>
        {toolbarOpen && playbackControls}
        {toolbarOpen && filterControls}
        {toolbarOpen &&
          (compact ? (
            <details className="ptd-more">
              <summary data-testid="diagram-more">More</summary>
              <div>{viewControls}</div>
            </details>
          ) : (
            viewControls
          ))}
      </div>
      {readOnly && (diagram.general.logoUrl || props.footer) && (
        <footer className="ptd-footer" data-testid="diagram-footer">
          {diagram.general.logoUrl && (
            <img src={diagram.general.logoUrl} alt="Organization logo" height={24} />
          )}
          {props.footer && <span>{props.footer}</span>}
        </footer>
      )}
    </section>
  );
}
