#!/usr/bin/env bash
# The demo in one command (README, "Quick start"):
#
#   bash scripts/demo.sh
#
# Makes the bench ready (scripts/provision_bench.sh), installs this checkout into it, creates the
# site demo.localhost with the app (or migrates it when it is there), runs `sakip-demo` (a realistic
# agency and two evaluation cycles; safe to run again), and serves the desk on
# http://localhost:8000 with a background worker, the scheduler and the realtime server running,
# so SLA checks and notifications really happen while you click around. Ctrl-C stops everything it
# started. Running it again reuses the bench and the site.
#
# Settings: SAKIP_DEMO_SITE (demo.localhost), SAKIP_DEMO_PORT (8000), SAKIP_DEMO_PASSWORD
# (Demo#2026), and those of scripts/provision_bench.sh (SAKIP_BENCH, FRAPPE_SOURCE, ...).
# SAKIP_DEMO_NO_SERVE=1 prepares everything and exits without serving (used by the checks).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SITE=${SAKIP_DEMO_SITE:-demo.localhost}
PORT=${SAKIP_DEMO_PORT:-8000}
PASSWORD=${SAKIP_DEMO_PASSWORD:-Demo#2026}

bash "$ROOT/scripts/provision_bench.sh"
# shellcheck source=lib_bench.sh
. "$ROOT/scripts/lib_bench.sh"
say() { printf '[demo] %s\n' "$*"; }

say "installing this checkout into $BENCH/apps/sakip_evaluasi"
install_app_copy
if [ -d "$BENCH/sites/$SITE" ]; then
	if as_bench_user "bench --site '$SITE' list-apps" | grep -q sakip_evaluasi; then
		say "site $SITE exists: bench migrate"
		as_bench_user "bench --site '$SITE' migrate" >/dev/null
	else
		as_bench_user "bench --site '$SITE' install-app sakip_evaluasi"
	fi
else
	say "creating the site $SITE"
	new_site "$SITE" admin >/dev/null
	as_bench_user "bench --site '$SITE' install-app sakip_evaluasi"
fi
# The app's public files (logo, scripts) under /assets.
as_bench_user "bench build --app sakip_evaluasi" >/dev/null 2>&1 || true
say "sakip-demo"
as_bench_user "bench --site '$SITE' sakip-demo --password '$PASSWORD'"
as_bench_user "bench --site '$SITE' enable-scheduler" >/dev/null
as_bench_user "bench --site '$SITE' set-config host_name 'http://localhost:$PORT'" >/dev/null
# Electronic signatures against the local eSign service (its own virtual environment, tte_lokal/).
TTE_PORT=${SAKIP_TTE_PORT:-8190}
SAKIP_TTE_PORT=$TTE_PORT bash "$ROOT/scripts/tte_lokal.sh" start
as_bench_user "bench --site '$SITE' execute sakip_evaluasi.demo.tte.pakai_layanan_lokal --kwargs \"{'port': $TTE_PORT}\"" | tail -n 1 | sed 's/^/[demo] /'

[ "${SAKIP_DEMO_NO_SERVE:-0}" = 1 ] && { say "ready (not serving: SAKIP_DEMO_NO_SERVE=1)"; exit 0; }

PIDS=()
set -m  # every background job in its own process group, so stopping one stops all it started
start() {  # start <name> <command line>: as the bench user, output to logs/demo-<name>.log
	local name=$1; shift
	as_bench_user "$*" >"$BENCH/logs/demo-$name.log" 2>&1 &
	PIDS+=($!)
}
stop() {
	# Stop first, then talk: the terminal (or a pipe reading this output) may be gone already.
	trap - INT TERM EXIT
	trap '' PIPE
	for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
	sleep 2
	for pid in "${PIDS[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
	SAKIP_TTE_PORT=$TTE_PORT bash "$ROOT/scripts/tte_lokal.sh" stop >/dev/null 2>&1 || true
	say "stopped the web server, worker, scheduler, realtime server and local eSign service" 2>/dev/null || true
	exit 0
}
trap stop INT TERM HUP EXIT

start web "bench --site '$SITE' serve --port $PORT --noreload"
start worker "bench worker"
start schedule "bench schedule"
start socketio "node apps/frappe/socketio.js"

for _ in $(seq 1 60); do
	curl -fsS -o /dev/null "http://localhost:$PORT/api/method/ping" 2>/dev/null && break
	sleep 1
done
curl -fsS -o /dev/null "http://localhost:$PORT/api/method/ping" || { say "the web server did not start: see $BENCH/logs/demo-web.log"; exit 1; }
sleep 3
# What Frappe itself says of the background processes (workers online, scheduler enabled).
as_bench_user "bench --site '$SITE' doctor" 2>/dev/null | grep -iE "scheduler|worker" | sed 's/^/[demo] /' || true

cat <<EOF

  SAKIP Evaluasi demo: http://localhost:$PORT   (site $SITE; logs in $BENCH/logs/demo-*.log)
  Running: web server, background worker, scheduler (SLA check every minute), realtime.

  Login (kata sandi: $PASSWORD)        Peran
  kadis@demo.sakip.id                  Kepala Dinas (OPD DPUPR)
  sekretaris@demo.sakip.id             Sekretaris (DPUPR)
  subkor@demo.sakip.id                 Subkoordinator Perencanaan dan Pelaporan (DPUPR)
  kabid.bm@demo.sakip.id               Kepala Bidang (DPUPR, Bidang Bina Marga)
  kabid.sda@demo.sakip.id              Kepala Bidang (DPUPR, Bidang Sumber Daya Air)
  kabid.ck@demo.sakip.id               Kepala Bidang (DPUPR, Bidang Cipta Karya)
  kabid.tr@demo.sakip.id               Kepala Bidang (DPUPR, Bidang Tata Ruang)
  kadis.dinkes@demo.sakip.id           Kepala Dinas (OPD DINKES; also sekretaris.dinkes, subkor.dinkes,
                                       kabid.sek.dinkes, kabid.yankes, kabid.p2p)
  kadis.disdik@demo.sakip.id           Kepala Dinas (OPD DISDIK; also sekretaris.disdik, subkor.disdik,
                                       kabid.sek.disdik, kabid.sd)
  inspektorat@demo.sakip.id            Inspektorat (semua OPD)
  bappeda@demo.sakip.id                Bappeda (semua OPD)
  admin.pemda@demo.sakip.id            Admin SAKIP Pemda
  Administrator                        (kata sandi: admin)

  Tanda tangan elektronik: layanan TTE lokal (uji, tidak sah) di http://127.0.0.1:$TTE_PORT/api/v2;
  passphrase para pejabat DPUPR: Rahasia#2026. Verifikasi publik: http://localhost:$PORT/verifikasi_tte

  Ctrl-C stops everything this command started.
EOF
wait
