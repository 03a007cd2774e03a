#!/usr/bin/env bash
# Lighthouse (mobile, its default preset) on seven public pages — the front page, the neighbourhoods index, a neighbourhood, a
# news item, a heavy news item (20-picture gallery, documents, video), a programme and a participation form —
# served as in production: production settings on
# PostgreSQL and Redis with the demo content, gunicorn with site/gunicorn.conf.py, and Debian's nginx
# with site/'s configuration (nginx-mahalle.conf, the TLS server of nginx.conf.example, mahalle_locations,
# mahalle_proxy_params) on a 127.0.0.1 port with a self-signed certificate for the name localhost.
#
#   bench/lighthouse.sh            prints the four category scores per page and every failing audit
#
# Environment: LIGHTHOUSE_DATABASE_URL (postgres://postgres@127.0.0.1:5432/mahalle_lighthouse, emptied
# and filled with the demo on every run), LIGHTHOUSE_REDIS_URL (redis://127.0.0.1:6379/13, emptied),
# CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_KEEP=1 leaves the database. Lighthouse itself is pinned in
# bench/lighthouse/package.json (not the portal's package.json, so servers never install it). Reports
# go to bench/results/lighthouse/: one JSON per page and report.md. Everything started is stopped by its
# process id at the end; each Lighthouse run is bounded (LIGHTHOUSE_TIMEOUT, 240 s).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
./scripts/setup >/dev/null

out=$repo/bench/results/lighthouse
work=$(mktemp -d)
chmod 755 "$work"  # nginx's workers (an unprivileged user) read the media and keep the page cache there
mkdir -p "$out"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
per_page=${LIGHTHOUSE_TIMEOUT:-240}

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "» installing Debian's nginx"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
stamp=bench/lighthouse/node_modules/.installed-$(sha1sum bench/lighthouse/package-lock.json | cut -c1-12)
if [ ! -f "$stamp" ]; then
  echo "» installing Lighthouse (bench/lighthouse/package.json)"
  (cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error) && touch "$stamp"
fi

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
app_port=$(free_port) port=$(free_port)
base="https://localhost:$port"

cleanup() {
  for pidfile in "$work/gunicorn.pid" "$work/nginx.pid"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
  if [ "${LIGHTHOUSE_KEEP:-0}" != 1 ] && [ -n "${DATABASE_URL:-}" ]; then
    .venv/bin/python bench/lighthouse_site.py dropdb || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Production settings, with what a server's /etc/mahalle/env would hold for this one.
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=localhost
export WAGTAILADMIN_BASE_URL=$base PUBLIC_BASE_URL=$base
export DATABASE_URL=${LIGHTHOUSE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/mahalle_lighthouse}
export REDIS_URL=${LIGHTHOUSE_REDIS_URL:-redis://127.0.0.1:6379/13}
export MEDIA_ROOT=$work/media
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=25
export LOG_LEVEL=WARNING
export GUNICORN_BIND=127.0.0.1:$app_port GUNICORN_WORKERS=${GUNICORN_WORKERS:-3}

echo "» the demo site under production settings ($DATABASE_URL, $REDIS_URL)"
.venv/bin/python bench/lighthouse_site.py createdb
.venv/bin/python manage.py migrate --no-input -v 0
.venv/bin/python manage.py load_demo >"$work/load_demo.log" 2>&1 || { tail -20 "$work/load_demo.log"; exit 1; }
.venv/bin/python manage.py collectstatic --no-input -v 0
.venv/bin/python bench/lighthouse_site.py pages >"$work/pages"

setsid .venv/bin/gunicorn -c site/gunicorn.conf.py portal.wsgi >"$work/gunicorn.log" 2>&1 </dev/null &
echo $! >"$work/gunicorn.pid"
.venv/bin/python bench/lighthouse_site.py nginx "$work" "$app_port" "$port" >"$work/nginx.conf"
"$nginx_bin" -t -q -p "$work" -c "$work/nginx.conf"
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 60); do
  [ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 5 "$base/" || true)" = 200 ] && break
  sleep 1
done

echo "» Lighthouse $(bench/lighthouse/node_modules/.bin/lighthouse --version), $("$CHROME_PATH" --version), mobile, $base"
while read -r name path; do
  # Once unmeasured, so that the page is in the caches as a reader after the first would find it.
  curl -sk -o /dev/null --max-time 30 "$base$path" || echo "  (the warm-up request failed: curl $?)"
  echo "  $name: $path"
  timeout --kill-after=10 "$per_page" bench/lighthouse/node_modules/.bin/lighthouse "$base$path" \
    --quiet --output=json --output-path="$out/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --ignore-certificate-errors --disable-dev-shm-usage" \
    || echo "  Lighthouse failed on $name" >&2
done <"$work/pages"

.venv/bin/python bench/lighthouse_site.py report "$out" <"$work/pages" | tee "$out/report.md"
