#!/usr/bin/env bash
# The project's test command: `bash tests/run.sh` (from anywhere in the checkout; CI runs it
# through .ci/run). It installs the Debian packages the tests need, runs every test project of
# MesosConsole.sln with `dotnet test`, and ends with one line `N passed, N failed[, N skipped]`.
#
# Extra arguments go to `dotnet test`. If they name what to test (--project, --solution or
# --test-modules), only that runs, e.g.
#   bash tests/run.sh --project tests/MesosConsole.Interop.Tests --artifacts-path /tmp/art
# Environment: TEST_TIMEOUT (default 50m) bounds the whole `dotnet test` run.
#
# Works without a TTY, without stdin and with HOME unset.
set -euo pipefail

# Debian packages the tests need, one per line with what needs it. Add to this list when a test
# starts to need a system package (e.g. chromium for Browser.Tests, ansible for provisioning,
# openmpi-bin for MPI jobs, python3-marathon for interop). Installed with --no-install-recommends:
# list a recommended package here too if a test needs it.
DEBIAN_PACKAGES=(
  golang-go                         # Go 1.19: builds the mesos-go programs of Interop.Tests
  golang-github-mesos-mesos-go-dev  # mesos-go 0.0.6 sources (GOPATH tree under /usr/share/gocode)
  chromium                          # headless browser of Browser.Tests (driven by Playwright via BROWSER_PATH)
  ansible                           # ansible-playbook: syntax checks and real runs of ansible/ (Provisioning.Tests)
  ansible-lint                      # lints every playbook under ansible/
  shellcheck                        # checks the generated Slurm batch scripts
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[tests/run.sh] %s\n' "$*" >&2; }

# --- environment -------------------------------------------------------------------------------
if [ -z "${HOME:-}" ]; then
  # dotnet and NuGet need a home; use the account's own (so caches are shared), else a temp one.
  home="$(getent passwd "$(id -u)" 2>/dev/null | cut -d: -f6 || true)"
  if [ -z "$home" ] || [ ! -d "$home" ] || [ ! -w "$home" ]; then
    home="${TMPDIR:-/tmp}/mesosconsole-home"
    mkdir -p "$home"
  fi
  export HOME="$home"
  # Go keeps its build cache under HOME; name it explicitly since HOME was not given.
  export GOCACHE="${GOCACHE:-$HOME/.cache/go-build}"
  log "HOME was unset; using HOME=$HOME"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en   # the summary parsed below is in English
export NUGET_XMLDOC_MODE=skip
export MSBUILDDISABLENODEREUSE=1   # leave no MSBuild node processes behind
export BROWSER_PATH="${BROWSER_PATH:-/usr/bin/chromium}"   # Debian's chromium, for Browser.Tests

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    log "missing Debian packages: ${missing[*]} — not root and no sudo; install them and run again"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_options=(-q -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600)
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" update </dev/null \
    || log "apt-get update reported a problem; trying the install anyway"
  if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_options[@]}" install -y \
      --no-install-recommends "${missing[@]}" </dev/null; then
    log "could not install: ${missing[*]}"
    exit 1
  fi
fi

# --- tests -------------------------------------------------------------------------------------
target=(--solution MesosConsole.sln)
for arg in "$@"; do
  case "$arg" in
    --project|--project=*|--solution|--solution=*|--test-modules|--test-modules=*) target=() ;;
  esac
done

results_dir="$(mktemp -d "${TMPDIR:-/tmp}/mesosconsole-tests.XXXXXX")"
output="$results_dir/dotnet-test.log"
log "dotnet test ${target[*]:+${target[*]} }$* (full output also in $output)"

# Exit code 8 of a test module means "zero tests ran": a project without tests yet is not a
# failure by itself (the total is checked below).
status=0
timeout --kill-after=60s "${TEST_TIMEOUT:-50m}" \
  dotnet test "${target[@]}" --no-ansi --no-progress --ignore-exit-code 8 "$@" </dev/null 2>&1 \
  | tee "$output" || status=$?

# Sum every "Test run summary" block:
#   Test run summary: Failed!
#     ...
#     error: 1            (modules that failed without a failed test: crash, bad exit code)
#     total: 6
#     failed: 3
#     succeeded: 3
#     skipped: 0
#     duration: 20s 809ms
read -r total failed succeeded skipped errors < <(
  sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$output" | awk '
    /Test run summary:/ { block = 1; next }
    block && $1 == "total:"     && $2 ~ /^[0-9]+$/ { t += $2 }
    block && $1 == "failed:"    && $2 ~ /^[0-9]+$/ { f += $2 }
    block && $1 == "succeeded:" && $2 ~ /^[0-9]+$/ { s += $2 }
    block && $1 == "skipped:"   && $2 ~ /^[0-9]+$/ { k += $2 }
    block && $1 == "error:"     && $2 ~ /^[0-9]+$/ { e += $2 }
    block && $1 == "duration:" { block = 0 }
    END { printf "%d %d %d %d %d\n", t, f, s, k, e }')

exit_code=0
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  log "dotnet test did not finish within ${TEST_TIMEOUT:-50m} and was stopped"
  exit_code=1
elif [ "$status" -ne 0 ]; then
  log "dotnet test exited with status $status (failed tests, a build error or a crashed test module)"
  exit_code=1
fi
if [ "$errors" -gt 0 ]; then
  log "$errors test module(s) ended in error without a failed test (crash or bad exit code); counted as failed"
  failed=$((failed + errors))
  exit_code=1
fi
if [ "$failed" -gt 0 ]; then
  exit_code=1
fi
if [ "$total" -eq 0 ]; then
  log "no test ran"
  exit_code=1
fi

summary="$succeeded passed, $failed failed"
if [ "$skipped" -gt 0 ]; then
  summary="$summary, $skipped skipped"
fi
echo "$summary"
exit "$exit_code"
