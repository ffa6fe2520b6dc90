#!/usr/bin/env bash
# Installs the Debian packages civicpost builds against, when they are missing.
# As root it runs apt-get; with passwordless sudo it uses sudo; otherwise it prints
# the exact command to run and fails.
set -euo pipefail

packages=(libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libdeflate-dev libmimalloc-dev pkg-config git)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "setup: installing ${missing[*]} with sudo" >&2
  sudo DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2
else
  echo "setup: missing Debian packages: ${missing[*]}" >&2
  echo "run:   sudo bash -c '$command'" >&2
  exit 1
fi
