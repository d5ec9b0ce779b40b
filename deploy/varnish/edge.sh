#!/usr/bin/env bash
# `make edge`: Varnish with portal.vcl on $EDGE_PORT in front of the app server on $PORT.
# Starts `make serve` (purging this Varnish) when nothing answers on $PORT, and stops it
# on exit. The VCL is copied to var/varnish/ with backend.vcl pointing at $PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${PORT:=8000}" "${EDGE_PORT:=6081}"
dir="$PWD/var/varnish"
mkdir -p "$dir"
chmod 755 "$dir"  # varnishd reads the VCL as its own user
cp deploy/varnish/portal.vcl "$dir/portal.vcl"
sed "s/\"8000\"/\"$PORT\"/" deploy/varnish/backend.vcl >"$dir/backend.vcl"

# Varnish first, so the app's purges (even migrate's) find it; it answers 503 until the
# app server is up.
varnishd -F -a "127.0.0.1:$EDGE_PORT" -n "$dir/instance" -f "$dir/portal.vcl" -s malloc,256m &
varnish_pid=$!
trap 'kill "$varnish_pid" 2>/dev/null || true' EXIT

if ! curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz"; then
  echo "Nothing answers on port $PORT: starting make serve (log: var/varnish/serve.log)"
  EDGE_PURGE_URL="${EDGE_PURGE_URL:-http://127.0.0.1:$EDGE_PORT/}" \
    setsid make serve PORT="$PORT" >"$dir/serve.log" 2>&1 &
  serve_pid=$!
  trap 'kill "$varnish_pid" 2>/dev/null || true; kill -- -"$serve_pid" 2>/dev/null || true' EXIT
else
  echo "Using the app server on port $PORT; it purges Varnish only if it runs with" \
    "EDGE_PURGE_URL=http://127.0.0.1:$EDGE_PORT/"
fi
echo "Varnish on http://127.0.0.1:$EDGE_PORT/ in front of http://127.0.0.1:$PORT/ (Ctrl-C stops)"
wait "$varnish_pid"
