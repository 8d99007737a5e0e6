#!/usr/bin/env bash
# The command of each child of the AWS Batch array job that submit.sh submits: runs shard K of N of
# a lambdasim command and copies the part to S3. In the image (docker build --target aws-batch, see
# src/deploy/Dockerfile) it is /lambdasim/bin/run-shard.sh:
#
#   run-shard.sh N s3://BUCKET/PREFIX COMMAND ARGUMENTS...
#   run-shard.sh 20 s3://my-bucket/sweeps/hashing sweep scenarios/hashing.yaml --vary ... --replications 10
#
# K = AWS_BATCH_JOB_ARRAY_INDEX + 1: Batch sets the index (0 to N-1) in each child of an array
# job (unset in a job of one shard: K = 1). COMMAND is sweep, compare or run (with --replications);
# the part goes to s3://BUCKET/PREFIX/shard-K/. Re-submit friendly: whatever part S3 already holds
# for shard K is copied down first, and a shard whose part is complete skips itself, so a retried
# attempt or a re-submitted array only simulates the shards still missing.
set -euo pipefail

if [ $# -lt 3 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
fi
shards=$1
dest=${2%/}
shift 2
k=$((${AWS_BATCH_JOB_ARRAY_INDEX:-0} + 1))
part=${TMPDIR:-/tmp}/lambdasim/shard-$k
mkdir -p "$part"

aws s3 cp --recursive --only-show-errors "$dest/shard-$k/" "$part/"
java -XX:MaxRAMPercentage=75 -jar /lambdasim/lambdasim.jar "$@" --shard "$k/$shards" --out "$part"
aws s3 cp --recursive --only-show-errors "$part/" "$dest/shard-$k/"
echo "shard $k/$shards: $dest/shard-$k/"
