#!/usr/bin/env bash
# Installs the peer tools `make bench` times civicpost against, when they are missing:
# ripgrep (rg), Hugo (Debian's 0.111) and hyperfine, plus a C compiler for the harness's
# peak-RSS launcher when none is on PATH. As root it runs apt-get; with passwordless sudo
# it uses sudo; otherwise it prints the exact command and carries on: run.py then marks
# the rows of a missing tool "skipped" instead of failing.
set -euo pipefail

declare -A tools=([rg]=ripgrep [hugo]=hugo [hyperfine]=hyperfine [git]=git [python3]=python3)
missing=()
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
done
if ! command -v cc >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1 && ! command -v clang >/dev/null 2>&1; then
  missing+=(gcc libc6-dev)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
IFS=$'\n' missing=($(printf '%s\n' "${missing[@]}" | sort -u)); unset IFS

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "bench-setup: installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
  echo "bench-setup: installing ${missing[*]} with sudo" >&2
  sudo DEBIAN_FRONTEND=noninteractive bash -c "$command" >&2
else
  echo "bench-setup: missing benchmark tools: ${missing[*]}" >&2
  echo "run:         sudo bash -c '$command'" >&2
  echo "bench-setup: continuing; the rows of missing tools will show as skipped" >&2
fi
