#!/bin/sh
# The playground browser test drives Debian's Chromium through playwright-core (Playwright's
# own browser download is not used). CI runs this before the tests; it installs Chromium
# when it is missing and the machine lets us (root with apt-get).
set -e
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium for the playground browser test"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: $CHROMIUM is missing; install it (apt-get install -y chromium) or set CHROMIUM_PATH" >&2
exit 1
