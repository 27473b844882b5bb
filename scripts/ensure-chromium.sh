#!/bin/sh
# Make sure Debian's chromium is present for the end-to-end test of the task pane
# (tests/e2e/pane.e2e.js drives it with playwright-core; nothing is downloaded by the test itself).
# chromium-l10n (about 9 MB) comes with it: without its en-GB locale, Chromium shows a date box
# month-first (05/13/2009) whatever --lang says, and the screenshots would show a UK officer the
# wrong date order. Non-interactive; works as root (CI containers) or through sudo when it exists.
set -eu

CHROMIUM=/usr/bin/chromium
EN_GB=/usr/lib/chromium/locales/en-GB.pak
if [ -x "$CHROMIUM" ] && [ -f "$EN_GB" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  AS_ROOT="sudo -n"
elif [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: warning: $EN_GB is missing (package chromium-l10n) and this user cannot install it;" >&2
  echo "  date boxes in the screenshots will read month-first." >&2
  exit 0
else
  echo "ensure-chromium: $CHROMIUM is missing and this user cannot install packages." >&2
  echo "  Install it as root: apt-get install -y --no-install-recommends chromium chromium-l10n" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() {
  $AS_ROOT apt-get install -y --no-install-recommends "$@" ||
    { $AS_ROOT apt-get update && $AS_ROOT apt-get install -y --no-install-recommends "$@"; } # lists missing or stale
}

echo "ensure-chromium: installing Debian's chromium and chromium-l10n (once)..." >&2
if ! apt_install chromium chromium-l10n; then
  # chromium alone is enough to run the test.
  [ -x "$CHROMIUM" ] || apt_install chromium
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
if [ ! -f "$EN_GB" ]; then
  echo "ensure-chromium: warning: $EN_GB is missing; date boxes in the screenshots will read month-first." >&2
fi
exit 0
