#!/usr/bin/env bash
# The command of the merge job that submit.sh makes depend on the array job: copies the parts
# s3://BUCKET/PREFIX/shard-*/ down, checks that none is missing, merges them into what the command
# without --shard would write, and copies that up to s3://BUCKET/PREFIX/result/. In the image
# (docker build --target aws-batch, see src/deploy/Dockerfile) it is /lambdasim/bin/merge-parts.sh:
#
#   merge-parts.sh s3://BUCKET/PREFIX
#
# If shards are missing, `merge --missing` names them (missing: 2/20, ...) and the job fails
# without merging; submit the same command again (submit.sh), complete parts skip themselves.
set -euo pipefail

if [ $# -ne 1 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
dest=${1%/}
work=${TMPDIR:-/tmp}/lambdasim
mkdir -p "$work/parts"
lambdasim() { java -XX:MaxRAMPercentage=75 -jar /lambdasim/lambdasim.jar "$@"; }

aws s3 cp --recursive --only-show-errors "$dest/" "$work/parts/" --exclude '*' --include 'shard-*'
lambdasim merge --missing "$work"/parts/shard-*
lambdasim merge "$work"/parts/shard-* --out "$work/result"
aws s3 cp --recursive --only-show-errors "$work/result/" "$dest/result/"
echo "merged: $dest/result/"
