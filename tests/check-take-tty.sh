#!/usr/bin/env bash
# `alignkit assess take` in a real terminal (tmux): prompts, help, an answer saved at once,
# the process killed mid-questionnaire, and a second run that resumes where it stopped.
set -uo pipefail
ak=$(realpath "$1")
command -v tmux >/dev/null || { echo "missing tmux: run scripts/install-test-tools"; exit 1; }
work=$(mktemp -d)
session="alignkit-take-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$work"' EXIT
cp examples/brightline/questionnaire.yaml "$work/q.yaml"
cd "$work" || exit 1

screen() { tmux capture-pane -p -t "$session" 2>/dev/null; }
# Waits up to 10 s for `text` on the screen.
wait_for() {
  for _ in $(seq 100); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "FAIL: '$1' never appeared; the screen shows:"; screen
  exit 1
}
start() { tmux new-session -d -s "$session" -x 100 -y 40 "$ak assess take q.yaml -o answers.yaml $*; sleep 30"; }

start --respondent r-9 --team sales --date 2026-11-22
wait_for "Leadership and shared goals — 1 of 12"
wait_for "5  Strongly agree"
tmux send-keys -t "$session" 4 Enter
wait_for "2 of 12"
grep -q "leaders-expectations: 4" answers.yaml || { echo "FAIL: the first answer was not saved at once"; exit 1; }
tmux send-keys -t "$session" '?' Enter 9 Enter
wait_for "answer with 1, 2, 3, 4, 5"
tmux send-keys -t "$session" 2 Enter
wait_for "3 of 12"
grep -q "shared-goals: 2" answers.yaml || { echo "FAIL: the second answer was not saved"; exit 1; }

# Kill the whole terminal mid-questionnaire: nothing answered may be lost.
tmux kill-session -t "$session"
sleep 0.3
grep -q "leaders-expectations: 4" answers.yaml && grep -q "shared-goals: 2" answers.yaml \
  || { echo "FAIL: answers lost when the terminal was killed"; cat answers.yaml; exit 1; }
"$ak" validate -q answers.yaml >/dev/null || { echo "FAIL: the saved answers do not validate"; exit 1; }

start --date 2026-11-22
wait_for "Resuming at question 3 of 12."
wait_for "Leadership and shared goals — 3 of 12"
tmux send-keys -t "$session" 1 Enter q Enter
wait_for "Saved 3 answers to answers.yaml"
grep -q "bubbles: 1" answers.yaml || { echo "FAIL: the resumed answer was not saved"; exit 1; }
echo "ok: prompts, help, saving, kill and resume in a real terminal"
