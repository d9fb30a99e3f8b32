#!/usr/bin/env bash
# Runs every test of the solution (unit, grain, API, storage, PostgreSQL and multi-process cluster tests), then the
# web client's browser tests (deploy/scripts/web-test.sh: headless Chromium against a real Api).
# The tests start what they need themselves: PostgreSQL through deploy/scripts/pg-local.sh (installed with
# apt-get when absent), silos and Api processes on free loopback ports. Prints "N passed, N failed[, N skipped]"
# as its last line and exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
results="$root/TestResults"
rm -rf "$results"

# The rich-text OT agreement tests run quill-delta under node, so the web client's packages are in place before any
# .NET test runs (CI builds skip the web client, whose own step installs them only later).
status=0
(cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error) || status=1

dotnet test Collab.sln --logger "trx" --results-directory "$results" "$@" || status=1

# The web client's browser tests write their counts to TestResults/web/summary.json, added to the summary below.
bash "$root/deploy/scripts/web-test.sh" || status=1

# The load generator's smoke mode (seconds): Collab and the bare-SignalR baseline under a tiny groups load, so bench/
# cannot rot. It counts as one test in the summary.
smoke=passed
dotnet build Api -c Release -nologo -v quiet >/dev/null || smoke=failed
if [[ "$smoke" == passed ]]; then
  timeout 300 dotnet run -c Release --project bench/Collab.Bench -- compare --smoke || smoke=failed
fi
echo "bench smoke: $smoke"

# The exam scenario's smoke mode: 20 candidates start, save, submit; fails on any error or lost answer. One more test.
exam_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- exam --spawn collab --smoke || exam_smoke=failed
echo "bench exam smoke: $exam_smoke"

# The co-editing scenario's smoke mode: 2 plans x 3 editors through the client library. One more test.
coedit_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- coedit --spawn collab --smoke || coedit_smoke=failed
echo "bench coedit smoke: $coedit_smoke"

# The co-editing comparison's smoke mode: the B1, B2 and ShareDB baselines and Collab back to back on text sections,
# then ShareDB's rich-text type and Collab on rich sections (Quill Deltas), with their ratios. One more test.
compare_smoke=passed
timeout 420 dotnet run -c Release --project bench/Collab.Bench -- coedit-compare --smoke --formats text,rich || compare_smoke=failed
echo "bench coedit-compare smoke: $compare_smoke"

# The ShareDB baseline alone (bench/sharedb, npm ci when its packages are absent): the C# ShareDB client's edits reach
# every peer and every copy ends equal to the server's document. One more test.
sharedb_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- coedit --spawn sharedb --smoke || sharedb_smoke=failed
echo "bench sharedb smoke: $sharedb_smoke"

# The directory's smoke mode on SQLite: a generated city of 3,000 people imported by CSV, every row stored, then 2,000
# people searches answered. One more test.
directory_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- directory --smoke --storage sqlite || directory_smoke=failed
echo "bench directory smoke: $directory_smoke"

# The history scenario's smoke mode: 4 observers' 100 notes and re-ratings, then 2 tutoring sessions of 30 strokes,
# grouped by the grain's history; fails on any refused command. One more test.
history_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- history --smoke || history_smoke=failed
echo "bench history smoke: $history_smoke"

# The classroom's smoke mode: B0 and Collab each run a 1+2-class classroom of 5 students a class through the directory
# import; every answer acknowledged, the host's tally counting all of them, the report matching. One more test.
classroom_smoke=passed
timeout 300 dotnet run -c Release --project bench/Collab.Bench -- classroom --smoke || classroom_smoke=failed
echo "bench classroom smoke: $classroom_smoke"

summary="$(python3 - "$results" "$status" "$smoke" "$exam_smoke" "$coedit_smoke" "$compare_smoke" "$sharedb_smoke" "$directory_smoke" "$history_smoke" "$classroom_smoke" <<'PY'
import glob, json, os, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
web = os.path.join(sys.argv[1], "web", "summary.json")
if os.path.exists(web):
    counts = json.load(open(web))
    passed += counts["passed"]
    failed += counts["failed"]
    skipped += counts["skipped"]
else:
    failed += 1  # the web step did not even report
for smoke in sys.argv[3:]:
    if smoke == "passed":
        passed += 1
    else:
        failed += 1
# A run that failed without a failed test (a project that did not build, a test host that crashed) is a failure too.
if sys.argv[2] != "0" and failed == 0:
    failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
)"
if [[ -z "$summary" ]]; then
  summary="0 passed, 1 failed"
fi
case "$summary" in
  "0 passed, 0 failed"*) status=1 ;;
  *", 0 failed"*) ;;
  *) status=1 ;;
esac
echo "$summary"
exit "$status"
