#!/usr/bin/env bash
# One Pemda on two application hosts and a read replica, stood up on this one machine, tried, and
# taken down again (issue 33; docs/operasi.md, "Two hosts and a replica, tried").
#
#   sudo bash keandalan/skala.sh            # everything: up, the five checks, down (≤ SKALA_BATAS s)
#   sudo SKALA_LANGKAH="replika penjadwal" bash keandalan/skala.sh   # only some checks
#
# What it starts (all under SKALA_DIR, all stopped and removed at the end, whatever happens):
#   MariaDB primary  127.0.0.1:$PORT_PRIMER   own datadir, binlog, GTID
#   MariaDB replica  127.0.0.1:$PORT_REPLIKA  own datadir, GTID replication of the primary, read_only
#   Redis            127.0.0.1:$PORT_REDIS    the one cache and queue both hosts share
#   host A           bench SKALA_BENCH_A: gunicorn :$PORT_WEB_A, RQ worker, socket.io :$PORT_SIO_A, the scheduler
#   host B           bench SKALA_BENCH_B: gunicorn :$PORT_WEB_B, RQ worker, socket.io :$PORT_SIO_B
#   nginx            127.0.0.1:$PORT_NGINX    balances the hosts, socket.io sticky by session, /assets once
# The machine's own MariaDB (3306) and Redis (6379) are not touched. Each host is a bench (its own
# Python env and apps) with a sites directory of its own under SKALA_DIR (its own common_site_config:
# ports, the shared Redis); the site directory itself is one shared path both link to (site_config,
# encryption_key, public and private files). Assets are the ones host A's bench built.
#
# Settings (environment): SKALA_BENCH_A (/home/frappe/bench-33), SKALA_BENCH_B (/home/frappe/bench-33b),
# SKALA_DIR (/home/frappe/skala-33), SKALA_SITE (skala.localhost), SKALA_BATAS (5400 s for the whole
# run), SKALA_PENGGUNA (50), SKALA_PUTARAN (3), SKALA_INDIKATOR (10), SKALA_LANGKAH (the checks, in
# order: "depan replika penjadwal mati beban"), the ports SKALA_PORT_{PRIMER,REPLIKA,REDIS,NGINX,WEB_A,WEB_B,
# SIO_A,SIO_B} (3316 3317 9379 8330 8331 8332 9331 9332), SKALA_BIARKAN=1 (leave it all up; then
# `bash keandalan/skala.sh turun` takes it down).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BATAS=${SKALA_BATAS:-5400}
if [ -z "${SKALA_DALAM:-}" ]; then  # the run's own time limit: TERM at BATAS, the clean-up still runs
	exec timeout --kill-after=120 "$BATAS" env SKALA_DALAM=1 bash "${BASH_SOURCE[0]}" "$@"
fi

BENCH_A=$(realpath -m "${SKALA_BENCH_A:-/home/frappe/bench-33}")
BENCH_B=$(realpath -m "${SKALA_BENCH_B:-/home/frappe/bench-33b}")
DIR=$(realpath -m "${SKALA_DIR:-/home/frappe/skala-33}")
SITE=${SKALA_SITE:-skala.localhost}
PORT_PRIMER=${SKALA_PORT_PRIMER:-3316}
PORT_REPLIKA=${SKALA_PORT_REPLIKA:-3317}
PORT_REDIS=${SKALA_PORT_REDIS:-9379}
PORT_NGINX=${SKALA_PORT_NGINX:-8330}
PORT_WEB_A=${SKALA_PORT_WEB_A:-8331}
PORT_WEB_B=${SKALA_PORT_WEB_B:-8332}
PORT_SIO_A=${SKALA_PORT_SIO_A:-9331}
PORT_SIO_B=${SKALA_PORT_SIO_B:-9332}
DB_SANDI=skala-root  # root of the run's own MariaDB pair (127.0.0.1 only, removed at the end)
REPL_SANDI=skala-repl
LANGKAH=${SKALA_LANGKAH:-depan replika penjadwal mati beban}

say() { printf '[skala] %s\n' "$*"; }
die() {
	printf '[skala] BERHENTI: %s\n' "$*" >&2
	exit 2
}

