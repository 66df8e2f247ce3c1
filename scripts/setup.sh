#!/usr/bin/env bash
# Installs what policy-press needs on a fresh Debian/Ubuntu machine, then its
# npm dependencies. Safe to run again: it installs only what is missing.
#   system: Chromium (HTML→PDF, browser tests), Java (Nu Html Checker),
#           gettext (msgfmt), qpdf and poppler-utils (PDF checks)
#   npm:    `npm ci`, which also compiles src/ to lib/ (the prepare script)
set -euo pipefail
cd "$(dirname "$0")/.."

# Puppeteer must not try to download its own browser: we use the system's.
export PUPPETEER_SKIP_DOWNLOAD=1

missing=()
have_browser=false
for browser in "${PUPPETEER_EXECUTABLE_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
  if [ -n "$browser" ] && [ -x "$browser" ]; then have_browser=true; break; fi
done
$have_browser || missing+=(chromium)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "setup: please install: ${missing[*]} (no apt-get here)" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
