#!/bin/sh
# Ensures the Debian packages the project needs. As root it installs what is missing; as anyone
# else it names what to install (or how to use an existing PostGIS) and stops.
set -eu

# libatomic1: the Node.js driver inside the playwright wheel needs it; faketime: the tests run
# the app at a chosen hour of the district's day; systemd: `geo service install` enables its
# units with systemctl (the tests check them with systemd-analyze); nginx, openssl: the tests
# run the reverse proxy's site (deploy/nginx.conf) with a throw-away certificate
packages="python3-venv chromium chromium-driver libatomic1 fonts-wqy-zenhei poppler-utils faketime systemd nginx-light openssl"
# With DATABASE_URL pointing at an existing PostGIS, the local server is not needed.
[ -n "${DATABASE_URL:-}" ] || packages="postgresql-15 postgresql-15-postgis-3 postgresql-contrib $packages"
# (tests add a package that cannot exist, to see what a user without root is told)
packages="$packages ${ATLAS_EXTRA_PACKAGES:-}"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
  cat >&2 <<MSG
Grassroots Atlas needs these Debian packages, which are not installed:
 $missing
Install them as an administrator:
  sudo apt-get install -y$missing
or, to use an existing PostgreSQL 15 + PostGIS 3 server instead of a local one, set
  export DATABASE_URL=postgresql://USER:PASSWORD@HOST:PORT/DBNAME
and run make again.
MSG
  exit 1
fi

echo "installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Debian's nginx package starts its default site on port 80 when installed: not here (the tests
# run nginx with their own configuration on free ports). policy-rc.d forbids starting services.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod 755 /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null
