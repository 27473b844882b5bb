#!/bin/sh
# Make sure Debian's chromium is present for the end-to-end test of the task pane
# (tests/e2e/pane.e2e.js drives it with playwright-core; nothing is downloaded by the test itself).
# Non-interactive; works as root (CI containers) or through sudo when it exists.
set -eu

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  AS_ROOT=""
elif command -v sudo >/dev/null 2>&1; then
  AS_ROOT="sudo -n"
else
  echo "ensure-chromium: $CHROMIUM is missing and this user cannot install packages." >&2
  echo "  Install it as root: apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "ensure-chromium: installing Debian's chromium (about 300 MB, once)..." >&2
if ! $AS_ROOT apt-get install -y --no-install-recommends chromium; then
  # The package lists may be missing or stale in a fresh container.
  $AS_ROOT apt-get update
  $AS_ROOT apt-get install -y --no-install-recommends chromium
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
