#!/bin/sh
# Make sure LibreOffice Calc (headless) and poppler-utils are present for the rendering test
# (tests/render/run.js prints the refreshed plan and the board report to PDF and looks at the
# pages). fonts-crosextra-carlito has Calibri's widths, so pages break as they would in Excel.
# Non-interactive; works as root (CI) or through sudo when it exists.
set -eu

if command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "ensure-libreoffice: LibreOffice or poppler-utils is missing and this user cannot install packages." >&2
  echo "  Install as root: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
PACKAGES="libreoffice-calc poppler-utils fonts-crosextra-carlito"
echo "ensure-libreoffice: installing $PACKAGES (about 300 MB, once)..." >&2
if ! $AS_ROOT apt-get install -y -qq --no-install-recommends $PACKAGES; then
  $AS_ROOT apt-get update -qq
  $AS_ROOT apt-get install -y -qq --no-install-recommends $PACKAGES
fi
command -v soffice >/dev/null 2>&1 || { echo "ensure-libreoffice: apt-get finished but soffice is still missing." >&2; exit 1; }
