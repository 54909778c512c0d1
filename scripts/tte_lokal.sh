#!/usr/bin/env bash
# The local eSign service (tte_lokal/layanan.py) for the tests and the demo, in its own virtual
# environment (made on first use from tte_lokal/requirements.txt), never the bench's.
#
#   bash scripts/tte_lokal.sh start     # start in the background unless it already answers; waits until ready
#   bash scripts/tte_lokal.sh stop      # stop the one this script started (by its pid file)
#   bash scripts/tte_lokal.sh status
#
# Settings: SAKIP_TTE_PORT (8190), SAKIP_TTE_VENV (/tmp/sakip-tte-venv), SAKIP_TTE_USER (sakip),
# SAKIP_TTE_PASSWORD (sakip-lokal), SAKIP_TTE_GANTUNG (8: seconds NIK 3200000000000099 keeps its answer).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${SAKIP_TTE_PORT:-8190}
VENV=${SAKIP_TTE_VENV:-/tmp/sakip-tte-venv}
RUN=${SAKIP_TTE_RUN:-/tmp/sakip-tte-$PORT}
URL="http://127.0.0.1:$PORT"

answers() { curl -fsS -o /dev/null --max-time 2 "$URL/_uji/hitungan" 2>/dev/null; }

case "${1:-start}" in
start)
	if answers; then echo "tte_lokal: already answering at $URL/api/v2"; exit 0; fi
	if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyhanko, PIL" 2>/dev/null; then
		echo "tte_lokal: making its virtual environment $VENV"
		python3 -m venv "$VENV"
		"$VENV/bin/pip" install -q --disable-pip-version-check -r "$ROOT/tte_lokal/requirements.txt"
	fi
	mkdir -p "$RUN"
	cp "$ROOT/tte_lokal/"*.py "$ROOT/tte_lokal/pengguna.json" "$RUN/"
	chmod -R a+rX "$RUN"
	(cd "$RUN" && setsid "$VENV/bin/python" -W ignore layanan.py --port "$PORT" \
		--user "${SAKIP_TTE_USER:-sakip}" --password "${SAKIP_TTE_PASSWORD:-sakip-lokal}" \
		--gantung-detik "${SAKIP_TTE_GANTUNG:-8}" >"$RUN/layanan.log" 2>&1 & echo $! >"$RUN/pid")
	for _ in $(seq 1 60); do answers && { echo "tte_lokal: ready at $URL/api/v2 (pid $(cat "$RUN/pid"))"; exit 0; }; sleep 0.5; done
	cat "$RUN/layanan.log"; echo "tte_lokal: did not start"; exit 1
	;;
stop)
	if [ -f "$RUN/pid" ]; then kill -- "-$(cat "$RUN/pid")" 2>/dev/null || kill "$(cat "$RUN/pid")" 2>/dev/null || true; rm -f "$RUN/pid"; fi
	# setsid forks when it is started as a process group leader: the service then runs under another pid
	# than the one recorded, so it is also found by its command line (this port's service only).
	pkill -f -- "layanan.py --port $PORT " 2>/dev/null || true
	echo "tte_lokal: stopped"
	;;
status)
	answers && echo "tte_lokal: answering at $URL/api/v2" || { echo "tte_lokal: not answering"; exit 1; }
	;;
esac
