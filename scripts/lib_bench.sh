# Shared by .ci/run and scripts/demo.sh (sourced, not run): talk to the bench that
# scripts/provision_bench.sh made ready, as its owner, with the bench CLI of its own venv.
#
# Needs ROOT (the checkout). Sets BENCH, BENCH_USER, BENCH_HOME, DB_ROOT_USER, DB_ROOT_PASSWORD.

BENCH=$(realpath -m "${SAKIP_BENCH:-/home/frappe/frappe-bench}")
DB_ROOT_USER=${SAKIP_DB_ROOT_USER:-root}
DB_ROOT_PASSWORD=${SAKIP_DB_ROOT_PASSWORD-}
BENCH_USER=$(stat -c %U "$BENCH" 2>/dev/null || id -un)
BENCH_HOME=$(getent passwd "$BENCH_USER" | cut -d: -f6)
export SAKIP_BENCH=$BENCH

# as_bench_user "command line": run in the bench directory as its owner. The environment is
# explicit (no login profile): the bench CLI's venv first on PATH, pip rather than uv.
as_bench_user() {
	local path="$BENCH_HOME/.sakip/bench-cli/bin:$BENCH/env/bin:/usr/local/bin:/usr/bin:/bin"
	if [ "$(id -un)" = "$BENCH_USER" ]; then
		(cd "$BENCH" && BENCH_DISABLE_UV=1 PATH="$path" bash -c "$*")
	else
		runuser -u "$BENCH_USER" -- env -i HOME="$BENCH_HOME" USER="$BENCH_USER" LANG=C.UTF-8 \
			LC_ALL=C.UTF-8 BENCH_DISABLE_UV=1 PATH="$path" TERM=dumb \
			bash -c "cd '$BENCH' && $*"
	fi
}

# install_app_copy: put this checkout into the bench as apps/sakip_evaluasi (replacing any
# earlier copy; never a symlink, so the bench user needs no write access to the checkout),
# pip-install it into the bench's environment and list it in sites/apps.txt.
install_app_copy() {
	local appdir="$BENCH/apps/sakip_evaluasi"
	rm -rf "$appdir"
	mkdir -p "$appdir"
	tar -C "$ROOT" --exclude=.git --exclude=__pycache__ --exclude=.venv --exclude='*.egg-info' \
		--exclude=.pytest_cache --exclude=.hypothesis --exclude=.ruff_cache -cf - . | tar -C "$appdir" -xf -
	chown -R "$BENCH_USER": "$appdir" 2>/dev/null || true
	as_bench_user "env/bin/python -m pip install -q --disable-pip-version-check -e apps/sakip_evaluasi" || return 1
	if ! grep -qx sakip_evaluasi "$BENCH/sites/apps.txt"; then
		as_bench_user "sed -i -e '\$a\\' sites/apps.txt && echo sakip_evaluasi >> sites/apps.txt"
	fi
}

# new_site SITE: a new site with the MariaDB root credentials. Frappe asks for an empty root password
# with getpass, which reads the terminal, not stdin: setsid detaches the command from the terminal,
# so getpass reads the piped newline instead of waiting for a keypress nobody sees.
new_site() {
	as_bench_user "printf '\\n' | setsid -w bench new-site '$1' --db-root-username '$DB_ROOT_USER' \
		--db-root-password '$DB_ROOT_PASSWORD' --admin-password '${2:-admin}'"
}

drop_site() {
	as_bench_user "printf '\\n' | setsid -w bench drop-site '$1' --db-root-username '$DB_ROOT_USER' \
		--db-root-password '$DB_ROOT_PASSWORD' --force --no-backup"
}
