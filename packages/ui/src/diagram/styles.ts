/**
 * The few styles the diagram needs, shipped with it so that it looks right without the host's CSS. Everything a
 * static export must show is drawn with SVG attributes; these rules cover layout, interaction and media queries.
 */
export const DIAGRAM_CSS = `
.ptd-root{--ptd-fg:#1f2937;--ptd-muted:#4b5563;--ptd-bg:#ffffff;--ptd-line:#d1d5db;--ptd-accent:#1d4ed8;
  position:relative;box-sizing:border-box;width:100%;max-width:100%;min-width:0;color:var(--ptd-fg);background:var(--ptd-bg);
  font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;border:1px solid var(--ptd-line);border-radius:6px;overflow:hidden}
.ptd-root *,.ptd-root *::before,.ptd-root *::after{box-sizing:border-box}
.ptd-root:fullscreen{display:flex;flex-direction:column;border-radius:0}
.ptd-header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;padding:10px 14px;border-bottom:1px solid var(--ptd-line)}
.ptd-header h2{margin:0;font-size:16px;font-weight:700}
.ptd-title{margin:0;color:var(--ptd-muted);overflow-wrap:anywhere;flex:1 1 240px}
.ptd-badge{display:inline-block;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:600;background:#fee2e2;color:#991b1b;border:1px solid #b91c1c}
.ptd-stage{position:relative;height:min(70vh,720px);min-height:320px;overflow:hidden;background:var(--ptd-bg)}
.ptd-root:fullscreen .ptd-stage{flex:1;height:auto}
.ptd-svg{display:block;width:100%;height:100%;touch-action:none;cursor:grab;user-select:none}
.ptd-svg:active{cursor:grabbing}
.ptd-svg:focus-visible{outline:3px solid var(--ptd-accent);outline-offset:-3px}
.ptd-hit{stroke-width:10px}
@media (pointer:coarse){.ptd-hit{stroke-width:16px}}
.ptd-link{cursor:pointer}
.ptd-link:hover .ptd-line,.ptd-link.ptd-focused .ptd-line,.ptd-link[data-selected] .ptd-line{stroke-width:3px}
.ptd-focus-halo{stroke:var(--ptd-accent);stroke-opacity:.45}
.ptd-node,.ptd-doc{cursor:pointer}
.ptd-node.ptd-focused .ptd-box{stroke:var(--ptd-accent);stroke-width:3px}
.ptd-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.ptd-dim{opacity:.18}
.ptd-tooltip{position:absolute;z-index:3;pointer-events:none;max-width:260px;padding:6px 8px;border-radius:4px;background:#111827;color:#f9fafb;font-size:12px;box-shadow:0 2px 6px rgba(0,0,0,.3)}
.ptd-tooltip strong{display:block}
.ptd-message{position:absolute;left:50%;bottom:16px;transform:translateX(-50%);padding:6px 12px;border-radius:4px;background:#f3f4f6;color:var(--ptd-fg);font-weight:600}
.ptd-panel{position:absolute;z-index:4;background:var(--ptd-bg);color:var(--ptd-fg);border:1px solid var(--ptd-line);box-shadow:0 4px 16px rgba(0,0,0,.2);overflow:auto;padding:12px 14px}
.ptd-panel.ptd-side{top:0;right:0;bottom:0;width:min(360px,90%)}
.ptd-panel.ptd-sheet{position:fixed;left:0;right:0;bottom:0;max-height:60vh;border-radius:12px 12px 0 0}
.ptd-panel h3{margin:0 36px 8px 0;font-size:15px}
.ptd-panel dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 10px;margin:8px 0}
.ptd-panel dt{color:var(--ptd-muted)}
.ptd-panel dd{margin:0;overflow-wrap:anywhere}
.ptd-panel ul{margin:0;padding-left:18px}
.ptd-close{position:absolute;top:8px;right:8px}
.ptd-swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.35)}
.ptd-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;padding:8px 10px;border-top:1px solid var(--ptd-line);background:#f9fafb}
.ptd-group{display:flex;flex-wrap:wrap;align-items:center;gap:4px}
.ptd-group[role=group]>span.ptd-group-label{font-size:12px;color:var(--ptd-muted);margin-right:2px}
.ptd-btn{display:inline-flex;align-items:center;justify-content:center;min-width:32px;min-height:32px;padding:4px 8px;border:1px solid #9ca3af;border-radius:4px;background:#fff;color:var(--ptd-fg);font:inherit;cursor:pointer}
.ptd-btn[aria-pressed=true]{background:#dbeafe;border-color:var(--ptd-accent)}
.ptd-btn:focus-visible,.ptd-check input:focus-visible,.ptd-more summary:focus-visible{outline:3px solid var(--ptd-accent);outline-offset:1px}
.ptd-btn:disabled{opacity:.5;cursor:default}
.ptd-counter{min-width:56px;text-align:center;font-variant-numeric:tabular-nums}
.ptd-check{display:inline-flex;align-items:center;gap:4px;padding:2px 6px;border-radius:4px;font-weight:600;cursor:pointer}
.ptd-check span{color:var(--ptd-fg)}
.ptd-more summary{cursor:pointer;min-height:32px;display:flex;align-items:center;padding:0 8px;border:1px solid #9ca3af;border-radius:4px;background:#fff;list-style:none}
.ptd-more[open]{flex-basis:100%}
.ptd-more[open]>div{display:flex;flex-wrap:wrap;gap:6px 14px;margin-top:6px}
.ptd-compact .ptd-btn,.ptd-compact .ptd-check,.ptd-compact .ptd-more summary{min-width:44px;min-height:44px}
.ptd-legend{position:absolute;z-index:2;left:8px;top:8px;padding:8px 10px;background:rgba(255,255,255,.95);border:1px solid var(--ptd-line);border-radius:4px;font-size:12px}
.ptd-legend ul{list-style:none;margin:0;padding:0}
.ptd-legend svg{vertical-align:middle;margin-right:6px}
.ptd-table-wrap{height:100%;overflow:auto;padding:8px}
.ptd-table{border-collapse:collapse;width:100%;font-size:13px}
.ptd-table caption{text-align:left;font-weight:600;padding:4px 0}
.ptd-table th,.ptd-table td{border-bottom:1px solid var(--ptd-line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.ptd-warning{margin:8px;padding:8px 10px;border:1px solid #b45309;background:#fffbeb;border-radius:4px}
.ptd-footer{display:flex;align-items:center;gap:10px;padding:6px 12px;border-top:1px solid var(--ptd-line);font-size:12px;color:var(--ptd-muted)}
.ptd-compact .ptd-stage{height:min(62vh,560px)}
@media (prefers-reduced-motion:no-preference){.ptd-line{transition:stroke-width .12s}.ptd-node,.ptd-link{transition:opacity .2s}}
`;
