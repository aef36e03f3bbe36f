import { memo, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import {
  DIAGRAM_CATEGORY_COLORS,
  type DiagramBox,
  type DiagramCategory,
  type DiagramPayload,
  type DiagramPayloadConnection,
  type DiagramPopup,
} from '@patentrack/shared';
import { categoryKey, categoryLabel, formatDiagramDate, wrapName } from './format';
import type { LaidOutBox, LaidOutLink } from './layout';
import { DIAGRAM_CATEGORIES } from './state';

const TEXT = '#1f2937';
const MUTED = '#4b5563';
/** Inventor and third-party boxes carry no colour in the JSON (business-rules §5.8): the renderer's default. */
const DEFAULT_BOX_COLOR = '#6b7280';
const BREAK_RED = '#E60000';
const ROLE_LABEL = {
  inventor: 'inventor',
  owner: 'owner',
  bank: 'secured party',
  third_party: 'third party',
} as const;

/** Missing (unclassified) and correction links are dashed, so category never rests on colour alone (B5). */
export function isDashed(connection: DiagramPayloadConnection, popups: DiagramPopup[] | undefined): boolean {
  if (connection.category === 'Correct') return true;
  const popup = connection.popup === undefined ? undefined : popups?.[connection.popup];
  return popup?.conveyanceType === 'missing';
}

interface BoxViewProps {
  box: DiagramBox;
  placed: LaidOutBox;
  visible: boolean;
  dimmed: boolean;
  broken: boolean;
  /** Its entry in the keyboard list has focus: the drawing shows where focus is. */
  focused: boolean;
  compact: boolean;
  dates: [string, string] | null;
  documentHref: string | null;
  onSelect: (id: number) => void;
}

/** A box's accessible name: full name, role, its two dates and a chain break. */
export function boxDescription(
  box: DiagramBox,
  role: LaidOutBox['role'],
  dates: [string, string] | null,
  broken: boolean,
): string {
  return [box.name, ROLE_LABEL[role], ...(dates ?? []), broken ? 'chain break' : null]
    .filter(Boolean)
    .join(', ');
}

/**
 * One party box. The drawing is a role="img" picture whose parts are presentational, so pointer users click here
 * while keyboard and screen-reader users reach the same actions through `DiagramKeyboardList`.
 */
export const BoxView = memo(function BoxView(props: BoxViewProps) {
  const { box, placed, visible, dimmed, broken, focused, compact, dates, documentHref, onSelect } = props;
  const color = box.color ?? DEFAULT_BOX_COLOR;
  // Leave room for the flag and document icon on the right.
  const { lines, truncated } = wrapName(box.name, documentHref ? 16 : 18, compact ? 1 : 2);
  return (
    <g
      className={`ptd-node${dimmed ? ' ptd-dim' : ''}${focused ? ' ptd-focused' : ''}`}
      data-testid="diagram-node"
      data-box-id={box.id}
      data-role={placed.role}
      data-break={broken ? 'true' : undefined}
      transform={`translate(${placed.x},${placed.y})`}
      display={visible ? undefined : 'none'}
    >
      <g onClick={() => onSelect(box.id)}>
        {truncated && <title>{box.name}</title>}
        <rect
          className="ptd-box"
          width={placed.width}
          height={placed.height}
          rx={placed.role === 'inventor' ? 0 : 3}
          fill={color}
          fillOpacity={0.14}
          stroke={broken ? BREAK_RED : color}
          strokeWidth={broken ? 3 : 1.25}
          strokeDasharray={broken ? '6 3' : undefined}
        />
      </g>
      <g pointerEvents="none">
        <text x={8} y={18} fontSize={12.5} fontWeight={700} fill={TEXT}>
          {lines.map((line, i) => (
            <tspan key={i} x={8} dy={i === 0 ? 0 : 15}>
              {line}
            </tspan>
          ))}
        </text>
        {box.flag && (
          <text x={placed.width - 6} y={placed.height - 8} fontSize={10} textAnchor="end" fill={MUTED}>
            {box.flag.toUpperCase()}
          </text>
        )}
        {dates && (
          <text x={8} y={placed.height - 24} fontSize={11} fill={MUTED}>
            <tspan x={8}>{dates[0]}</tspan>
            <tspan x={8} dy={13}>
              {dates[1]}
            </tspan>
          </text>
        )}
      </g>
      {/* Not an <a>: a link inside the picture would be a nested control; the keyboard list has the real one. */}
      {documentHref && (
        <g
          className="ptd-doc"
          data-testid="diagram-document-link"
          onClick={() => window.open(documentHref, '_blank', 'noopener,noreferrer')}
        >
          <rect x={placed.width - 22} y={4} width={18} height={18} fill="transparent" />
          <path
            d={`M${placed.width - 18},6 h7 l4,4 v10 h-11 z M${placed.width - 11},6 v4 h4`}
            fill="#ffffff"
            stroke={MUTED}
            strokeWidth={1}
          />
        </g>
      )}
    </g>
  );
});

interface LinkViewProps {
  connection: DiagramPayloadConnection;
  link: LaidOutLink;
  visible: boolean;
  dimmed: boolean;
  selected: boolean;
  /** Its entry in the keyboard list has focus: the drawing shows where focus is. */
  focused: boolean;
  dashed: boolean;
  onActivate: (id: number) => void;
  onHover: (id: number | null, event?: ReactMouseEvent) => void;
}

/** One transaction arrow; presentational inside the picture, like `BoxView`. */
export const LinkView = memo(function LinkView(props: LinkViewProps) {
  const { connection, link, visible, dimmed, selected, focused, dashed } = props;
  const licence = connection.category === 'License' || connection.category === 'LicenseEnd';
  return (
    <g
      className={`ptd-link${dimmed ? ' ptd-dim' : ''}${focused ? ' ptd-focused' : ''}`}
      data-testid="diagram-link"
      data-connection-id={connection.id}
      data-category={categoryKey(connection.category)}
      data-rf-id={connection.rfId}
      data-selected={selected ? 'true' : undefined}
      display={visible ? undefined : 'none'}
      onClick={() => props.onActivate(connection.id)}
      onMouseEnter={(event) => props.onHover(connection.id, event)}
      onMouseMove={(event) => props.onHover(connection.id, event)}
      onMouseLeave={() => props.onHover(null)}
    >
      <path className="ptd-hit" d={link.path} fill="none" stroke="transparent" strokeWidth={10} />
      {focused && <path className="ptd-focus-halo" d={link.path} fill="none" strokeWidth={7} />}
      {/* The pale licence yellow gets a dark halo so it reads on a white background (B5). */}
      {licence && <path d={link.path} fill="none" stroke="#3f3f46" strokeWidth={3.5} strokeOpacity={0.55} />}
      <path
        className="ptd-line"
        d={link.path}
        fill="none"
        stroke={connection.color}
        strokeWidth={1.5}
        strokeDasharray={dashed ? '6 4' : undefined}
      />
      <polygon
        points={link.arrowHead}
        fill={connection.color}
        stroke={licence ? '#3f3f46' : 'none'}
        strokeWidth={0.6}
      />
    </g>
  );
});

/** A box or a link of the diagram, as the keyboard list walks them. */
export interface DiagramItem {
  kind: 'box' | 'link';
  id: number;
}

/**
 * Boxes and links in order of time (B5 "chronological keyboard focus"): the inventors first, then each
 * transaction's links followed by the boxes it introduces.
 */
export function chronologicalItems(boxes: DiagramBox[], ordered: DiagramPayloadConnection[]): DiagramItem[] {
  const entries = [
    ...ordered.map((c) => ({ step: c.assignmentNo, rank: 0, item: { kind: 'link' as const, id: c.id } })),
    ...[...boxes]
      .sort((a, b) => a.id - b.id)
      .map((box) => ({ step: box.assignmentNo, rank: 1, item: { kind: 'box' as const, id: box.id } })),
  ];
  // The sort is stable: links keep the given order and boxes their id order within a step.
  return entries.sort((a, b) => a.step - b.step || a.rank - b.rank).map((entry) => entry.item);
}

interface KeyboardListProps {
  items: DiagramItem[];
  describe: (item: DiagramItem) => string;
  /** The recorded document a box's icon opens, if it shows one. */
  documentOf: (boxId: number) => { href: string; rfId: string } | null;
  onActivate: (item: DiagramItem) => void;
  onFocusItem: (item: DiagramItem | null) => void;
  onEscape: () => void;
}

/**
 * The keyboard and screen-reader way into the picture: one button per visible box and link, in order of time.
 * It is visually hidden; its focus shows in the drawing (`focused`), so sighted keyboard users see where they are.
 */
export function DiagramKeyboardList(props: KeyboardListProps) {
  return (
    <ol
      className="ptd-sr"
      aria-label="Parties and transactions in order of time"
      data-testid="diagram-keyboard-list"
      onKeyDown={(event) => event.key === 'Escape' && props.onEscape()}
    >
      {props.items.map((item) => {
        const recorded = item.kind === 'box' ? props.documentOf(item.id) : null;
        return (
          <li key={`${item.kind}-${item.id}`}>
            <button
              type="button"
              data-testid="diagram-keyboard-item"
              data-kind={item.kind}
              data-id={item.id}
              onClick={() => props.onActivate(item)}
              onFocus={() => props.onFocusItem(item)}
              onBlur={() => props.onFocusItem(null)}
            >
              {props.describe(item)}
            </button>
            {recorded && (
              <a
                href={recorded.href}
                target="_blank"
                rel="noopener noreferrer"
                onFocus={() => props.onFocusItem(item)}
                onBlur={() => props.onFocusItem(null)}
              >
                Open document {recorded.rfId}
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Dashed swatch line for the legend and the filters. */
export function Swatch({ category }: { category: DiagramCategory }) {
  return (
    <svg width={22} height={10} aria-hidden="true">
      <line
        x1={1}
        y1={5}
        x2={21}
        y2={5}
        stroke={DIAGRAM_CATEGORY_COLORS[category]}
        strokeWidth={3}
        strokeDasharray={category === 'Correct' ? '5 3' : undefined}
      />
    </svg>
  );
}

export function Legend() {
  return (
    <div className="ptd-legend" data-testid="diagram-legend" role="note" aria-label="Legend">
      <ul>
        {DIAGRAM_CATEGORIES.map((category) => (
          <li key={category}>
            <Swatch category={category} />
            {categoryLabel(category)}
            {category === 'Ownership' ? ' (unclassified: dashed)' : ''}
          </li>
        ))}
        <li>
          <svg width={22} height={10} aria-hidden="true">
            <line x1={1} y1={5} x2={21} y2={5} stroke={BREAK_RED} strokeWidth={2} strokeDasharray="6 3" />
          </svg>
          Chain-of-title break
        </li>
      </ul>
    </div>
  );
}

interface PanelProps {
  connection: DiagramPayloadConnection;
  popup: DiagramPopup | null;
  general: DiagramPayload['general'];
  sheet: boolean;
  documentHref: string | null;
  fromName: string;
  toName: string;
  onClose: () => void;
  panelRef: (element: HTMLElement | null) => void;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ConnectionPanel(props: PanelProps) {
  const { connection, popup, general, sheet, documentHref } = props;
  return (
    <aside
      ref={props.panelRef}
      className={`ptd-panel ${sheet ? 'ptd-sheet' : 'ptd-side'}`}
      data-testid="connection-panel"
      data-layout={sheet ? 'bottom-sheet' : 'side-sheet'}
      role="dialog"
      aria-modal="false"
      aria-labelledby="ptd-panel-heading"
      tabIndex={-1}
      onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
    >
      <button
        type="button"
        className="ptd-btn ptd-close"
        onClick={props.onClose}
        aria-label="Close transaction details"
      >
        ×
      </button>
      <h3 id="ptd-panel-heading">
        <span className="ptd-swatch" style={{ background: connection.color }} aria-hidden="true" />
        {connection.label} — {connection.rfId}
      </h3>
      {popup?.conveyanceText && <p>{popup.conveyanceText}</p>}
      <dl>
        <Row label="Reel/frame">
          {connection.reelNo}/{connection.frameNo} ({connection.rfId})
        </Row>
        <Row label="Executed">{formatDiagramDate(connection.execDate)}</Row>
        <Row label="Recorded">{formatDiagramDate(connection.recordDate)}</Row>
        {popup?.daysExecToRecord != null && <Row label="Days to record">{popup.daysExecToRecord}</Row>}
        {popup?.pageCount != null && <Row label="Pages">{popup.pageCount}</Row>}
        <Row label="Assignors">
          <ul>
            {(popup?.assignors ?? [props.fromName]).map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </Row>
        <Row label="Assignees">
          <ul>
            {(popup?.assignees ?? [props.toName]).map((name, i) => (
              <li key={i}>{name}</li>
            ))}
          </ul>
        </Row>
        {popup?.correspondent.name && (
          <Row label="Correspondent">
            {popup.correspondent.name}
            {popup.correspondent.address.map((line, i) => (
              <span key={i}>
                <br />
                {line}
              </span>
            ))}
          </Row>
        )}
      </dl>
      <details>
        <summary>Properties</summary>
        <dl>
          {general.patent && <Row label="Patent">{general.patent}</Row>}
          {general.application && <Row label="Application">{general.application}</Row>}
        </dl>
      </details>
      {documentHref && (
        <p>
          <a
            href={documentHref}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="connection-document-link"
          >
            Open document
          </a>
        </p>
      )}
    </aside>
  );
}

interface TableProps {
  rows: DiagramPayloadConnection[];
  boxName: (id: number) => string;
  summary: string;
  canOpen: boolean;
  onOpen: (id: number) => void;
}

export function DiagramTable({ rows, boxName, summary, canOpen, onOpen }: TableProps) {
  return (
    <div className="ptd-table-wrap">
      <table className="ptd-table" data-testid="diagram-table">
        <caption>Ownership history: {summary}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Date</th>
            <th scope="col">Category</th>
            <th scope="col">From → To</th>
            <th scope="col">Reel/frame</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id} data-connection-id={c.id} data-category={categoryKey(c.category)}>
              <td>{c.assignmentNo}</td>
              <td title={c.execDate ?? c.recordDate ?? undefined}>
                {formatDiagramDate(c.execDate ?? c.recordDate)}
              </td>
              <td>
                <span className="ptd-swatch" style={{ background: c.color }} aria-hidden="true" />
                {c.label}
              </td>
              <td>
                {boxName(c.from)} → {boxName(c.to)}
              </td>
              <td>
                {canOpen ? (
                  <button type="button" className="ptd-btn" onClick={() => onOpen(c.id)}>
                    {c.rfId}
                  </button>
                ) : (
                  c.rfId
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ICONS = {
  start: 'M3 3h2v10H3z M13 3v10L6 8z',
  previous: 'M12 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4z M9 3h3v10H9z',
  next: 'M4 3v10l7-5z',
  end: 'M3 3v10l7-5z M11 3h2v10h-2z',
  previousLink: 'M10.5 3 5.5 8l5 5-1.4 1.4L2.7 8l6.4-6.4z',
  nextLink: 'M5.5 3l5 5-5 5 1.4 1.4L13.3 8 6.9 1.6z',
} as const;

/** Toolbar glyphs as inline SVG so they never depend on the fonts a device happens to have. */
export function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg width={16} height={16} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={ICONS[name]} fill="currentColor" />
    </svg>
  );
}

/** A toolbar button of the diagram showing an icon or a short text; `label` names it when the text does not. */
export function ToolButton({
  testId,
  label,
  onClick,
  disabled,
  pressed,
  children,
}: {
  testId: string;
  label?: string;
  onClick: () => unknown;
  disabled?: boolean;
  pressed?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="ptd-btn"
      data-testid={testId}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
