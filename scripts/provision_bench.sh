#!/usr/bin/env bash
# Make a Frappe v15 bench ready for sakip_evaluasi, or reuse the one that is there.
#
#   bash scripts/provision_bench.sh            # bench at $SAKIP_BENCH (default /home/frappe/frappe-bench)
#
# Settings (environment):
#   SAKIP_BENCH              where the bench lives (default /home/frappe/frappe-bench)
#   SAKIP_BENCH_USER         the ordinary user that owns it (default: the owner of an existing
#                            bench, else "frappe"; bench refuses to run as root)
#   FRAPPE_SOURCE            where Frappe comes from: a git bundle, a local repository or a git URL.
#                            Default: ../shared/vendor/frappe-v15.55.1.bundle beside the checkout
#                            when it exists, else https://github.com/frappe/frappe at $FRAPPE_REF
#   FRAPPE_REF               the tag or branch to take from FRAPPE_SOURCE (default v15.55.1, the
#                            version the README names as tested; a bundle carries branch version-15)
#   SAKIP_DB_ROOT_USER / SAKIP_DB_ROOT_PASSWORD   MariaDB root credentials (default root / empty)
#   SAKIP_REDIS_URL          the running Redis server and database the bench uses (default
#                            redis://127.0.0.1:6379/0 for the default bench, another database per path)
#
# Run as root it installs what is missing (OS packages, yarn, the bench user, MariaDB's collation
# in conf.d). Run as an ordinary user it installs nothing system-wide and names what is missing.
# A second run on a ready bench changes nothing and takes seconds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=${SAKIP_BENCH:-/home/frappe/frappe-bench}
BENCH=$(realpath -m "$BENCH")
# Every command below runs from / : a caller's working directory may be gone (a removed checkout), and
# a command that cannot read its own cwd must never look like a missing bench CLI and get it reinstalled.
if [ -n "${FRAPPE_SOURCE:-}" ] && [ -e "$FRAPPE_SOURCE" ]; then FRAPPE_SOURCE=$(realpath "$FRAPPE_SOURCE"); fi
cd /
DB_ROOT_USER=${SAKIP_DB_ROOT_USER:-root}
DB_ROOT_PASSWORD=${SAKIP_DB_ROOT_PASSWORD-}
# Frappe keeps some keys not per site but per bench (e.g. the asset manifest), so two benches on one
# Redis server must not share a database: the default bench uses 0, any other a number from its path.
if [ -n "${SAKIP_REDIS_URL:-}" ]; then
	REDIS_URL=$SAKIP_REDIS_URL
elif [ "$BENCH" = /home/frappe/frappe-bench ]; then
	REDIS_URL=redis://127.0.0.1:6379/0
else
	REDIS_URL=redis://127.0.0.1:6379/$(($(printf '%s' "$BENCH" | cksum | cut -d' ' -f1) % 15 + 1))
fi
FRAPPE_REF=${FRAPPE_REF:-v15.55.1}
BENCH_CLI_VERSION=5.31.1
PYTHON=${SAKIP_PYTHON:-/usr/bin/python3.11}
# chromium (and its fonts): the official PDFs (cetak/pdf.py) and the browser lane of .ci/run (e2e/, Playwright
# never downloads a browser here); LibreOffice: the LKjIP's PDF from its Word file
APT_PACKAGES=(git python3-venv python3-dev libmariadb-dev pkg-config build-essential
	mariadb-client redis-tools curl wkhtmltopdf chromium fonts-liberation libreoffice-writer-nogui)

say() { printf '[provision] %s\n' "$*"; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }
IS_ROOT=0; [ "$(id -u)" = 0 ] && IS_ROOT=1

# ------------------------------------------------------------------ who owns the bench
if [ -n "${SAKIP_BENCH_USER:-}" ]; then
	BENCH_USER=$SAKIP_BENCH_USER
elif [ -d "$BENCH" ]; then
	BENCH_USER=$(stat -c %U "$BENCH")
elif [ $IS_ROOT = 1 ]; then
	BENCH_USER=frappe
else
	BENCH_USER=$(id -un)
fi
[ "$BENCH_USER" = root ] && die "the bench at $BENCH belongs to root; bench refuses to run as root. Set SAKIP_BENCH_USER or move it."

