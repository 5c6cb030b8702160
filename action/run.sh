#!/usr/bin/env bash
# The steps of action.yml: `run.sh install|lint|check|diff`. Inputs come as GATEPLAN_* variables;
# GitHub's own (GITHUB_ACTION_PATH, GITHUB_BASE_REF, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
# RUNNER_TEMP) as the runner sets them. Tested by test/action.test.ts, which runs these steps
# against a temporary git repository.
set -uo pipefail

gateplan() { node "$GITHUB_ACTION_PATH/bin/gateplan.js" "$@"; }

# The options every command that reads the spec shares.
spec_args() {
  args=("$GATEPLAN_SPEC")
  if [ -n "${GATEPLAN_TARGETS:-}" ]; then args+=(--target "$GATEPLAN_TARGETS"); fi
  if [ -n "${GATEPLAN_CONFIG:-}" ]; then args+=(--config "$GATEPLAN_CONFIG"); fi
}

summary() { if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat >>"$GITHUB_STEP_SUMMARY"; else cat >/dev/null; fi; }
output() { if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi; }

install() {
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    echo "::error title=gateplan::gateplan needs Node.js 20.19 or later (this runner has $(node --version)); add actions/setup-node before it"
    return 1
  fi
  cd "$GITHUB_ACTION_PATH" || return 1
  if [ -f dist/cli/main.js ]; then
    # A release tag: dist/ is built in; install what it runs on.
    npm ci --omit=dev --ignore-scripts --no-audit --no-fund
  else
    # A branch or commit: install everything and build (npm ci runs the prepare script).
    npm ci --no-audit --no-fund
  fi
  echo "gateplan $(gateplan --version)"
}

lint() {
  spec_args
  local out status
  out=$(gateplan lint "${args[@]}" --fail-on "${GATEPLAN_FAIL_ON:-error}" --format text)
  status=$?
  printf '%s\n' "$out"
  # Annotations on the spec's lines: one per code and file (GitHub shows ten of each level).
  gateplan lint "${args[@]}" --fail-on none --format github
  printf '### gateplan lint `%s`\n\n```\n%s\n```\n\n' "$GATEPLAN_SPEC" "$out" | summary
  return "$status"
}

check() {
  spec_args
  gateplan generate "${args[@]}" --out "$GATEPLAN_OUT" --check
}

diff() {
  local base="${GATEPLAN_BASE_REF:-}"
  if [ -z "$base" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
    base="origin/$GITHUB_BASE_REF"
    # actions/checkout fetches one commit; the base branch's tip is all the diff reads.
    if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
      git fetch --no-tags --depth=1 origin "+refs/heads/$GITHUB_BASE_REF:refs/remotes/origin/$GITHUB_BASE_REF" || return 2
    fi
  fi
  if [ -z "$base" ]; then
    echo "gateplan diff skipped: not a pull request, and no base-ref given"
    return 0
  fi
  spec_args
  local file="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/gateplan-diff.md" status
  gateplan diff "${args[@]}" --base "$base" --format markdown --fail-on "${GATEPLAN_FAIL_ON_DIFF:-breaking}" >"$file"
  status=$?
  if [ "$status" -eq 2 ]; then return 2; fi
  cat "$file"
  summary <"$file"
  gateplan diff "${args[@]}" --base "$base" --format github
  local counts
  counts=$(sed -n 's/^### gateplan diff: \([0-9]*\) breaking, \([0-9]*\) risky, \([0-9]*\) safe$/\1 \2 \3/p' "$file")
  read -r breaking risky safe <<<"$counts"
  output "breaking=$breaking"
  output "risky=$risky"
  output "safe=$safe"
  output "comment-file=$file"
  if [ "$status" -ne 0 ]; then
    echo "::error title=gateplan diff::routing changes at or above '${GATEPLAN_FAIL_ON_DIFF:-breaking}' (fail-on-diff)"
  fi
  return "$status"
}

case "${1:-}" in
  install | lint | check | diff) "$1" ;;
  *)
    echo "usage: run.sh install|lint|check|diff" >&2
    exit 2
    ;;
esac
