#!/usr/bin/python3
"""Makes the fidelity suite's workbooks (tests/xlsx/fidelity/fixtures), each by a real producer.

The fixtures are committed, so the tests need neither Python nor LibreOffice; run this again
(Debian: apt-get install python3-openpyxl python3-xlsxwriter libreoffice-calc) to remake them:

    /usr/bin/python3 scripts/fidelity/make-fixtures.py

- xlsxwriter-features.xlsx  XlsxWriter (writes as Excel does): the sample plan with notes, the
  officer's own conditional format over whole rows and a dropdown whose list is on another sheet,
  a hyperlink, print set-up and manual page breaks, an autofilter; a "Data" sheet with a table,
  sparklines, a chart, an image, and a password; defined names; custom document properties.
- xlsxwriter-macros.xlsm    the same plan with XlsxWriter's example VBA project.
- openpyxl-features.xlsx    openpyxl (absolute relationship targets): the sample with a table,
  a chart, notes and sheet protection.
- openpyxl-locked.xlsx      the small plan below with its workbook structure locked (the
  product cannot add its sheets: refused, nothing written).
- openpyxl-plan-table.xlsx  a small plan that is itself an Excel Table.
- libreoffice.xlsx          xlsxwriter-features.xlsx opened and saved by LibreOffice Calc.
- libreoffice-pivot.xlsx    the same, with a pivot table and a link to a cell of another
  workbook made by LibreOffice through Python-UNO (lo-pivot.py; Debian: python3-uno).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
import struct

import openpyxl
import xlsxwriter
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.datavalidation import DataValidation

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "assets", "sample", "action-plan-2008-11.xlsx")
OUT = os.path.join(ROOT, "tests", "xlsx", "fidelity", "fixtures")
VBA = "/usr/share/doc/python3-xlsxwriter/examples/vbaProject.bin"


def png(width=4, height=4):
    """A small red PNG, made here so no image file is needed."""
    raw = b"".join(b"\x00" + b"\xc0\x00\x00" * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def copy_plan(src_ws, wb, ws):
    """The sample's plan sheet through XlsxWriter: values, bold, wrap, merges, widths, breaks."""
    bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    plain = wb.add_format({"text_wrap": True, "valign": "top"})
    merged = {}
    for rng in src_ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = rng
    skip = set()
    for rng in src_ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    skip.add((r, c))
    for row in src_ws.iter_rows():
        for cell in row:
            if (cell.row, cell.column) in skip:
                continue
            fmt = bold if cell.font and cell.font.b else plain
            rng = merged.get((cell.row, cell.column))
            value = "" if cell.value is None else cell.value
            if rng is not None:
                ws.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1, value, fmt)
            elif cell.value is not None:
                ws.write(cell.row - 1, cell.column - 1, value, fmt)
    for letter, dim in src_ws.column_dimensions.items():
        if dim.width:
            col = openpyxl.utils.column_index_from_string(letter)
            ws.set_column(col - 1, col - 1, dim.width)
    ws.set_h_pagebreaks([b.id for b in src_ws.row_breaks.brk])
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(26)


def xlsxwriter_book(path, macros=False):
    src = openpyxl.load_workbook(SAMPLE)
    wb = xlsxwriter.Workbook(path)
    prevention = wb.add_worksheet("Prevention")
    copy_plan(src["Prevention"], wb, prevention)
    provision = wb.add_worksheet("Provision of Services")
    copy_plan(src["Provision of Services"], wb, provision)
    lists = wb.add_worksheet("Lists")
    lists.write_column(0, 0, ["Staff", "Budget", "Partners"])
    # The officer's own format over whole rows, covering where the RAG column goes.
    shade = wb.add_format({"bg_color": "#F2F2F2"})
    prevention.conditional_format("A28:Z62", {"type": "formula", "criteria": '=$D28="Asst. Director of Public Health"', "format": shade})
    # A dropdown whose list is on another sheet, and a note.
    prevention.data_validation("E28:E62", {"validate": "list", "source": "=Lists!$A$1:$A$3"})
    prevention.write_comment("A28", "Checked with the lead in May.", {"author": "Officer"})
    prevention.write_url("A1", "internal:'Provision of Services'!A1", string="Plan of services")
    prevention.autofilter("A27:G62")
    data = wb.add_worksheet("Data")
    data.add_table("A1:D5", {"name": "Spend", "columns": [{"header": h} for h in ["Quarter", "Staff", "Budget", "Partners"]],
                             "data": [["Q1", 3, 4, 5], ["Q2", 4, 5, 6], ["Q3", 5, 3, 2], ["Q4", 6, 2, 8]]})
    data.add_sparkline("F2", {"range": "Data!B2:D2"})
    data.add_sparkline("F3", {"range": "Data!B3:D3", "type": "column"})
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "Staff", "categories": "=Data!$A$2:$A$5", "values": "=Data!$B$2:$B$5"})
    data.insert_chart("H2", chart)
    image = os.path.join(tempfile.mkdtemp(), "red.png")
    with open(image, "wb") as f:
        f.write(png())
    data.insert_image("H20", image)
    data.protect("secret")
    data.set_row(7, None, None, {"hidden": True})
    wb.define_name("VAT", "=0.2")
    wb.define_name("FirstQuarter", "=Data!$A$2")
    wb.set_custom_property("Sensitivity", "Official")
    wb.set_properties({"title": "Action plan 2008-11", "author": "Policy team"})
    if macros:
        wb.add_vba_project(VBA)
    wb.close()


