#!/usr/bin/env bash
# A lambdasim sweep cut into N shards run by GNU Parallel, on this machine or over ssh, then merged.
#
#   src/deploy/parallel/sweep.sh N SCENARIO SWEEP-ARGUMENTS...
#   src/deploy/parallel/sweep.sh 8 scenarios/hashing.yaml \
#       --vary functions.hash.memorySize=128..3008:64 --vary functions.hash.handler.threads=1,2 --replications 10
#
# Each job is `lambdasim sweep SCENARIO SWEEP-ARGUMENTS... --shard K/N --out PARTS/shard-K`; when
# all are done, `lambdasim merge PARTS/shard-*` writes what the sweep without --shard would write
# (in its default folder, output/<scenario name>-sweep, or in OUT). Settings (environment):
#
#   HOSTS=hosts.txt    GNU Parallel's --sshloginfile, one ssh login a line (":" is this machine,
#                      "4/user@host" runs 4 jobs there at once); without it every job runs here (-S :).
#                      Remote hosts need Java 17 (and rsync); the jar and the scenario are copied to
#                      them once (--basefile), each part is copied back (--return) and removed there.
#                      A scenario that reads trace files needs them on the hosts too, at the same
#                      relative paths (or run from a folder every host shares).
#   JAR=target/lambdasim.jar   the shaded jar (mvn -B -q package -DskipTests builds it).
#   LAMBDASIM='java -Xmx8g -jar lambdasim.jar'   the command instead of java -jar $JAR, as shell
#                      words (it has to work on every host; nothing is copied for it).
#   JOBS=1             jobs at once on each host; 1 because one sweep already keeps every core busy.
#   PARTS=parts        where the parts go, on this machine.   OUT=DIR  where the merged sweep goes.
#
# Stopped, failed or killed halfway? Run the same command again: jobs that finished are skipped
# (GNU Parallel's --joblog PARTS/joblog with --resume-failed), and a shard whose part is already
# complete skips itself; only the missing shards are simulated. Changing N or the sweep arguments
# needs an empty PARTS.
set -euo pipefail

if [ $# -lt 2 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
shards=$1
shift
jar=${JAR:-target/lambdasim.jar}
lambdasim=${LAMBDASIM:-java -jar $(printf '%q' "$jar")}
run() { eval "$lambdasim \"\$@\""; }
parts=${PARTS:-parts}
mkdir -p "$parts"

# The sweep's own arguments, quoted once for the shell that runs each job.
args=""
for a in "$@"; do
    args+=" $(printf '%q' "$a")"
done

where=(-S :)
if [ -n "${HOSTS:-}" ]; then
    where=(--sshloginfile "$HOSTS" --basefile "$1" --return "$parts/shard-{}" --cleanup)
    [ -n "${LAMBDASIM:-}" ] || where+=(--basefile "$jar")
fi

status=0
seq 1 "$shards" | parallel "${where[@]}" --jobs "${JOBS:-1}" --line-buffer --tagstring 'shard {}/'"$shards" \
    --joblog "$parts/joblog" --resume-failed \
    "$lambdasim sweep$args --shard {}/$shards --out $(printf '%q' "$parts")/shard-{}" || status=$?
if [ "$status" -ne 0 ]; then
    echo "sweep.sh: $status shard(s) failed; run the same command again to run what is missing" >&2
fi

# merge --missing names the shards still to run (and exits non-zero if there are any).
run merge --missing "$parts"/shard-*
run merge "$parts"/shard-* ${OUT:+--out "$OUT"}
