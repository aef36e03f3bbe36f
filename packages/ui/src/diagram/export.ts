/**
 * Client-side export of the diagram in its current playback/filter state (product B5 "Export"): hidden elements
 * are dropped, the zoom is reset to 100 % and the canvas is sized to the whole diagram.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export function serializeDiagramSvg(
  svg: SVGSVGElement,
  size: { width: number; height: number },
  title: string,
): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[display="none"], .ptd-hit').forEach((el) => el.remove());
  clone.querySelectorAll('[tabindex]').forEach((el) => el.removeAttribute('tabindex'));
  clone.querySelector('[data-testid="diagram-zoom-layer"]')?.removeAttribute('transform');
  for (const attribute of ['class', 'style', 'tabindex', 'aria-describedby'])
    clone.removeAttribute(attribute);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(size.width));
  clone.setAttribute('height', String(size.height));
  clone.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
  clone.setAttribute('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  const heading = clone.querySelector('title');
  if (heading) heading.textContent = title;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled so the download can start.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rasterises the serialized SVG at `scale` (2× for PNG per product B5). */
export async function svgToPng(
  svgText: string,
  size: { width: number; height: number },
  scale: number,
): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(size.width * scale);
    canvas.height = Math.ceil(size.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Canvas 2D context unavailable');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