def openpyxl_features(path):
    wb = openpyxl.load_workbook(SAMPLE)
    prevention = wb["Prevention"]
    prevention["A28"].comment = Comment("Checked with the lead in May.", "Officer")
    dv = DataValidation(type="list", formula1='"Yes,No"', allow_blank=True)
    prevention.add_data_validation(dv)
    dv.add("E28:E40")
    data = wb.create_sheet("Data")
    for row in [["Quarter", "Staff", "Budget"], ["Q1", 3, 4], ["Q2", 4, 5], ["Q3", 5, 3]]:
        data.append(row)
    table = Table(displayName="Spend", ref="A1:C4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
    data.add_table(table)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=4))
    data.add_chart(chart, "E2")
    data.protection.sheet = True
    data.protection.password = "secret"
    wb.save(path)


def openpyxl_plan_table(path, locked=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Ref", "Action", "Lead", "Timescale"])
    for i, (action, lead, when) in enumerate([
        ("Publish the strategy", "Head of Policy", "March 2009"),
        ("Train front-line staff", "Training Manager", "June 2009"),
        ("Review the referral pathway", "Service Manager", "December 2010"),
    ], start=1):
        ws.append([f"1.{i}", action, lead, when])
    table = Table(displayName="Actions", ref="A1:D4")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    for col, width in zip("ABCD", [8, 40, 22, 16]):
        ws.column_dimensions[col].width = width
    if locked:
        wb.security = WorkbookProtection(workbookPassword="secret", lockStructure=True)
    wb.save(path)


def libreoffice(source, path):
    work = tempfile.mkdtemp()
    profile = os.path.join(work, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                    "--outdir", work, source], check=True, capture_output=True, timeout=180)
    shutil.move(os.path.join(work, os.path.basename(source)), path)


def main():
    os.makedirs(OUT, exist_ok=True)
    xlsxwriter_book(os.path.join(OUT, "xlsxwriter-features.xlsx"))
    xlsxwriter_book(os.path.join(OUT, "xlsxwriter-macros.xlsm"), macros=True)
    openpyxl_features(os.path.join(OUT, "openpyxl-features.xlsx"))
    openpyxl_plan_table(os.path.join(OUT, "openpyxl-plan-table.xlsx"))
    openpyxl_plan_table(os.path.join(OUT, "openpyxl-locked.xlsx"), locked=True)
    if shutil.which("soffice"):
        libreoffice(os.path.join(OUT, "xlsxwriter-features.xlsx"), os.path.join(OUT, "libreoffice.xlsx"))
        other = os.path.join(tempfile.mkdtemp(), "budget.xlsx")
        book = openpyxl.Workbook()
        book.active.title = "Sheet1"
        book.active["A1"] = 1250
        book.save(other)
        subprocess.run(["/usr/bin/python3", os.path.join(os.path.dirname(os.path.abspath(__file__)), "lo-pivot.py"),
                        os.path.join(OUT, "xlsxwriter-features.xlsx"), other, os.path.join(OUT, "libreoffice-pivot.xlsx")], check=True, timeout=300)
    else:
        print("make-fixtures: soffice not found, libreoffice.xlsx not remade", file=sys.stderr)


if __name__ == "__main__":
    main()