# ------------------------------------------------------------------ 1. OS packages, yarn, the user
missing=()
for p in "${APT_PACKAGES[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
	if [ $IS_ROOT = 1 ]; then
		say "installing OS packages: ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >/dev/null
		apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	else
		die "missing OS packages: ${missing[*]} — as root: apt-get install ${missing[*]}"
	fi
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 18 ] || die "Frappe v15 needs Node.js 18 or newer; this machine has $(node --version)"
if ! command -v yarn >/dev/null; then
	if [ $IS_ROOT = 1 ]; then
		say "installing yarn (npm install -g yarn)"
		npm install -g --silent yarn@1 >/dev/null
	else
		die "yarn is missing — as root: npm install -g yarn@1"
	fi
fi
[ -x "$PYTHON" ] || die "no Python at $PYTHON (set SAKIP_PYTHON to a Python 3.10–3.12)"

if ! id "$BENCH_USER" >/dev/null 2>&1; then
	[ $IS_ROOT = 1 ] || die "the user $BENCH_USER does not exist — as root: useradd -m -s /bin/bash $BENCH_USER"
	say "creating the bench user $BENCH_USER"
	useradd -m -s /bin/bash "$BENCH_USER"
fi
BENCH_HOME=$(getent passwd "$BENCH_USER" | cut -d: -f6)
if [ $IS_ROOT = 0 ] && [ "$(id -un)" != "$BENCH_USER" ]; then
	die "run this as root or as $BENCH_USER (the owner of $BENCH)"
fi

as_user() {  # run a command line as the bench user, with a plain environment
	if [ "$(id -un)" = "$BENCH_USER" ]; then
		env BENCH_DISABLE_UV=1 PATH="$BENCH_HOME/.sakip/bench-cli/bin:$PATH" bash -c "$*"
	else
		runuser -u "$BENCH_USER" -- env -i HOME="$BENCH_HOME" USER="$BENCH_USER" LANG=C.UTF-8 \
			BENCH_DISABLE_UV=1 PATH="$BENCH_HOME/.sakip/bench-cli/bin:/usr/local/bin:/usr/bin:/bin" \
			bash -c "$*"
	fi
}

# ------------------------------------------------------------------ 2. MariaDB
mysql_root() { MYSQL_PWD="$DB_ROOT_PASSWORD" mariadb -h 127.0.0.1 -u "$DB_ROOT_USER" -N -B "$@"; }
mysql_root -e "SELECT 1" >/dev/null 2>&1 ||
	die "cannot log in to MariaDB on 127.0.0.1 as $DB_ROOT_USER (set SAKIP_DB_ROOT_USER / SAKIP_DB_ROOT_PASSWORD)"
db_version=$(mysql_root -e "SELECT VERSION()")
IFS=. read -r maj min _ <<<"${db_version%%-*}"
if [ "$maj" -lt 10 ] || { [ "$maj" -eq 10 ] && [ "$min" -lt 6 ]; }; then
	die "MariaDB $db_version is too old: Frappe v15 needs 10.6 or newer"
fi
db_charset() { mysql_root -e "SELECT @@character_set_server, @@collation_server" | tr '\t' ' '; }
CNF_DIR=/etc/mysql/conf.d
CNF=$CNF_DIR/sakip-frappe.cnf
if [ "$(db_charset)" != "utf8mb4 utf8mb4_unicode_ci" ]; then
	if [ $IS_ROOT = 1 ] && [ -f /etc/mysql/my.cnf ]; then
		say "MariaDB runs with $(db_charset); setting utf8mb4_unicode_ci persistently in $CNF"
		mkdir -p "$CNF_DIR"
		cat >"$CNF" <<-'EOF'
			# Written by sakip_evaluasi's scripts/provision_bench.sh: the character set Frappe expects.
			[mysqld]
			character-set-client-handshake = FALSE
			character-set-server = utf8mb4
			collation-server = utf8mb4_unicode_ci

			[mysql]
			default-character-set = utf8mb4
		EOF
		grep -qxF '!includedir /etc/mysql/conf.d/' /etc/mysql/my.cnf ||
			printf '\n!includedir /etc/mysql/conf.d/\n' >>/etc/mysql/my.cnf
		say "restarting MariaDB so the setting takes effect"
		mariadb-admin -u "$DB_ROOT_USER" ${DB_ROOT_PASSWORD:+-p"$DB_ROOT_PASSWORD"} shutdown
		for _ in $(seq 1 30); do [ -S /run/mysqld/mysqld.sock ] || break; sleep 1; done
		if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
			systemctl start mariadb
		else
			start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
		fi
		for _ in $(seq 1 60); do mysql_root -e "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
		[ "$(db_charset)" = "utf8mb4 utf8mb4_unicode_ci" ] ||
			die "MariaDB still runs with $(db_charset) after the restart; check $CNF and /etc/mysql/my.cnf"
	else
		die "MariaDB runs with $(db_charset), Frappe needs utf8mb4 / utf8mb4_unicode_ci. As root add to
  /etc/mysql/conf.d/frappe.cnf (and '!includedir /etc/mysql/conf.d/' to /etc/mysql/my.cnf):
    [mysqld]
    character-set-server = utf8mb4
    collation-server = utf8mb4_unicode_ci
  then restart MariaDB. (SET GLOBAL is lost at the next restart.)"
	fi
