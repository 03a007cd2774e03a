#!/usr/bin/env bash
# Rehearses README «Running in production» on a clean Debian 12: debootstrap into a folder, chroot into
# it, and follow the steps in their order — packages, user, database, clone, setup, environment with
# the plain-http trial, migrate, static files, superuser, the web application and the task worker,
# nginx on port 80 with certbot's challenge directory, the certificate, nginx with TLS, the trial
# turned off, `check --deploy`, a restart — checking after each stage what a person would see.
#
#   site/rehearse-production.sh [FOLDER]     as root; FOLDER defaults to /var/tmp/mahalle-rehearsal
#
# What differs from the README, and why (each is marked «rehearsal:» below):
# - PostgreSQL and Redis are the machine's own on 127.0.0.1:5432 and :6379 (a chroot shares the network;
#   a second server would clash): the packages are not installed, createuser/createdb run as the
#   postgres user over TCP, the database and role are mahalle_rehearsal, Redis database 12. Both are
#   emptied at the start and the database is dropped at the end.
# - `git clone <repository>` clones a snapshot of this working tree (tracked and untracked files, not
#   the ignored ones), so the rehearsal covers changes not yet committed.
# - No systemd in a chroot: each unit is started with its own ExecStart=, User=, WorkingDirectory=
#   and EnvironmentFile= read from the unit file; the timers' services are run once.
# - Loopback only: gunicorn on 127.0.0.1:18000, nginx on 127.0.0.1:18080 (for 80) and :18443 (for
#   443); the names resolve to 127.0.0.1 inside the chroot and through curl --resolve. Ports other
#   than 80/443 also prove that the Host header keeps its port through nginx.
# - certbot cannot reach a certificate authority from here: the rehearsal checks that nginx serves
#   the webroot's challenge files on port 80 (what certbot --webroot needs), then puts a self-signed
#   certificate where certbot would.
# - Demo content (manage.py load_demo) is loaded so that there are pages to look at and to find in
#   search; a real server starts empty (load_demo leaves an account it did not make as it is, but gives
#   the ones it makes the public demo password, so the superuser here is «operator»). E-mail goes to
#   127.0.0.1:25.
# - Where the network inspects TLS with a CA of its own (/usr/local/share/ca-certificates on this
#   machine), the CA is trusted inside the chroot too, for pip and npm.
#
# Bounded: every request has a time limit, the steps inside the chroot REHEARSAL_TIMEOUT seconds (2400).
# The downloaded .deb files are kept between runs in FOLDER.apt-cache (REHEARSAL_APT_CACHE; empty: none).
# Everything started is stopped by its process id when the script ends, the mounts are undone and the
# folder removed (REHEARSAL_KEEP=1 keeps folder and database for a look). The debootstrap result is
# kept in FOLDER.base.tar, so later runs start from the same clean system without downloading it.
set -euo pipefail

[ "$(id -u)" -eq 0 ] || { echo "run as root (debootstrap, chroot)" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
root=${1:-/var/tmp/mahalle-rehearsal}
base=${REHEARSAL_BASE:-$root.base.tar}
apt_cache=${REHEARSAL_APT_CACHE-$root.apt-cache}
name=mahalle_rehearsal
redis_db=${REHEARSAL_REDIS_DB:-12}
app_port=${REHEARSAL_APP_PORT:-18000} http_port=${REHEARSAL_HTTP_PORT:-18080} https_port=${REHEARSAL_HTTPS_PORT:-18443}
host=mahalle.example.ir
limit=${REHEARSAL_TIMEOUT:-2400}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { printf '\n\033[1m» %s\033[0m\n' "$*"; }

# --- preconditions ------------------------------------------------------------------------------
command -v debootstrap >/dev/null || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
psql -h 127.0.0.1 -U postgres -Atqc 'select 1' >/dev/null || { echo "PostgreSQL on 127.0.0.1:5432 (user postgres) is needed" >&2; exit 2; }
[ "$(redis-cli -h 127.0.0.1 -p 6379 ping)" = PONG ] || { echo "Redis on 127.0.0.1:6379 is needed" >&2; exit 2; }
for port in "$app_port" "$http_port" "$https_port"; do
  if ss -Hltn "sport = :$port" | grep -q .; then echo "port $port is taken" >&2; exit 2; fi
done
[ ! -e "$root" ] || { echo "$root exists: remove it (umount $root/proc first if mounted)" >&2; exit 2; }

cleanup() {
  status=$?
  say "stopping what the rehearsal started"
  for pidfile in "$root"/run/rehearsal/*.pid "$root"/run/nginx.pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # Each service was started with setsid, so its process group is its own; nginx's master takes QUIT.
    case "$pidfile" in
      */nginx.pid)
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done ;;
      *)
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 40); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
        if kill -0 -- "-$pid" 2>/dev/null; then kill -KILL -- "-$pid"; fi ;;
    esac
  done
  for mount in "$root/var/cache/apt/archives" "$root/proc"; do
    if mountpoint -q "$mount"; then umount "$mount" || true; fi
  done
  if [ "${REHEARSAL_KEEP:-0}" != 1 ]; then
    # Never remove the folder while something is still mounted in it.
    if ! mountpoint -q "$root/proc" && ! mountpoint -q "$root/var/cache/apt/archives"; then
      rm -rf --one-file-system "$root"
    fi
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $name WITH (FORCE)" -c "DROP ROLE IF EXISTS $name" || true
    redis-cli -n "$redis_db" flushdb >/dev/null || true
  else
    echo "kept: $root, database $name, Redis database $redis_db"
  fi
  [ "$status" -eq 0 ] && say "rehearsal passed" || say "rehearsal FAILED (exit $status)"
}
trap cleanup EXIT

