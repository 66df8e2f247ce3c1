#!/usr/bin/env bash
# Installs what policy-press needs on a fresh Debian/Ubuntu machine, then its
# npm dependencies. Safe to run again: it installs only what is missing.
#   system: Chromium (browser tests) and its headless shell (HTML→PDF, where
#           the distribution has it), Java (Nu Html Checker),
#           gettext (msgfmt), qpdf and poppler-utils (PDF checks),
#           translate-toolkit (the XLIFF reader of Weblate and Pootle, for the XLIFF tests)
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
command -v po2xliff >/dev/null || missing+=(translate-toolkit)

# Chromium's headless shell prints the same PDFs faster; without it the full browser prints them.
optional=()
[ -x /usr/bin/chromium-headless-shell ] || optional+=(chromium-headless-shell)

if [ ${#missing[@]} -gt 0 ] && ! command -v apt-get >/dev/null; then
  echo "setup: please install: ${missing[*]} (no apt-get here)" >&2
  exit 1
fi
if command -v apt-get >/dev/null && [ $((${#missing[@]} + ${#optional[@]})) -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]} ${optional[*]}" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [ ${#optional[@]} -gt 0 ]; then
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null ||
      echo "setup: ${optional[*]} is not available here; the full Chromium prints the PDFs" >&2
  fi
fi

npm ci --no-audit --no-fund