fi
say "MariaDB $db_version, $(db_charset)"

# ------------------------------------------------------------------ 3. Redis
redis_hostport=${REDIS_URL#redis://}; redis_hostport=${redis_hostport%%/*}
redis-cli -h "${redis_hostport%%:*}" -p "${redis_hostport##*:}" ping 2>/dev/null | grep -q PONG ||
	die "no Redis answers at $REDIS_URL (set SAKIP_REDIS_URL)"

# ------------------------------------------------------------------ 4. the bench CLI, own venv
CLI=$BENCH_HOME/.sakip/bench-cli
# Several benches may be provisioned at once: they share this CLI, so one installs it at a time.
as_user "mkdir -p '$BENCH_HOME/.sakip'"
exec 9>"$BENCH_HOME/.sakip/bench-cli.lock"
flock 9
if ! as_user "'$CLI/bin/bench' --version" 2>/dev/null | grep -qx "$BENCH_CLI_VERSION"; then
	say "installing the bench CLI (frappe-bench==$BENCH_CLI_VERSION) in $CLI"
	as_user "rm -rf '$CLI' && mkdir -p '$(dirname "$CLI")' && '$PYTHON' -m venv '$CLI' &&
		'$CLI/bin/pip' install -q --disable-pip-version-check 'frappe-bench==$BENCH_CLI_VERSION'"
fi
flock -u 9

# ------------------------------------------------------------------ 5. the bench itself
bench_ready() {
	[ -x "$BENCH/env/bin/python" ] && [ -d "$BENCH/apps/frappe" ] && [ -f "$BENCH/sites/common_site_config.json" ] &&
		"$BENCH/env/bin/python" -c "import frappe, sys; sys.exit(0 if frappe.__version__.startswith('15.') else 1)" 2>/dev/null
}
if bench_ready; then
	say "reusing the bench at $BENCH (frappe $("$BENCH/env/bin/python" -c 'import frappe; print(frappe.__version__)'))"
else
	[ -e "$BENCH" ] && [ -n "$(ls -A "$BENCH" 2>/dev/null)" ] &&
		die "$BENCH exists but is not a Frappe v15 bench; remove it or choose another SAKIP_BENCH"
	# An empty directory owned by the bench user; bench init fills it (--ignore-exist). Should
	# anything below fail, it is removed again, so the next run starts clean.
	trap 'rc=$?; [ $rc -ne 0 ] && rm -rf "$BENCH"; exit $rc' EXIT
	if [ $IS_ROOT = 1 ]; then
		install -d "$(dirname "$BENCH")"
		install -d -o "$BENCH_USER" -g "$(id -gn "$BENCH_USER")" "$BENCH"
	else
		mkdir -p "$BENCH" || die "cannot create $BENCH"
	fi
	as_user "test -w '$BENCH'" || die "$BENCH_USER cannot write to $BENCH"

	# Frappe's source: a git bundle or repository here, or the upstream repository.
	if [ -z "${FRAPPE_SOURCE:-}" ]; then
		for b in "$ROOT/../shared/vendor/frappe-v15.55.1.bundle" "$ROOT/../../shared/vendor/frappe-v15.55.1.bundle"; do
			[ -f "$b" ] && { FRAPPE_SOURCE=$(realpath "$b"); break; }
		done
		FRAPPE_SOURCE=${FRAPPE_SOURCE:-https://github.com/frappe/frappe}
	fi
	# One source clone per bench, so that two benches can be built at the same time.
	SRC=$BENCH_HOME/.sakip/src/$(echo "$BENCH" | tr '/' '_')/frappe
	as_user "rm -rf '$SRC' && mkdir -p '$(dirname "$SRC")'"
	if [ -f "$FRAPPE_SOURCE" ] && git bundle list-heads "$FRAPPE_SOURCE" >/dev/null 2>&1; then
		say "Frappe source: git bundle $FRAPPE_SOURCE (branch version-15)"
		cp "$FRAPPE_SOURCE" /tmp/sakip-frappe.bundle.$$ && chmod 644 /tmp/sakip-frappe.bundle.$$
		as_user "git clone -q --branch version-15 /tmp/sakip-frappe.bundle.$$ '$SRC'"
		rm -f /tmp/sakip-frappe.bundle.$$
	elif [ -d "$FRAPPE_SOURCE/.git" ] || [ -d "$FRAPPE_SOURCE/objects" ]; then
		say "Frappe source: local repository $FRAPPE_SOURCE at $FRAPPE_REF"
		as_user "git clone -q --branch '$FRAPPE_REF' '$FRAPPE_SOURCE' '$SRC'"
	else
		say "Frappe source: $FRAPPE_SOURCE at $FRAPPE_REF (no bundle found beside the checkout)"
		as_user "git clone -q --depth 1 --branch '$FRAPPE_REF' '$FRAPPE_SOURCE' '$SRC'" ||
			die "cannot clone Frappe from $FRAPPE_SOURCE ($FRAPPE_REF). Set FRAPPE_SOURCE to the git bundle
  frappe-v15.55.1.bundle (planning repository, shared/vendor/) or to a reachable Frappe repository."
	fi
	branch=$(as_user "git -C '$SRC' rev-parse --abbrev-ref HEAD")
	[ "$branch" = HEAD ] && { as_user "git -C '$SRC' checkout -q -b version-15"; branch=version-15; }

	say "bench init $BENCH (this takes a few minutes: Python packages, node packages, assets)"
	as_user "cd '$(dirname "$BENCH")' && bench init --frappe-path '$SRC' --frappe-branch '$branch' \
		--python '$PYTHON' --no-backups --skip-redis-config-generation --ignore-exist '$(basename "$BENCH")'" ||
		die "bench init failed (see above)"
	bench_ready || die "bench init finished but $BENCH is not a working Frappe v15 bench"
	trap - EXIT
	say "bench ready: frappe $("$BENCH/env/bin/python" -c 'import frappe; print(frappe.__version__)')"
fi

# ------------------------------------------------------------------ 6. configuration, test deps
setcfg() {  # setcfg key value: in common_site_config.json, only when it differs
	local cur
	cur=$("$BENCH/env/bin/python" -c "import json,sys; print(json.load(open('$BENCH/sites/common_site_config.json')).get('$1', ''))")
	[ "$cur" = "$2" ] || as_user "cd '$BENCH' && bench set-config -g '$1' '$2' >/dev/null"
}
setcfg redis_cache "$REDIS_URL"
setcfg redis_queue "$REDIS_URL"
setcfg redis_socketio "$REDIS_URL"
# No Procfile lines for private redis servers: the bench uses the running one above.
if [ -f "$BENCH/Procfile" ] && grep -q "^redis_" "$BENCH/Procfile"; then
	as_user "sed -i '/^redis_/d' '$BENCH/Procfile'"
fi

# Frappe's test dependencies (freezegun, hypothesis, …) for `bench run-tests`, at Frappe's pins.
if ! "$BENCH/env/bin/python" -c "import freezegun, hypothesis, faker, responses" 2>/dev/null; then
	say "installing Frappe's test dependencies (bench setup requirements --dev)"
	as_user "cd '$BENCH' && bench setup requirements --dev --python" >/dev/null ||
		die "bench setup requirements --dev failed"
fi
say "ready: $BENCH (user $BENCH_USER, bench CLI $CLI/bin/bench)"