# --- a clean Debian 12 ------------------------------------------------------------------------------
if [ ! -f "$base" ]; then
  say "debootstrap bookworm (kept in $base for later runs)"
  debootstrap bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || { tail -20 "$root.debootstrap.log"; exit 1; }
  tar -C "$root" -cf "$base" .
else
  say "a clean Debian 12 from $base"
  mkdir -p "$root" && tar -C "$root" -xf "$base"
fi
mount -t proc proc "$root/proc"
if [ -n "$apt_cache" ]; then
  # Downloaded .deb files only, kept between runs to spare the mirror; the system itself is new.
  mkdir -p "$apt_cache" && mount --bind "$apt_cache" "$root/var/cache/apt/archives"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A server knows its own name and, through DNS, the site's; here the site's name is this machine.
printf '127.0.1.1 %s\n127.0.0.1 %s www.%s\n' "$(hostname)" "$host" "$host" >>"$root/etc/hosts"
# Package scripts must not start services in a chroot (the rehearsal starts them as the steps say).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod +x "$root/usr/sbin/policy-rc.d"
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  # rehearsal: this network inspects TLS; trust its CA inside too (update-ca-certificates runs when
  # the ca-certificates package is installed by the first apt-get install).
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$root/etc/pip.conf"
  printf 'cafile=/etc/ssl/certs/ca-certificates.crt\n' >"$root/etc/npmrc"
fi

say "a snapshot of the working tree to clone from"
src="$root/var/tmp/mahalle-src"
mkdir -p "$src"
(cd "$repo" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done | tar --null -T - -cf -) | tar -C "$src" -xf -
git -C "$src" init -q && git -C "$src" add -A && git -C "$src" -c user.name=rehearsal -c user.email=rehearsal@localhost commit -qm snapshot

say "emptying database $name and Redis database $redis_db"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $name" -c "DROP ROLE IF EXISTS $name"
redis-cli -n "$redis_db" flushdb >/dev/null

