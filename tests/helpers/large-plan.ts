/**
 * Realistic action plans of any size, for benchmarks and scale tests: the seeds' block layout
 * (free text and the traffic-light legend above, a report-date line, a theme line, objective
 * blocks of about ten actions each under a repeated table header, progress comments merged
 * across the table in bold italics under the actions, with the officers' own status words),
 * and the timescales as officers type them ("1 st July 2009", "Mar 09", "Q3 2009/10",
 * "ongoing", "???", real Excel dates, ...).
 *
 * Deterministic: the same options give the same plan, row for row (a seeded generator, no
 * clock, no Math.random). One description, three forms:
 *   largePlan(options)          the rows of each sheet, as data
 *   largePlanGrids(options)     core grids, as the ExcelJS adapter would read the file
 *   largePlanWorkbook(options)  an ExcelJS workbook laid out like the sample plan
 *
 * Sheets: one per theme (Prevention, Provision of Services, Protection and Justice), the
 * actions shared out between them; a plan of fewer than 30 actions has one sheet. There is no
 * Progress or RAG column: Refresh RAG adds them (to the right of column G), as on the sample.
 */
import ExcelJS from "exceljs";
import { formatDay, isoDate, toExcelSerial, type IsoDate } from "../../src/core/dates";
import type { Area, Cell, Grid } from "../../src/core/grid";

export interface LargePlanOptions {
  /** Number of actions in the whole plan. */
  actions: number;
  /** Seed of the generator (default 1). */
  seed?: number;
  /** Number of plan sheets (default: 1 below 30 actions, else 3). */
  sheets?: number;
}

/** A timescale cell: free text, or a real Excel date. */
export type TimescaleValue = string | { date: IsoDate };

export type PlanRow =
  | { type: "blank" }
  /** Free text in column A (title, legend, report-date line, theme line). */
  | { type: "text"; text: string; bold?: boolean; size?: number }
  /** "Objective 3.1" in A (bold), its text in B merged across B:G. */
  | { type: "objective"; label: string; text: string }
  /** "By April 2011 we aim to ...", merged across A:G, italic. */
  | { type: "target"; text: string }
  /** The table header, bold, shaded. */
  | { type: "header"; cells: string[] }
  /** An action: Ref, Action, Time-scale, Lead responsibility, Resources, Measures, Risks. */
  | { type: "action"; cells: [string, string, TimescaleValue, string, string, string, string] }
  /** A wrapped line of the action above, continued in the next row. */
  | { type: "continuation"; cells: string[] }
  /** A progress comment, merged across A:G, bold italic. */
  | { type: "comment"; text: string }
  /** A row of dashes typed across the table. */
  | { type: "dashes"; cells: string[] };

export interface LargePlanSheet {
  name: string;
  theme: string;
  /** Actions on this sheet. */
  actions: number;
  rows: PlanRow[];
}

/** Columns of the table: A..G. */
export const TABLE_COLUMNS = 7;

const THEMES = ["Prevention", "Provision of Services", "Protection and Justice", "Partnership and Performance"];

/** Header wording varies between plans; the reader matches it by meaning. */
const HEADERS: ReadonlyArray<string[]> = [
  ["Ref", "Action", "Time-scale", "Lead responsibility", "Resources", "Performance / outcome measures", "1. Confidence level 2. Risks"],
  ["Ref", "Action", "Timescale", "Lead officer", "Resources", "Outcome measures", "Risks"],
  ["Ref", "Action", "Target date", "Lead", "Resources", "Performance / outcome measures", "1. Confidence level 2. Risks"],
  ["Ref", "Action", "By when", "Lead responsibility", "Resources", "Outcome measures", "Confidence level / risks"],
];

const REPORT_DATE_LINES = ["Progress report Updated 13th May 2009", "Progress report updated 16th OCT 2009", "Progress report Updated 2nd March 2010", "Progress report updated 1st Dec 2009"];

const LEGEND = [
  "This Action Plan is a working document, subject to regular review.",
  "Progress report \u2013 \u2018traffic lights\u2019 system:",
  "red = deadline passed and action incomplete or insufficient progress to achieve future deadline;",
  "amber = Progress slow, giving concern about meeting deadline",
  "green = deadline achieved or sufficient progress made to achieve future deadline",
  "Progress comments are shown in bold italics under each action.",
];

