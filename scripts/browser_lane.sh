#!/usr/bin/env bash
# The browser lane of .ci/run (also runnable alone on a ready bench):
#
#   bash scripts/browser_lane.sh
#
# A throw-away site with the demo data (`bench --site S sakip-demo`), served by `bench serve` and a
# `bench worker` on a free port, the browser walks of e2e/ in the order their data needs (e2e/jalankan.py)
# in Debian's chromium through Playwright (a virtual environment made here from e2e/requirements.txt),
# and the user guides' screenshots refreshed into docs/gambar. The site is dropped at the end. The
# last line reads `browser: N passed, M failed`; the exit status is non-zero when a walk failed.
#
# Settings: those of scripts/lib_bench.sh (SAKIP_BENCH, ...); SAKIP_E2E_SHOTS (where every screenshot
# goes, default a temporary folder), SAKIP_E2E_KEEP=1 keeps the site and the servers' logs.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib_bench.sh
. "$ROOT/scripts/lib_bench.sh"
WORK=$(mktemp -d /tmp/sakip-browser.XXXXXX)
SITE=${SAKIP_E2E_SITE:-ci-browser-$$.localhost}
SHOTS=${SAKIP_E2E_SHOTS:-$WORK/shots}
PIDS=()
say() { printf '[browser] %s\n' "$*"; }
gagal() { say "FAILED: $*"; echo "browser: 0 passed, 1 failed"; exit 1; }

selesai() {
	for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null; done
	sleep 1
	for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null; done
	if [ "${SAKIP_E2E_KEEP:-0}" != 1 ]; then
		drop_site "$SITE" >/dev/null 2>&1
		rm -rf "$WORK"
	fi
}
trap selesai EXIT

# ---------------------------------------------------------------- the browser and Playwright
[ -x /usr/bin/chromium ] || gagal "no /usr/bin/chromium (scripts/provision_bench.sh installs Debian's chromium)"
say "Playwright in a virtual environment ($WORK/venv)"
python3 -m venv "$WORK/venv" &&
	"$WORK/venv/bin/pip" install -q --disable-pip-version-check -r "$ROOT/e2e/requirements.txt" >"$WORK/pip.log" 2>&1 ||
	{ cat "$WORK/pip.log"; gagal "installing e2e/requirements.txt"; }

# ---------------------------------------------------------------- the demo site
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
say "site $SITE with the demo data, served on $URL"
new_site "$SITE" admin >"$WORK/site.log" 2>&1 || { cat "$WORK/site.log"; gagal "new site $SITE"; }
as_bench_user "bench --site '$SITE' install-app sakip_evaluasi" >"$WORK/site.log" 2>&1 ||
	{ cat "$WORK/site.log"; gagal "install-app on $SITE"; }
# The app's bundle (filter_laporan) and public files under /assets.
as_bench_user "bench build --app sakip_evaluasi" >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; gagal "bench build"; }
as_bench_user "bench --site '$SITE' sakip-demo --password 'Demo#2026'" >"$WORK/demo.log" 2>&1 ||
	{ tail -n 40 "$WORK/demo.log"; gagal "sakip-demo on $SITE"; }
as_bench_user "bench --site '$SITE' set-config host_name '$URL'" >/dev/null

# ---------------------------------------------------------------- the print check, before any walk
# Every official format rendered to PDF from the demo's completed cycle and read page by page (no page
# holding only a signature block, headings repeated, no login or record code, page size as set); the
# PDFs stay in $CETAK for a look (pdftoppm -png -r 60 FILE.pdf page).
CETAK=$(mktemp -d /tmp/sakip-cetak.XXXXXX) && chown "$BENCH_USER": "$CETAK" 2>/dev/null
as_bench_user "bench --site '$SITE' execute sakip_evaluasi.uji.periksa_cetak.jalankan --kwargs '{\"keluar\": \"$CETAK\"}'" >"$WORK/cetak.log" 2>&1
cat "$WORK/cetak.log"
say "the PDFs: $CETAK"
cetak_rc=0
grep -qE '^cetak: [0-9]+ formats passed, 0 failed$' "$WORK/cetak.log" || cetak_rc=1

set -m  # each server in its own process group, so stopping it stops what it started
as_bench_user "bench --site '$SITE' serve --port $PORT --noreload" >"$WORK/web.log" 2>&1 &
PIDS+=($!)
as_bench_user "bench worker" >"$WORK/worker.log" 2>&1 &
PIDS+=($!)
set +m
for _ in $(seq 1 60); do
	curl -fsS -o /dev/null "$URL/api/method/ping" 2>/dev/null && break
	sleep 1
done
curl -fsS -o /dev/null "$URL/api/method/ping" || { tail -n 30 "$WORK/web.log"; gagal "the web server did not start"; }

# ---------------------------------------------------------------- the walks
mkdir -p "$SHOTS"
"$WORK/venv/bin/python" "$ROOT/e2e/jalankan.py" --url "$URL" --shots "$SHOTS" --gambar "$ROOT/docs/gambar"
rc=$?
[ $cetak_rc -eq 0 ] || rc=1
if ! kill -0 "${PIDS[1]}" 2>/dev/null; then
	say "the worker was not running at the end of the walks (the bell and the evidence pack need it): see its log below"
	rc=1
fi
if [ $rc -ne 0 ]; then
	say "the web server's last lines:"; tail -n 15 "$WORK/web.log"
	say "the worker's last lines:"; tail -n 15 "$WORK/worker.log"
fi
exit $rc