# --- the README's steps, inside the chroot ---------------------------------------------------------
cat >"$root/root/steps.sh" <<STEPS
set -euo pipefail
host=$host name=$name redis_db=$redis_db app_port=$app_port http_port=$http_port https_port=$https_port
STEPS
cat >>"$root/root/steps.sh" <<'STEPS'
export DEBIAN_FRONTEND=noninteractive
step() { printf '\n\033[1m» %s\033[0m\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
expect() {  # expect WHAT ACTUAL WANTED
  if [ "$2" = "$3" ]; then echo "  ok   $1: $2"; else fail "$1: got «$2», wanted «$3»"; fi
}
get() { curl -sS --max-time 20 "$@"; }
https() { get -k --resolve "$host:$https_port:127.0.0.1" "$@"; }

# Units: started with their own command, user, folder and environment file, as systemd would.
unit() { sed -n "s/^$2=//p" "/etc/systemd/system/$1" | tr '\n' ' ' | sed 's/ $//'; }
run_as_unit() {  # run_as_unit UNIT COMMAND…
  local user group envfile folder
  user=$(unit "$1" User) group=$(unit "$1" Group) envfile=$(unit "$1" EnvironmentFile) folder=$(unit "$1" WorkingDirectory)
  shift
  ( set -a; . "$envfile"; set +a; cd "$folder"; export HOME=$(getent passwd "$user" | cut -d: -f6) USER=$user
    exec setpriv --reuid="$user" --regid="$group" --init-groups "$@" )
}
start_unit() {
  mkdir -p /run/rehearsal /var/log/rehearsal
  local command
  command=$(unit "$1" ExecStart)
  # shellcheck disable=SC2086
  setsid bash -c "$(declare -f unit run_as_unit); run_as_unit $1 $command" >"/var/log/rehearsal/$1.log" 2>&1 </dev/null &
  echo $! >"/run/rehearsal/$1.pid"
  echo "  started $1 (pid $!): $command"
}
stop_unit() {
  local pid; pid=$(cat "/run/rehearsal/$1.pid")
  kill -TERM -- "-$pid"
  # The whole process group (gunicorn's master and workers finish their requests first).
  for _ in $(seq 40); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 1; done
  ! kill -0 -- "-$pid" 2>/dev/null || fail "$1 did not stop"
  rm "/run/rehearsal/$1.pid"
}
run_oneshot() {
  local command
  while IFS= read -r command; do
    # shellcheck disable=SC2086
    run_as_unit "$1" $command </dev/null >"/var/log/rehearsal/$1.log" 2>&1 || { tail -20 "/var/log/rehearsal/$1.log"; fail "$1: $command"; }
    echo "  ok   $1: $command"
  done < <(sed -n 's/^ExecStart=//p' "/etc/systemd/system/$1")
}
wait_healthy() {
  for _ in $(seq 60); do
    [ "$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' -H "Host: $host" "http://127.0.0.1:$app_port/health/" || true)" = 200 ] && return
    sleep 1
  done
  tail -30 /var/log/rehearsal/mahalle-web.service.log; fail "gunicorn did not answer /health/"
}
# An nginx config as copied from site/, moved to the rehearsal's loopback ports.
loopback() {
  sed -i -e "s/^\( *\)listen 80;/\1listen 127.0.0.1:$http_port;/" \
         -e "s/^\( *\)listen 443 ssl http2;/\1listen 127.0.0.1:$https_port ssl http2;/" \
         -e '/listen \[::\]/d' -e "s/server 127.0.0.1:8000;/server 127.0.0.1:$app_port;/" "$@"
}
# The admin login through nginx from ORIGIN (scheme://name:port): the status of the POST and where it
# leads. A CSRF failure (the Host lost its port) answers 403.
admin_login() {
  local jar; jar=$(mktemp)
  get -k --resolve "$host:$http_port:127.0.0.1" --resolve "$host:$https_port:127.0.0.1" -c "$jar" -b "$jar" -o /dev/null "$1/admin/login/"
  get -k --resolve "$host:$http_port:127.0.0.1" --resolve "$host:$https_port:127.0.0.1" -c "$jar" -b "$jar" -o /dev/null \
    -H "Origin: $1" -H "Referer: $1/admin/login/" -w '%{http_code} %{redirect_url}' \
    --data-urlencode "csrfmiddlewaretoken=$(awk '$6 == "csrftoken" {print $7}' "$jar")" \
    --data-urlencode username=operator --data-urlencode password=rehearsal-admin-password-1404 "$1/admin/login/"
  awk '$6 == "sessionid" {print ($4 == "TRUE" ? " secure" : " plain")}' "$jar"
  rm -f "$jar"
}

step "apt-get update && apt-get install …  (rehearsal: postgresql-client instead of postgresql redis-server)"
apt-get update -qq
apt-get install -y -qq python3 python3-venv nodejs npm git nginx certbot sudo curl gettext \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 postgresql-client >/var/log/apt-rehearsal.log 2>&1 \
  || { tail -20 /var/log/apt-rehearsal.log; fail "apt-get install"; }
python3 --version; node --version; nginx -v; certbot --version

step "adduser --system --group --home /srv/mahalle mahalle; install -d … /srv/mahalle/media"
adduser --system --group --home /srv/mahalle mahalle
install -d -o mahalle -g mahalle /srv/mahalle/media

step "createuser, createdb  (rehearsal: the machine's PostgreSQL over TCP, role and database $name)"
createuser -h 127.0.0.1 -U postgres "$name"
psql -h 127.0.0.1 -U postgres -qc "ALTER ROLE $name PASSWORD 'rehearsal-db-password'"
createdb -h 127.0.0.1 -U postgres -O "$name" "$name"

step "sudo -u mahalle git clone <repository> /srv/mahalle/app  (rehearsal: the working tree's snapshot)"
chown -R mahalle:mahalle /var/tmp/mahalle-src
sudo -u mahalle git clone -q /var/tmp/mahalle-src /srv/mahalle/app

step "cd /srv/mahalle/app && sudo -u mahalle ./scripts/setup --production"
cd /srv/mahalle/app
time sudo -u mahalle ./scripts/setup --production

step "install -d -m 750 /etc/mahalle; install -m 600 site/env.example /etc/mahalle/env; edit it; the trial"
install -d -m 750 /etc/mahalle
install -m 600 site/env.example /etc/mahalle/env
sed -i -e "s|^SECRET_KEY=.*|SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')|" \
       -e "s|^DATABASE_URL=.*|DATABASE_URL=postgres://$name:rehearsal-db-password@127.0.0.1:5432/$name|" \
       -e "s|^REDIS_URL=.*|REDIS_URL=redis://127.0.0.1:6379/$redis_db|" \
       -e "s|^GUNICORN_BIND=.*|GUNICORN_BIND=127.0.0.1:$app_port|" \
       -e "s|^EMAIL_HOST=.*|EMAIL_HOST=127.0.0.1|" -e "s|^EMAIL_PORT=.*|EMAIL_PORT=25|" -e "s|^EMAIL_USE_TLS=.*|EMAIL_USE_TLS=0|" \
       /etc/mahalle/env
echo MAHALLE_PLAIN_HTTP_TRIAL=1 >>/etc/mahalle/env
set -a; . /etc/mahalle/env; set +a

step "migrate, collectstatic, createsuperuser"
sudo -E -u mahalle .venv/bin/python manage.py migrate --no-input | tail -1
sudo -E -u mahalle .venv/bin/python manage.py collectstatic --no-input | tail -1
DJANGO_SUPERUSER_USERNAME=operator DJANGO_SUPERUSER_EMAIL=admin@example.ir DJANGO_SUPERUSER_PASSWORD=rehearsal-admin-password-1404 \
  sudo -E -u mahalle .venv/bin/python manage.py createsuperuser --no-input

step "rehearsal: demo content, to have pages to look at and to find"
time sudo -E -u mahalle .venv/bin/python manage.py load_demo >/var/log/load-demo.log 2>&1 || { tail -20 /var/log/load-demo.log; fail load_demo; }
django() { sudo -E -u mahalle .venv/bin/python manage.py shell -c "$1" 2>/dev/null | tail -1; }
first_news="from news.models import NewsPage; page = NewsPage.objects.live().filter(locale__language_code='fa').order_by('path').first()"
news_url=$(django "$first_news; print(page.url)")
news_title=$(django "$first_news; print(page.title)")
echo "  a news item to look for: $news_title ($news_url)"

step "cp site/mahalle-*.service site/mahalle-*.timer /etc/systemd/system/; systemctl enable --now …  (rehearsal: each unit's ExecStart)"
cp site/mahalle-*.service site/mahalle-*.timer /etc/systemd/system/
start_unit mahalle-web.service
wait_healthy
# Search: Wagtail queues its index updates as tasks; until the worker runs they wait in the database.
quote() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
search() {  # how many links to the news item the search for its title shows
  get -H "Host: $host" "http://127.0.0.1:$app_port/search/?q=$(quote "$news_title")&try=$1" | grep -c "href=\"$news_url\"" || true
}
queued() { django "from django_tasks_db.models import DBTaskResult; print(DBTaskResult.objects.ready().count())"; }
echo "  tasks waiting before the worker starts: $(queued)"
expect "search finds the news item before the worker ran" "$(search 1)" 0
start_unit mahalle-worker.service
for _ in $(seq 100); do [ "$(queued)" = 0 ] && break; sleep 2; done
expect "tasks waiting once the worker ran" "$(queued)" 0
expect "search finds the news item once the worker ran" "$( [ "$(search 2)" -ge 1 ] && echo found || echo missing)" found
run_oneshot mahalle-publish.service
run_oneshot mahalle-maintenance.service
run_oneshot mahalle-alerts.service

step "curl -s -H 'Host: $host' http://127.0.0.1:8000/health/  (rehearsal: port $app_port)"
health=$(get -H "Host: $host" "http://127.0.0.1:$app_port/health/")
echo "  $health"
expect "health" "$(echo "$health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')" ok

step "nginx, step one: port 80 with the challenge directory; the site over http (trial)"
install -d /var/www/letsencrypt
install -d -o www-data -g www-data /var/cache/nginx/mahalle
cp site/nginx-mahalle.conf /etc/nginx/conf.d/mahalle.conf
cp site/mahalle_locations site/mahalle_proxy_params /etc/nginx/
cp site/nginx-http.conf.example /etc/nginx/sites-available/mahalle
ln -s /etc/nginx/sites-available/mahalle /etc/nginx/sites-enabled/
rm -f /etc/nginx/sites-enabled/default
loopback /etc/nginx/sites-available/mahalle /etc/nginx/conf.d/mahalle.conf   # rehearsal: loopback ports
nginx -t
nginx   # rehearsal: systemctl reload nginx
site="http://$host:$http_port"
plain() { get --resolve "$host:$http_port:127.0.0.1" "$@"; }
expect "home page over http" "$(plain -o /dev/null -w '%{http_code}' "$site/")" 200
expect "news item over http" "$(plain -o /dev/null -w '%{http_code}' "$site$news_url")" 200
stylesheet=$(plain "$site/" | grep -o '/static/css/portal\.[0-9a-f]*\.css' | head -1)
expect "stylesheet from nginx ($stylesheet)" "$(plain -o /dev/null -w '%{http_code}' "$site$stylesheet")" 200
expect "admin login over http on port $http_port" "$(admin_login "$site")" "302 $site/admin/ plain"
expect "private media" "$(plain -o /dev/null -w '%{http_code}' "$site/media/private/x.jpg")" 404

step "certbot certonly --webroot -w /var/www/letsencrypt …  (rehearsal: the challenge is served; a self-signed certificate)"
install -d /var/www/letsencrypt/.well-known/acme-challenge
echo rehearsal-token >/var/www/letsencrypt/.well-known/acme-challenge/rehearsal
expect "the challenge file on port 80" "$(plain "$site/.well-known/acme-challenge/rehearsal")" rehearsal-token
install -d "/etc/letsencrypt/live/$host"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:www.$host" \
  -keyout "/etc/letsencrypt/live/$host/privkey.pem" -out "/etc/letsencrypt/live/$host/fullchain.pem" 2>/dev/null

step "nginx, step two: TLS; the trial turned off; check --deploy; restart"
cp site/nginx.conf.example /etc/nginx/sites-available/mahalle
loopback /etc/nginx/sites-available/mahalle   # rehearsal: loopback ports
nginx -t
nginx -s reload   # rehearsal: systemctl reload nginx
sed -i '/^MAHALLE_PLAIN_HTTP_TRIAL/d' /etc/mahalle/env && unset MAHALLE_PLAIN_HTTP_TRIAL
set -a; . /etc/mahalle/env; set +a
sudo -E -u mahalle .venv/bin/python manage.py check --deploy --fail-level WARNING
stop_unit mahalle-web.service; stop_unit mahalle-worker.service   # rehearsal: systemctl restart …
start_unit mahalle-web.service; start_unit mahalle-worker.service
sleep 1; wait_healthy
grep -q "plain-http trial" /var/log/rehearsal/mahalle-web.service.log && fail "the web application still says it is a trial"
secure="https://$host:$https_port"
sleep 1  # nginx's old workers finish
expect "home page over https" "$(https -o /dev/null -w '%{http_code}' "$secure/")" 200
expect "HSTS" "$(https -sI "$secure$news_url" | tr -d '\r' | sed -n 's/^strict-transport-security: //Ip')" "max-age=31536000; includeSubDomains; preload"
expect "http is sent to https" "$(plain -o /dev/null -w '%{http_code} %{redirect_url}' "$site/x/")" "301 https://$host/x/"
expect "the challenge file still on port 80 (renewals)" "$(plain "$site/.well-known/acme-challenge/rehearsal")" rehearsal-token
expect "the application insists on https" "$(get -o /dev/null -w '%{http_code}' -H "Host: $host" "http://127.0.0.1:$app_port/")" 301
expect "admin login over https on port $https_port" "$(admin_login "$secure")" "302 $secure/admin/ secure"
expect "health through nginx" "$(get -k --resolve "$host:$https_port:127.0.0.1" "$secure/health/" | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')" ok
expect "the worker is running" "$(kill -0 "$(cat /run/rehearsal/mahalle-worker.service.pid)" && echo yes)" yes
STEPS

say "the README's steps in the chroot (at most $limit s)"
timeout --kill-after=30 "$limit" chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash /root/steps.sh
