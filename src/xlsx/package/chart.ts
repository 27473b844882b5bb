/**
 * The board report's chart as DrawingML: a stacked bar chart part (series from the data block's
 * columns, categories from its first column, values cached so it shows before any recalculation)
 * and the drawing that anchors it over its cells.
 */
import type { ChartSpec, OwnedSheet } from "../../core/edits";
import { columnLetter } from "../../core/grid";
import { escapeXml, xmlSafe } from "./xml";

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const REL_CHART = `${R}/chart`;
export const REL_DRAWING = `${R}/drawing`;

const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function ref(sheet: string, top: number, left: number, bottom = top, right = left): string {
  const a = `$${columnLetter(left)}$${top + 1}`;
  const b = `$${columnLetter(right)}$${bottom + 1}`;
  return `${quoteSheet(sheet)}!${a}${a === b ? "" : `:${b}`}`;
}

function textAt(sheet: OwnedSheet, r: number, c: number): string {
  const v = sheet.rows[r]?.[c]?.value;
  return v === undefined ? "" : String(v);
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(xmlSafe(v))}</c:v></c:pt>`).join("")}</c:strCache>`;
}

/** The chart part's XML. */
export function chartXml(sheet: OwnedSheet, spec: ChartSpec): string {
  const d = spec.data;
  const cats: string[] = [];
  for (let r = d.top + 1; r <= d.bottom; r++) cats.push(textAt(sheet, r, d.left));
  const series: string[] = [];
  for (let c = d.left + 1, i = 0; c <= d.right; c++, i++) {
    const values: string[] = [];
    for (let r = d.top + 1; r <= d.bottom; r++) {
      const v = sheet.rows[r]?.[c]?.value;
      values.push(typeof v === "number" ? String(v) : "");
    }
    const colour = (spec.colors[i] ?? "808080").toUpperCase();
    series.push(
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${escapeXml(ref(sheet.name, d.top, c))}</c:f>${strCache([textAt(sheet, d.top, c)])}</c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(ref(sheet.name, d.top + 1, d.left, d.bottom, d.left))}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(ref(sheet.name, d.top + 1, c, d.bottom, c))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>` +
        values.map((v, k) => (v === "" ? "" : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join("") +
        `</c:numCache></c:numRef></c:val></c:ser>`,
    );
  }
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${escapeXml(xmlSafe(spec.title))}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    DECL +
    `<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series.join("")}<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part's XML: the chart (relationship `chartRelId`) over the spec's anchor cells. */
export function drawingXml(spec: ChartSpec, chartRelId: string): string {
  const a = spec.anchor;
  const mark = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    DECL +
    `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}"><xdr:twoCellAnchor editAs="oneCell">${mark("from", a.left, a.top)}${mark("to", a.right + 1, a.bottom + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Status by theme"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}