const VERBS = ["Develop", "Disseminate", "Complete", "Set up", "Explore feasibility of", "Commission", "Review", "Ensure", "Sustain", "Agree", "Deliver", "Publish", "Extend", "Pilot", "Map"];
const OBJECTS = [
  "a communications strategy",
  "the training strategy, ensuring quality standards and developing resources for professionals",
  "the prevention toolkit systematically to schools, youth workers and out-of-school support",
  "a protocol with Social Care (ACC & CYPS)",
  "a deposit bond scheme for EU nationals who are not entitled to housing",
  "24-hour emergency access to refuge",
  "thresholds for referral on to specialist agencies and multi-agency risk and needs assessment tools",
  "links with drugs/alcohol agencies to offer training and support protocols",
  "specialist DVA provision across the city",
  "a policy for any employee affected by domestic abuse",
  "the MARAC information-sharing protocol",
  "routine enquiry in antenatal and sexual health services",
  "a directory of services in community languages",
  "parenting support for families living with DVA",
  "independent domestic violence advisers at the specialist court",
];
const AUDIENCES = ["", " for all agencies", " with the voluntary sector", " in north and east of the city", " for children and young people", " across statutory partners", ""];

const LEADS = [
  "Asst. Director of Public Health (PCT)",
  "DA Strategy Co-ordinator",
  "DA Strategy Co-ordinator/ new post DVA CYP co-ordinator (0.6 FTE)",
  "Team Manager Asylum Seekers, Adult Community Care",
  "Peter Anderson, Crime Reduction Manager.",
  "Director, N & HS or Community Safety Manager",
  "Gillian Douglas",
  "Lesley Welch",
  "Strategy Leader CYPS - Safeguarding",
  "Chair, new DVA CYP & Parenting working group?",
  "Head of Housing Options",
  "Detective Inspector, Public Protection Unit",
  "Commissioning Manager (Supporting People)",
  "BDAF Training Co-ordinator",
];

const RESOURCES = [
  "Officer time",
  "(Multi-agency) officer time",
  "Campaigns & materials \u00a32K pa. Conferences seminars - \u00a32K pa Officer time - \u00a35K (in-kind)",
  "BDAF Training Coordinator \u00a318K pa Contracted trainers \u00a317K pa Training costs \u00a38K pa",
  "Costs???",
  "As above",
  "\u00a390K pa",
  "Officer time \u2013 quantify? Additional refuge spaces approx \u00a3150K pa",
  "Within existing budgets",
];

const MEASURES = [
  "Communications strategy in place Quality of Life survey analysed",
  "Training strategy agreed. Number of agencies that access training, have adopted a DVA policy and appointed a lead professional",
  "Action plan in place, signed up to by strategic partnerships",
  "Women without recourse to public funds would be able to leave violent partners and access appropriate support",
  "Feasibility study complete and appropriate action plan in place",
  "Statutory agencies should have an HR Policy to cover DA.",
  "Inter-agency referrals increase",
  "Number of repeat referrals to MARAC",
];

const RISKS = [
  "1 \u2013 High 2 \u2013 Low",
  "1 \u2013 Medium/high \u2013 pattern of campaigning in place 2 \u2013 Low/medium \u2013 PCT experience available",
  "1 - Medium/high\n2 \u2013 medium/high \u2013 lack of officer time",
  "1 \u2013 Medium \u2013 new development, but funds allocated 2 \u2013 Medium \u2013 lack of officer time.",
  "1 \u2013 2 \u2013 To be completed",
  "",
];

const COMMENTS = [
  "PCT contracted consultant to write strategy but first draft completed. Detailed actions will take another month or more.",
  "Consultant in place & working to plan",
  "Inappropriate timescale; new co-ordinator not agreed; possible new resources via NSPCC",
  "Timescale needs to be completed; working group now set up",
  "Protocol ? not written down",
  "Timescale to be completed, waiting to hear from N & HS",
  "No new money in the Medium Term financial plan but commissioning officer has now been appointed.",
  "Work yet to be agreed/started",
  "Work being undertaken by parenting group to get funding for specialist support",
  "Completed and signed off by the partnership board",
  "On track: first sessions delivered, evaluation forms positive",
  "Slow progress - awaiting agreement from partners",
  "Referral & Assessment clerk in post, further work being planned to target service delivery",
];
/** Status words as officers write them in a comment: mostly none, sometimes in capitals. */
const COMMENT_WORDS = ["", "", "", " Green", " Amber", " Red", " RED", " GREEN", " - green"];

const MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_TYPED = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = generator(seed);
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: ReadonlyArray<T>): T {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

function ordinal(day: number): string {
  const suffix = day % 10 === 1 && day !== 11 ? "st" : day % 10 === 2 && day !== 12 ? "nd" : day % 10 === 3 && day !== 13 ? "rd" : "th";
  return `${day}${suffix}`;
}

/** A timescale as officers write it: dates, months, quarters, financial years, ongoing, placeholders, prose. */
function timescale(r: Random): TimescaleValue {
  const year = r.int(2008, 2011);
  const yy = String(year % 100).padStart(2, "0");
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const roll = r.int(0, 99);
  if (roll < 14) {
    const d = r.pick([1, day, day, month === 2 ? 28 : 30]);
    return `${d}${r.pick(["", " "])}${ordinal(d).slice(String(d).length)} ${MONTHS_TYPED[month - 1]} ${year}`;
  }
  if (roll < 22) return `${day} ${MONTHS_SHORT[month - 1]} ${yy}`;
  if (roll < 28) return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  if (roll < 31) return `${day}.${month}.${year}`;
  if (roll < 39) return `${MONTHS_SHORT[month - 1]} ${yy}`;
  if (roll < 43) return `${MONTHS_SHORT[month - 1]}-${yy}`;
  if (roll < 48) return `${MONTHS_LONG[month - 1]} ${year}`;
  if (roll < 51) return `end of ${MONTHS_LONG[month - 1]} ${year}`;
  if (roll < 53) return `by ${MONTHS_TYPED[month - 1]} ${yy}`;
  if (roll < 59) return `Q${r.int(1, 4)} ${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  if (roll < 61) return `Q${r.int(1, 4)} ${year}`;
  if (roll < 65) return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
  if (roll < 67) return String(year);
  if (roll < 70) return `${MONTHS_LONG[month - 1]} ${year} - ${MONTHS_LONG[(month + 10) % 12]} ${year + 1}`;
  if (roll < 72) return `January \u2013 March ${year}`;
  if (roll < 75) return `1 Apr ${yy} ongoing`;
  if (roll < 79) return r.pick(["ongoing", "Ongoing", "annually", "31 August (annually)", "every August", "quarterly"]);
  if (roll < 83) return r.pick(["???", "TBC", "To be completed", "to be revised", "N/A"]);
  if (roll < 85) return "";
  if (roll < 87) return r.pick(["within three months of approval", "after the review", "subject to funding"]);
  return { date: isoDate(year, month, day) };
}

/** The text of an action: verb, object, audience. */
function actionText(r: Random): string {
  return `${r.pick(VERBS)} ${r.pick(OBJECTS)}${r.pick(AUDIENCES)}.`;
}

function leadText(r: Random): string {
  return r.chance(0.03) ? r.pick(["?", "TBC", ""]) : r.pick(LEADS);
}

/** A progress comment: the officer's words, sometimes dated, sometimes with their own status word. */
function commentText(r: Random): string {
  const dated = r.chance(0.15) ? `${String(r.int(1, 28)).padStart(2, "0")}/${String(r.int(1, 12)).padStart(2, "0")}/2009: ` : "";
  return `${dated}${r.pick(COMMENTS)}${r.pick(COMMENT_WORDS)}`;
}

/** How many actions go on each sheet. */
function shareOut(actions: number, sheets: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < sheets; i++) out.push(Math.floor(actions / sheets) + (i < actions % sheets ? 1 : 0));
  return out;
}

/** The plan, sheet by sheet, row by row. */
export function largePlan(options: LargePlanOptions): LargePlanSheet[] {
  const total = Math.max(0, Math.floor(options.actions));
  const sheetCount = Math.max(1, Math.min(THEMES.length, options.sheets ?? (total < 30 ? 1 : 3)));
  const r = new Random(options.seed ?? 1);
  let objectiveNumber = 2;
  return shareOut(total, sheetCount).map((count, s) => {
    const theme = THEMES[s];
    const header = HEADERS[s % HEADERS.length];
    const reportLine = REPORT_DATE_LINES[s % REPORT_DATE_LINES.length];
    const themeLine = `Action plan 2008-11 - ${theme}`;
    const rows: PlanRow[] = [];
    const blank = () => rows.push({ type: "blank" });
    rows.push({ type: "text", text: "Domestic violence and abuse - action plan 2008-11", bold: true, size: 14 });
    for (const line of LEGEND) {
      blank();
      rows.push({ type: "text", text: line });
    }
    blank();
    rows.push({ type: "text", text: reportLine });
    blank();
    rows.push({ type: "text", text: themeLine, bold: true });
    blank();
    rows.push({ type: "text", text: theme });
    let left = count;
    while (left > 0) {
      objectiveNumber++;
      blank();
      rows.push({ type: "objective", label: `Objective ${objectiveNumber}`, text: `Survivors, children and professionals are supported and informed (theme ${theme}, objective ${objectiveNumber}).` });
      const subObjectives = r.int(3, 6);
      for (let sub = 1; sub <= subObjectives && left > 0; sub++) {
        const objRef = `${objectiveNumber}.${sub}`;
        blank();
        rows.push({ type: "objective", label: `Objective ${objRef}`, text: `${r.pick(OBJECTS).replace(/^./, (c) => c.toUpperCase())} is in place and used by all relevant agencies.` });
        blank();
        rows.push({ type: "target", text: `By April 2011 we aim to ${r.pick(["show an increase in a qualitative measure of awareness", "have DVA training integrated into induction for all relevant professionals", "ensure that no survivor is unable to access support"])}.` });
        blank();
        rows.push({ type: "header", cells: [...header] });
        const inBlock = Math.min(left, r.int(6, 14));
        for (let n = 1; n <= inBlock; n++) {
          // Now and then a ref under the wrong objective or given twice, as in real plans.
          const refNumber = r.chance(0.005) ? `${objectiveNumber + 1}.${sub}.${n}` : r.chance(0.003) && n > 1 ? `${objRef}.${n - 1}` : `${objRef}.${n}`;
          const word = r.chance(0.08) ? `${r.pick(["Amber", "Red", "Green"])} ` : "";
          const risks = r.pick(RISKS);
          rows.push({ type: "action", cells: [`${word}${refNumber}`, actionText(r), timescale(r), leadText(r), r.pick(RESOURCES), r.pick(MEASURES), risks] });
          if (r.chance(0.06)) rows.push({ type: "continuation", cells: ["", r.pick(["support protocols.", "projects.", ""]), "", "", "", r.pick(["reduce harm from DVA.", "Community services in north and east", "access appropriate support"]), ""] });
          if (r.chance(0.02)) rows.push({ type: "dashes", cells: ["-------", "--", "-----", "-------------", "----------", "--", "--"] });
          const comments = r.chance(0.75) ? (r.chance(0.2) ? 2 : 1) : 0;
          for (let c = 0; c < comments; c++) rows.push({ type: "comment", text: commentText(r) });
          if (r.chance(0.1)) blank();
        }
        left -= inBlock;
        // The seeds repeat the report-date and theme lines after a page break.
        if (r.chance(0.4)) {
          blank();
          rows.push({ type: "text", text: reportLine });
          blank();
          rows.push({ type: "text", text: themeLine, bold: true });
        }
      }
    }
    return { name: theme, theme, actions: count, rows };
  });
}

function textCell(text: string, style: { bold?: boolean; italic?: boolean } = {}): Cell | undefined {
  if (text === "") return undefined;
  return { kind: "text", text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) };
}

function timescaleCell(value: TimescaleValue): Cell | undefined {
  if (typeof value === "string") return textCell(value);
  return { kind: "date", text: formatDay(value.date), date: value.date, number: toExcelSerial(value.date) };
}

/** One sheet as a core grid, in the form the ExcelJS adapter gives (a merged area's value in its top-left cell only). */
export function gridOfSheet(sheet: LargePlanSheet): Grid {
  const rows: (Cell | undefined)[][] = [];
  const merges: Area[] = [];
  sheet.rows.forEach((row, r) => {
    switch (row.type) {
      case "blank":
        rows.push([]);
        break;
      case "text":
        rows.push([textCell(row.text, { bold: row.bold })]);
        break;
      case "objective":
        rows.push([textCell(row.label, { bold: true }), textCell(row.text)]);
        merges.push({ top: r, left: 1, bottom: r, right: TABLE_COLUMNS - 1 });
        break;
      case "target":
        rows.push([textCell(row.text, { italic: true })]);
        merges.push({ top: r, left: 0, bottom: r, right: TABLE_COLUMNS - 1 });
        break;
      case "header":
        rows.push(row.cells.map((t) => textCell(t, { bold: true })));
        break;
      case "action":
        rows.push(row.cells.map((v, c) => (c === 2 ? timescaleCell(v) : textCell(v as string))));
        break;
      case "continuation":
      case "dashes":
        rows.push(row.cells.map((t) => textCell(t)));
        break;
      case "comment":
        rows.push([textCell(row.text, { bold: true, italic: true })]);
        merges.push({ top: r, left: 0, bottom: r, right: TABLE_COLUMNS - 1 });
        break;
    }
  });
  return { name: sheet.name, rows, merges, hiddenRows: [], protected: false, visible: true };
}

/** The plan as core grids, one per sheet. */
export function largePlanGrids(options: LargePlanOptions): Grid[] {
  return largePlan(options).map(gridOfSheet);
}

const FONT = { name: "Calibri", size: 11 };
const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top", horizontal: "left" };
const WIDTHS = [12, 40, 14, 26, 26, 36, 36];

/** The plan as an ExcelJS workbook laid out like the sample plan (fonts, borders, merges, widths). */
export function largePlanWorkbook(options: LargePlanOptions): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Action Plan RAG large-plan generator";
  wb.created = new Date(Date.UTC(2009, 9, 16));
  wb.modified = wb.created;
  for (const sheet of largePlan(options)) {
    const ws = wb.addWorksheet(sheet.name, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.columns = WIDTHS.map((width) => ({ width }));
    const tableRow = (r: number, cells: ReadonlyArray<TimescaleValue>, bold: boolean) => {
      const row = ws.getRow(r);
      cells.forEach((v, i) => {
        const cell = row.getCell(i + 1);
        if (typeof v === "string") {
          if (v !== "") cell.value = v;
        } else {
          const [y, m, d] = v.date.split("-").map(Number);
          cell.value = new Date(Date.UTC(y, m - 1, d));
          cell.numFmt = "dd/mm/yyyy";
        }
        cell.font = bold ? { ...FONT, bold: true } : { ...FONT };
        cell.alignment = WRAP_TOP;
        cell.border = BORDER;
        if (bold) cell.fill = HEADER_FILL;
      });
    };
    sheet.rows.forEach((def, i) => {
      const r = i + 1;
      const row = ws.getRow(r);
      switch (def.type) {
        case "blank":
          break;
        case "text": {
          const cell = row.getCell(1);
          cell.value = def.text;
          cell.font = { ...FONT, ...(def.size ? { size: def.size } : {}), ...(def.bold ? { bold: true } : {}) };
          break;
        }
        case "objective": {
          const label = row.getCell(1);
          label.value = def.label;
          label.font = { ...FONT, bold: true };
          ws.mergeCells(r, 2, r, TABLE_COLUMNS);
          const text = row.getCell(2);
          text.value = def.text;
          text.font = { ...FONT };
          text.alignment = WRAP_TOP;
          break;
        }
        case "target": {
          ws.mergeCells(r, 1, r, TABLE_COLUMNS);
          const cell = row.getCell(1);
          cell.value = def.text;
          cell.font = { ...FONT, italic: true };
          cell.alignment = WRAP_TOP;
          break;
        }
        case "header":
          tableRow(r, def.cells, true);
          break;
        case "action":
          tableRow(r, def.cells, false);
          break;
        case "continuation":
          tableRow(r, def.cells, false);
          break;
        case "comment": {
          ws.mergeCells(r, 1, r, TABLE_COLUMNS);
          const cell = row.getCell(1);
          cell.value = def.text;
          cell.font = { ...FONT, bold: true, italic: true };
          cell.alignment = WRAP_TOP;
          break;
        }
        case "dashes":
          def.cells.forEach((t, c) => {
            if (t !== "") row.getCell(c + 1).value = t;
          });
          break;
      }
    });
  }
  return wb;
}

/** Writes the plan as an .xlsx file. */
export async function writeLargePlanXlsx(options: LargePlanOptions, file: string): Promise<void> {
  await largePlanWorkbook(options).xlsx.writeFile(file);
}
