#!/usr/bin/env bash
# Browser tests of the web client: installs Debian's chromium when absent, builds web/ into Api/wwwroot, builds the Api,
# and runs web/test/e2e with Node's test runner (each test file starts its own Api on free loopback ports and drives
# headless Chromium through playwright-core). Writes TestResults/web/junit.xml and TestResults/web/summary.json
# ({"passed","failed","skipped"}, read by test.sh), screenshots and Api logs beside them, and prints
# "web: N passed, N failed[, N skipped]". Exits non-zero on any failure, including a failed install or build.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
results="$root/TestResults/web"
rm -rf "$results"
mkdir -p "$results"

summarize() {
  python3 - "$results" "$1" <<'PY'
import json, os, sys, xml.etree.ElementTree as ET
results, step_failed = sys.argv[1], sys.argv[2] == "1"
passed = failed = skipped = 0
path = os.path.join(results, "junit.xml")
if os.path.exists(path) and os.path.getsize(path) > 0:
    for case in ET.parse(path).getroot().iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
if step_failed and failed == 0:
    failed = 1  # the install, the build or the runner itself failed: count it, so the run cannot pass
json.dump({"passed": passed, "failed": failed, "skipped": skipped}, open(os.path.join(results, "summary.json"), "w"))
line = f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else "")
print(f"web: {line}")
PY
}

fail_setup() {
  echo "web-test: $1" >&2
  summarize 1
  exit 1
}

if [[ ! -x /usr/bin/chromium ]]; then
  echo "web-test: installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; } || fail_setup "could not install chromium"
fi
command -v node >/dev/null || fail_setup "Node.js is required for the web tests"

cd "$root/web"
npm ci --no-audit --no-fund --loglevel=error || fail_setup "npm ci failed"
npm run build --silent || fail_setup "the web client did not build"
cd "$root"
MSBUILDDISABLENODEREUSE=1 dotnet build Api -nologo -v quiet -p:CollabBuildWeb=false >"$results/api-build.log" 2>&1 ||
  { tail -30 "$results/api-build.log" >&2; fail_setup "the Api did not build"; }

cd "$root/web"
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$results/junit.xml" \
  test/unit/*.test.mjs test/e2e/*.test.mjs
status=$?
summarize "$([[ $status -eq 0 ]] && echo 0 || echo 1)"
exit "$status"
