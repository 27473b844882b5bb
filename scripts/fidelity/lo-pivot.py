#!/usr/bin/python3
"""LibreOffice Calc (headless, through Python-UNO) makes a pivot table and a link to another
workbook in a copy of a plan, saved as .xlsx: python3 lo-pivot.py SOURCE.xlsx OTHER.xlsx OUT.xlsx"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(source, other, out):
    work = tempfile.mkdtemp()
    port = 2002 + os.getpid() % 1000
    office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--invisible", "--norestore",
                               f"--accept=socket,host=127.0.0.1,port={port};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        sheets = doc.Sheets
        data = sheets.getByName("Data")
        data_index = [sheets.ElementNames.index("Data")][0]
        sheets.insertNewByName("Pivot", sheets.Count)
        pivot_sheet = sheets.getByName("Pivot")
        tables = data.DataPilotTables
        desc = tables.createDataPilotDescriptor()
        rng = CellRangeAddress()
        rng.Sheet, rng.StartColumn, rng.StartRow, rng.EndColumn, rng.EndRow = data_index, 0, 0, 3, 4
        desc.SourceRange = rng
        fields = desc.DataPilotFields
        from com.sun.star.sheet.DataPilotFieldOrientation import ROW, DATA
        fields.getByIndex(0).Orientation = ROW
        staff = fields.getByIndex(1)
        staff.Orientation = DATA
        at = CellAddress()
        at.Sheet, at.Column, at.Row = sheets.Count - 1, 0, 0
        pivot_sheet.DataPilotTables.insertNewByName("StaffByQuarter", at, desc)
        # A link to a cell of another workbook.
        pivot_sheet.getCellByPosition(4, 0).Formula = f"='{uno.systemPathToFileUrl(os.path.abspath(other))}'#$Sheet1.A1"
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.terminate()
        office.wait(30)


if __name__ == "__main__":
    main(*sys.argv[1:4])