[ "$(id -u)" = 0 ] || die "jalankan sebagai root (sudo bash $0): skrip ini memasang nginx bila belum ada dan menjalankan proses sebagai pemilik bench"
BENCH_USER=$(stat -c %U "$BENCH_A" 2>/dev/null || echo frappe)
[ "$BENCH_USER" != root ] || die "bench $BENCH_A milik root; bench harus milik pengguna biasa"
as_user() { runuser -u "$BENCH_USER" -- env -i HOME="$(getent passwd "$BENCH_USER" | cut -d: -f6)" \
	USER="$BENCH_USER" LANG=C.UTF-8 LC_ALL=C.UTF-8 PATH="/usr/local/bin:/usr/bin:/bin:/usr/sbin" "$@"; }

# ------------------------------------------------------------------ taking it down (always)
pid_dari() { [ -f "$1" ] && cat "$1" 2>/dev/null || true; }

hentikan() {  # hentikan PIDFILE: TERM to the process group it leads, then KILL after 20 s
	local pid
	pid=$(pid_dari "$1")
	[ -n "$pid" ] || return 0
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
	kill -KILL -- "-$pid" 2>/dev/null || true
	rm -f "$1"
}

turun() {
	[ -d "$DIR" ] || return 0
	say "taking down what the run started under $DIR"
	[ -f "$DIR/nginx/nginx.pid" ] && nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" -s quit 2>/dev/null || true
	for f in "$DIR"/pid/*.pid; do [ -e "$f" ] && hentikan "$f"; done
	for peran in replika primer; do
		local sock=$DIR/db/$peran.sock
		[ -S "$sock" ] && mariadb-admin --no-defaults -S "$sock" -u root -p"$DB_SANDI" shutdown 2>/dev/null || true
	done
	for f in "$DIR"/db/*.pid "$DIR"/nginx/nginx.pid; do [ -e "$f" ] && hentikan "$f"; done
	# Nothing may be left listening on the run's ports, nor any process running from its directory.
	local sisa
	sisa=$(ss -Htlnp 2>/dev/null | grep -E ":($PORT_PRIMER|$PORT_REPLIKA|$PORT_REDIS|$PORT_NGINX|$PORT_WEB_A|$PORT_WEB_B|$PORT_SIO_A|$PORT_SIO_B)\b" || true)
	[ -z "$sisa" ] || printf '[skala] still listening after the tear-down:\n%s\n' "$sisa" >&2
	# The benches keep no trace: the run's host directories and the site live only under $DIR.
	rm -rf "$DIR"
	say "down: no process on the run's ports, $DIR removed"
}

if [ "${1:-}" = turun ]; then
	turun
	exit 0
fi

# ------------------------------------------------------------------ 0. what must be there
for b in mariadbd mariadb-install-db mariadb mariadb-admin redis-server redis-cli node ss timeout runuser; do
	command -v "$b" >/dev/null || die "program '$b' tidak ada — pasang paketnya (mariadb-server, redis-server, nodejs, iproute2, coreutils, util-linux) lalu jalankan lagi"
done
for b in "$BENCH_A" "$BENCH_B"; do
	[ -x "$b/env/bin/python" ] && [ -d "$b/apps/frappe" ] && [ -d "$b/apps/sakip_evaluasi" ] ||
		die "$b bukan bench siap pakai dengan sakip_evaluasi — buat dengan: SAKIP_BENCH=$b bash scripts/provision_bench.sh, lalu install_app_copy (scripts/lib_bench.sh)"
done
[ -f "$BENCH_A/sites/assets/assets.json" ] || die "aset belum dibangun di $BENCH_A (jalankan: bench build di bench itu)"
# The front-end assets are built once, in host A's bench, and served to both hosts from there.
bundel=$("$BENCH_A/env/bin/python" -c "import json; print(json.load(open('$BENCH_A/sites/assets/assets.json')).get('filter_laporan.bundle.js', ''))")
if [ -z "$bundel" ] || [ ! -e "$BENCH_A/sites$bundel" ]; then
	say "building sakip_evaluasi's assets once, in $BENCH_A"
	as_user bash -c "cd '$BENCH_A' && BENCH_DISABLE_UV=1 PATH=\$HOME/.sakip/bench-cli/bin:\$PATH bench build --app sakip_evaluasi" >/dev/null 2>&1 ||
		die "bench build --app sakip_evaluasi gagal di $BENCH_A — jalankan sendiri di bench itu untuk melihat sebabnya"
fi
versi() { "$1/env/bin/python" -c 'import frappe; print(frappe.__version__)'; }
[ "$(versi "$BENCH_A")" = "$(versi "$BENCH_B")" ] || die "versi Frappe kedua bench berbeda ($(versi "$BENCH_A") / $(versi "$BENCH_B")): kedua host harus menjalankan kode yang sama"
diff -rq -x __pycache__ -x '*.egg-info' -x dist -x node_modules "$BENCH_A/apps/sakip_evaluasi/sakip_evaluasi" "$BENCH_B/apps/sakip_evaluasi/sakip_evaluasi" >/dev/null ||
	die "salinan sakip_evaluasi di $BENCH_A dan $BENCH_B berbeda — jalankan install_app_copy untuk kedua bench"
terpakai=""
for p in "$PORT_PRIMER" "$PORT_REPLIKA" "$PORT_REDIS" "$PORT_NGINX" "$PORT_WEB_A" "$PORT_WEB_B" "$PORT_SIO_A" "$PORT_SIO_B"; do
	ss -Htln "sport = :$p" | grep -q . && terpakai+=" $p"
done
[ -z "$terpakai" ] || die "port sudah dipakai:$terpakai — hentikan yang memakainya (ss -tlnp) atau pilih port lain (SKALA_PORT_*)"
[ ! -e "$DIR" ] || die "$DIR sudah ada (sisa jalannya sebelumnya?) — bersihkan dengan: bash $0 turun"

if ! command -v nginx >/dev/null; then
	say "nginx is missing: installing Debian's nginx (its service is not started: policy-rc.d for the install)"
	rc_baru=0
	if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && rc_baru=1; fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null 2>&1 || {
		[ $rc_baru = 1 ] && rm -f /usr/sbin/policy-rc.d
		die "nginx tidak dapat dipasang — pasang sendiri: apt-get install nginx"
	}
	[ $rc_baru = 1 ] && rm -f /usr/sbin/policy-rc.d
fi

# From here on, whatever happens (error, Ctrl-C, the time limit), everything started goes again.
trap 'rc=$?; trap - EXIT INT TERM; [ "${SKALA_BIARKAN:-}" = 1 ] && [ $rc = 0 ] || turun; exit $rc' EXIT
trap 'exit 130' INT
trap 'say "time limit (${BATAS} s) or TERM: stopping"; exit 124' TERM
install -d -o "$BENCH_USER" "$DIR" "$DIR"/{db,pid,log,bersama,redis}

mulai() {  # mulai NAME COMMAND...: as the bench user, in its own session, logged; pid in pid/NAME.pid
	local nama=$1
	shift
	install -m 644 -o "$BENCH_USER" /dev/null "$DIR/log/$nama.log"  # the checks may start it again, as that user
	setsid runuser -u "$BENCH_USER" -- "$@" >>"$DIR/log/$nama.log" 2>&1 </dev/null &
	echo $! >"$DIR/pid/$nama.pid"
}

tunggu() {  # tunggu SECONDS WHAT COMMAND...: until COMMAND succeeds
	local batas=$1 apa=$2
	shift 2
	for _ in $(seq 1 $((batas * 2))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.5; done
	return 1
}

# ------------------------------------------------------------------ 1. MariaDB primary and replica
sql() {  # sql primer|replika "statement": as the run's root over the socket
	mariadb --no-defaults -S "$DIR/db/$1.sock" -u root -p"$DB_SANDI" -N -B -e "$2"
}
for peran in primer replika; do
	as_user mariadb-install-db --no-defaults --datadir="$DIR/db/$peran" --auth-root-authentication-method=normal \
		--skip-test-db >"$DIR/log/install-$peran.log" 2>&1 || die "mariadb-install-db gagal untuk $peran (lihat $DIR/log/install-$peran.log)"
done
db_argv() {  # db_argv ROLE PORT ID EXTRA...
	local peran=$1 port=$2 id=$3
	shift 3
	echo mariadbd --no-defaults --datadir="$DIR/db/$peran" --port="$port" --bind-address=127.0.0.1 \
		--socket="$DIR/db/$peran.sock" --pid-file="$DIR/db/$peran.pid" --log-error="$DIR/log/mariadb-$peran.err" \
		--server-id="$id" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--character-set-client-handshake=FALSE --innodb-buffer-pool-size=128M --userstat=1 \
		--gtid-strict-mode=1 --skip-name-resolve "$@"
}
# shellcheck disable=SC2046
mulai db-primer $(db_argv primer "$PORT_PRIMER" 1 --log-bin="$DIR/db/primer/binlog" --binlog-format=ROW)
# shellcheck disable=SC2046
mulai db-replika $(db_argv replika "$PORT_REPLIKA" 2 --read-only=1 --skip-slave-start --relay-log="$DIR/db/replika/relay")
for peran in primer replika; do
	tunggu 60 "$peran" mariadb --no-defaults -S "$DIR/db/$peran.sock" -u root -e "select 1" ||
		die "MariaDB $peran tidak mau berjalan — lihat $DIR/log/mariadb-$peran.err"
	# root gets a password and may come over TCP from 127.0.0.1 (Frappe's new-site does); not binlogged
	mariadb --no-defaults -S "$DIR/db/$peran.sock" -u root -e "SET sql_log_bin=0;
		ALTER USER root@localhost IDENTIFIED BY '$DB_SANDI';
		CREATE OR REPLACE USER root@'127.0.0.1' IDENTIFIED BY '$DB_SANDI';
		GRANT ALL ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;"
done
sql primer "SET sql_log_bin=0; CREATE USER repl@'127.0.0.1' IDENTIFIED BY '$REPL_SANDI';
	GRANT REPLICATION SLAVE ON *.* TO repl@'127.0.0.1';"
sql replika "SET GLOBAL gtid_slave_pos='';
	CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PORT_PRIMER, MASTER_USER='repl',
	MASTER_PASSWORD='$REPL_SANDI', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;"
tunggu 30 replika mariadb --no-defaults -S "$DIR/db/replika.sock" -u root -p"$DB_SANDI" -e "select 1" >/dev/null
for _ in $(seq 1 60); do
	[ "$(mariadb --no-defaults -S "$DIR/db/replika.sock" -u root -p"$DB_SANDI" -e 'SHOW SLAVE STATUS\G' |
		grep -cE '^ *Slave_(IO|SQL)_Running: Yes')" = 2 ] && break
	sleep 0.5
done
[ "$(mariadb --no-defaults -S "$DIR/db/replika.sock" -u root -p"$DB_SANDI" -e 'SHOW SLAVE STATUS\G' |
	grep -cE '^ *Slave_(IO|SQL)_Running: Yes')" = 2 ] || {
	mariadb --no-defaults -S "$DIR/db/replika.sock" -u root -p"$DB_SANDI" -e 'SHOW SLAVE STATUS\G' | grep -E "Running|Error" >&2 || true
	die "replika tidak dapat berjalan (lihat di atas dan $DIR/log/mariadb-replika.err) — periksa port $PORT_PRIMER, pengguna repl, dan ruang disk"
}
say "MariaDB primary :$PORT_PRIMER and GTID replica :$PORT_REPLIKA (read_only) running"

# ------------------------------------------------------------------ 2. Redis, the shared site, two hosts
mulai redis redis-server --port "$PORT_REDIS" --bind 127.0.0.1 --save '' --appendonly no --dir "$DIR/redis"
tunggu 20 redis redis-cli -p "$PORT_REDIS" ping || die "Redis tidak mau berjalan di port $PORT_REDIS — lihat $DIR/log/redis.log"

siapkan_host() {  # siapkan_host NAME BENCH WEB_PORT SIO_PORT: the host's own sites directory
	local h=$DIR/host-$1
	install -d -o "$BENCH_USER" "$h" "$h/sites" "$h/logs" "$h/config"
	cat >"$h/sites/common_site_config.json" <<-EOF
		{
		 "redis_cache": "redis://127.0.0.1:$PORT_REDIS/1",
		 "redis_queue": "redis://127.0.0.1:$PORT_REDIS/0",
		 "redis_socketio": "redis://127.0.0.1:$PORT_REDIS/0",
		 "socketio_port": $4,
		 "webserver_port": $3,
		 "scheduler_tick_interval": 10,
		 "live_reload": false
		}
	EOF
	cp "$2/sites/apps.txt" "$h/sites/apps.txt"
	ln -s "$BENCH_A/sites/assets" "$h/sites/assets"  # built once, by host A's bench, for both
	ln -s "$2/apps" "$h/apps"
	ln -s "$2/env" "$h/env"
	chown -hR "$BENCH_USER" "$h"
}
siapkan_host a "$BENCH_A" "$PORT_WEB_A" "$PORT_SIO_A"
siapkan_host b "$BENCH_B" "$PORT_WEB_B" "$PORT_SIO_B"

bench_di() {  # bench_di HOST ARGS...: Frappe's CLI for that host (its bench's Python, its sites directory)
	local h=$DIR/host-$1
	shift
	as_user bash -c "cd '$h/sites' && ../env/bin/python -m frappe.utils.bench_helper frappe $*"
}
say "creating $SITE on the primary (install of sakip_evaluasi: a few minutes)"
bench_di a "new-site $SITE --db-host 127.0.0.1 --db-port $PORT_PRIMER --db-root-username root \
	--db-root-password $DB_SANDI --admin-password admin --mariadb-user-host-login-scope=% \
	--install-app sakip_evaluasi" >"$DIR/log/new-site.log" 2>&1 || die "membuat situs gagal — lihat $DIR/log/new-site.log"
# The site's configuration and files on the one shared path; each host keeps a site directory of its
# own (Frappe skips a symlinked site directory: its scheduler would not see the site) holding links to
# them, and its own locks and logs.
mv "$DIR/host-a/sites/$SITE" "$DIR/bersama/$SITE"
for h in a b; do
	install -d -o "$BENCH_USER" "$DIR/host-$h/sites/$SITE" "$DIR/host-$h/sites/$SITE/locks" "$DIR/host-$h/sites/$SITE/logs"
	for f in site_config.json public private; do ln -s "$DIR/bersama/$SITE/$f" "$DIR/host-$h/sites/$SITE/$f"; done
done
chown -hR "$BENCH_USER" "$DIR/bersama" "$DIR"/host-*/sites
bench_di a "--site $SITE set-config -p read_from_replica 1" >/dev/null
bench_di a "--site $SITE set-config replica_host 127.0.0.1" >/dev/null
bench_di a "--site $SITE set-config -p replica_db_port $PORT_REPLIKA" >/dev/null
bench_di a "--site $SITE set-config -p throttle_user_limit 1000" >/dev/null  # the load run makes ~90 users
bench_di a "--site $SITE set-config host_name http://127.0.0.1:$PORT_NGINX" >/dev/null
bench_di a "--site $SITE enable-scheduler" >/dev/null

for h in a b; do
	d=$DIR/host-$h
	[ $h = a ] && { web=$PORT_WEB_A; sio=$PORT_SIO_A; } || { web=$PORT_WEB_B; sio=$PORT_SIO_B; }
	mulai "web-$h" bash -c "cd '$d/sites' && exec ../env/bin/gunicorn -b 127.0.0.1:$web -w 3 -t 120 --preload frappe.app:application"
	mulai "worker-$h" bash -c "cd '$d/sites' && exec ../env/bin/python -m frappe.utils.bench_helper frappe worker --queue default,short,long"
	mulai "socketio-$h" env FRAPPE_BENCH_ROOT="$d" node "$d/apps/frappe/socketio.js"
done
mulai scheduler-a bash -c "cd '$DIR/host-a/sites' && exec ../env/bin/python -m frappe.utils.bench_helper frappe schedule"

# ------------------------------------------------------------------ 3. nginx in front
install -d "$DIR/nginx/tmp"
cat >"$DIR/nginx/nginx.conf" <<-EOF
	worker_processes 1;
	pid $DIR/nginx/nginx.pid;
	error_log $DIR/nginx/error.log warn;
	events { worker_connections 1024; }
	http {
	  include /etc/nginx/mime.types;
	  log_format skala '\$msec|\$request_method|\$uri|\$status|\$upstream_addr|\$upstream_status|\$request_time';
	  access_log $DIR/nginx/access.log skala;
	  client_body_temp_path $DIR/nginx/tmp/body; proxy_temp_path $DIR/nginx/tmp/proxy;
	  fastcgi_temp_path $DIR/nginx/tmp/fcgi; uwsgi_temp_path $DIR/nginx/tmp/uwsgi; scgi_temp_path $DIR/nginx/tmp/scgi;
	  client_max_body_size 50m;
	  # A host that refuses connections is taken out for 10 s; a request it never received goes to the
	  # other one. A request already sent to a host that dies is retried only when idempotent (nginx
	  # never retries a POST that reached an upstream): a save in flight fails with 502, never twice.
	  upstream aplikasi {
	    server 127.0.0.1:$PORT_WEB_A max_fails=1 fail_timeout=10s;
	    server 127.0.0.1:$PORT_WEB_B max_fails=1 fail_timeout=10s;
	  }
	  # socket.io: every request of one session (long-polling and the upgrade) to the same host.
	  upstream realtime {
	    hash \$cookie_sid consistent;
	    server 127.0.0.1:$PORT_SIO_A;
	    server 127.0.0.1:$PORT_SIO_B;
	  }
	  server {
	    listen 127.0.0.1:$PORT_NGINX;
	    location /assets/ { root $BENCH_A/sites; expires 1h; }
	    location /files/ { root $DIR/bersama/$SITE/public; }
	    location /socket.io {
	      proxy_http_version 1.1;
	      proxy_set_header Upgrade \$http_upgrade;
	      proxy_set_header Connection "upgrade";
	      proxy_set_header X-Frappe-Site-Name $SITE;
	      proxy_set_header Origin \$scheme://\$http_host;
	      proxy_set_header Host \$host;
	      proxy_pass http://realtime;
	    }
	    location / {
	      proxy_set_header X-Frappe-Site-Name $SITE;
	      proxy_set_header Host \$host;
	      proxy_set_header X-Forwarded-For \$remote_addr;
	      proxy_read_timeout 120;
	      proxy_next_upstream error timeout;
	      proxy_pass http://aplikasi;
	    }
	  }
	}
EOF
nginx -t -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" >"$DIR/log/nginx-t.log" 2>&1 ||
	die "konfigurasi nginx ditolak — lihat $DIR/log/nginx-t.log"
nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -e "$DIR/nginx/error.log" || die "nginx tidak mau berjalan — lihat $DIR/nginx/error.log"

for port in "$PORT_WEB_A" "$PORT_WEB_B" "$PORT_NGINX"; do
	tunggu 120 "web" curl -fsS -H "Host: $SITE" "http://127.0.0.1:$port/api/method/ping" ||
		die "server web di port $port tidak menjawab dalam 120 s — lihat $DIR/log/web-*.log"
done
say "up: nginx :$PORT_NGINX → host A :$PORT_WEB_A, host B :$PORT_WEB_B (socket.io :$PORT_SIO_A/:$PORT_SIO_B)"

# ------------------------------------------------------------------ 4. the checks
export SKALA_DIR=$DIR SKALA_SITE=$SITE SKALA_DB_SANDI=$DB_SANDI
rc=0
as_user env SKALA_DIR="$DIR" SKALA_SITE="$SITE" SKALA_DB_SANDI="$DB_SANDI" \
	SKALA_PORT_PRIMER="$PORT_PRIMER" SKALA_PORT_REPLIKA="$PORT_REPLIKA" SKALA_PORT_NGINX="$PORT_NGINX" \
	SKALA_PORT_WEB_A="$PORT_WEB_A" SKALA_PORT_WEB_B="$PORT_WEB_B" \
	SKALA_PENGGUNA="${SKALA_PENGGUNA:-50}" SKALA_PUTARAN="${SKALA_PUTARAN:-3}" SKALA_INDIKATOR="${SKALA_INDIKATOR:-10}" \
	bash -c "cd '$DIR/host-a/sites' && ../env/bin/python '$ROOT/keandalan/skala.py' $LANGKAH" || rc=$?
if [ "${SKALA_BIARKAN:-}" = 1 ]; then
	say "left running (SKALA_BIARKAN=1): nginx http://127.0.0.1:$PORT_NGINX — take it down with: bash $0 turun"
	exit $rc
fi
turun
trap - EXIT
# 5. nothing left: no process of the run, no port, no directory
sisa=$(ss -Htln | grep -cE ":($PORT_PRIMER|$PORT_REPLIKA|$PORT_REDIS|$PORT_NGINX|$PORT_WEB_A|$PORT_WEB_B|$PORT_SIO_A|$PORT_SIO_B)\b" || true)
proses=$(pgrep -fc -- "$DIR" || true)
if [ "$sisa" = 0 ] && [ "$proses" = 0 ] && [ ! -e "$DIR" ]; then
	echo "PASS: tear-down: 0 listening ports of the run, 0 processes, $DIR gone"
else
	echo "FAIL: tear-down: $sisa ports still listening, $proses processes, dir exists: $([ -e "$DIR" ] && echo yes || echo no)"
	rc=1
fi
exit $rc
