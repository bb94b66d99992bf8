#!/usr/bin/env bash
# npm test: the type check, the linter, the vitest tests (unit, emulator, API client), the integration tests in a real
# VS Code extension host against each of the emulator's API dialects, and the UI journeys in the real workbench
# (from source against the aspnet dialect, and from the packaged .vsix against the bimlink one).
# Every stage runs even when an earlier one fails, so one run shows everything; the last line adds up the tests of
# all stages.
set -uo pipefail
cd "$(dirname "$0")/.."
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
failed_stages=()

stage() {
  local name=$1; shift
  echo; echo "=== $name"
  "$@" 2>&1 | tee >(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' >> "$summary")
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || failed_stages+=("$name (exit $rc)")
}

stage "type check" npx tsc --noEmit -p .
stage "lint" npx eslint --max-warnings 0 .
stage "vitest" npx vitest run
stage "build" node esbuild.js
stage "VS Code integration tests (bimlink dialect)" npx tsx test/vscode/harness/run.ts --dialect bimlink --self-check
stage "VS Code integration tests (aspnet dialect)" npx tsx test/vscode/harness/run.ts --dialect aspnet
stage "UI journeys (from source, and installed from the .vsix)" npx tsx test/journey/run.ts
sleep 0.2 # let the process substitutions finish writing

passed=$(awk '{ s += $2 } END { print s + 0 }' "$summary")
failed=$(awk '{ s += $4 } END { print s + 0 }' "$summary")
echo
if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "Failed stages: ${failed_stages[*]}"
  [ "$failed" -gt 0 ] || failed=${#failed_stages[@]} # a stage that failed before counting still counts as a failure
fi
echo "total: $passed passed, $failed failed"
[ ${#failed_stages[@]} -eq 0 ]
