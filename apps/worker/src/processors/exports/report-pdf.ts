import PDFDocument from 'pdfkit';
import type { Tx } from '@patentrack/db';
import { dashboardSummary, listBrokenTitles, portfolioMaintenance } from '@patentrack/db/queries';
import { allListRows } from './list-rows';

/** The report's metrics, labelled as on Home (B2.1). */
const METRICS = [
  ['totalAssets', 'Assets'],
  ['completeChains', 'Complete chains'],
  ['brokenChains', 'Broken titles'],
  ['divested', 'Divested'],
  ['encumbrances', 'Encumbrances'],
  ['bankInvolved', 'Bank involved'],
  ['lawFirmInvolved', 'Law firm involved'],
  ['totalTransactions', 'Transactions'],
  ['totalEntities', 'Entities'],
  ['totalCompanies', 'Companies'],
] as const;

const count = new Intl.NumberFormat('en-US');

/** Renders the document and resolves with its bytes. */
function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: 'Portfolio report' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return ended;
}

/** One table row of fixed-width columns; long cells are cut to one line. */
function row(doc: PDFKit.PDFDocument, cells: readonly string[], widths: readonly number[], bold = false) {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
  const y = doc.y;
  let x = doc.page.margins.left;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  cells.forEach((cell, index) => {
    doc.text(cell, x, y, { width: widths[index]! - 6, height: 11, ellipsis: true, lineBreak: false });
    x += widths[index]!;
  });
  doc.x = doc.page.margins.left;
  doc.y = y + 13;
}

/**
 * The PDF dashboard report (Part D "Exports"): the Home metrics, every broken title with its gap, and the fees
 * due. `rowCount` is the number of broken titles listed.
 */
export async function dashboardReportPdf(tx: Tx): Promise<{ bytes: Buffer; rowCount: number }> {
  const summary = await dashboardSummary(tx);
  const broken = await allListRows(tx, listBrokenTitles, {});
  const fees = await allListRows(tx, portfolioMaintenance, { status: 'due' });
  const bytes = await render((doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Portfolio report');
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(
        `Generated ${new Date().toISOString().slice(0, 10)} · figures as of ${summary.calculatedAt ?? '—'}`,
      );
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text('Summary');
    doc.moveDown(0.3);
    for (const [key, label] of METRICS) row(doc, [label, count.format(summary[key])], [200, 100]);
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Broken titles (${count.format(broken.length)})`);
    doc.moveDown(0.3);
    const brokenWidths = [70, 150, 110, 170];
    row(doc, ['Number', 'Title', 'Current assignee', 'Gap'], brokenWidths, true);
    for (const title of broken)
      row(
        doc,
        [
          title.grantNumber ?? title.applicationNumber ?? '—',
          title.title ?? '—',
          title.currentAssignee ?? '—',
          title.gapDescription,
        ],
        brokenWidths,
      );
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .text(`Fees due (${count.format(fees.length)})`);
    doc.moveDown(0.3);
    const feeWidths = [90, 80, 90, 240];
    row(doc, ['Grant number', 'Fee window', 'Due date', 'Description'], feeWidths, true);
    for (const fee of fees)
      row(
        doc,
        [
          fee.grantNumber,
          fee.feeWindow ? `${fee.feeWindow} years` : '—',
          fee.dueDate,
          fee.description ?? '—',
        ],
        feeWidths,
      );
  });
  return { bytes, rowCount: broken.length };
}
