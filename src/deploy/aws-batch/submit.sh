#!/usr/bin/env bash
# Runs a lambdasim command in N shards on AWS Batch: an array job of N children, each running
# run-shard.sh (shard K = AWS_BATCH_JOB_ARRAY_INDEX + 1, its part copied to S3), and a merge job,
# merge-parts.sh, that starts when every child has succeeded and writes s3://BUCKET/PREFIX/result/.
#
#   JOB_QUEUE=my-queue src/deploy/aws-batch/submit.sh N s3://BUCKET/PREFIX COMMAND ARGUMENTS...
#   JOB_QUEUE=my-queue src/deploy/aws-batch/submit.sh 20 s3://my-bucket/sweeps/hashing \
#       sweep scenarios/hashing.yaml --vary functions.hash.memorySize=128..3008:64 --replications 10
#   aws s3 cp --recursive s3://my-bucket/sweeps/hashing/result/ output/hashing-sweep/
#
# Once, before: build the image and push it to a registry Batch can pull from (ECR),
#   mvn -B -q package -DskipTests && docker build -f src/deploy/Dockerfile --target aws-batch -t lambdasim-batch .
# put its name and a job role that may read and write the bucket into job-definition.json, and
#   aws batch register-job-definition --cli-input-json file://src/deploy/aws-batch/job-definition.json
# Settings (environment): JOB_QUEUE (required), JOB_DEFINITION (default lambdasim), JOB_NAME
# (default lambdasim). COMMAND is sweep, compare or run (with --replications); scenario paths are
# those of the image (scenarios/...). Re-submit friendly: after a failure, submit the same command
# with the same PREFIX; the shards whose parts are complete in S3 skip themselves.
set -euo pipefail

if [ $# -lt 3 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]] || [ "$1" -gt 10000 ]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    echo "(N from 1 to 10000, the largest array job)" >&2
    exit 2
fi
shards=$1
dest=${2%/}
shift 2
queue=${JOB_QUEUE:?set JOB_QUEUE to an AWS Batch job queue}
definition=${JOB_DEFINITION:-lambdasim}
name=${JOB_NAME:-lambdasim}

# A JSON array of strings, for --container-overrides (arguments may hold commas and quotes).
json_array() {
    local out="" a
    for a in "$@"; do
        a=${a//\\/\\\\}
        a=${a//\"/\\\"}
        out+="${out:+, }\"$a\""
    done
    printf '[%s]' "$out"
}

array=()
[ "$shards" -eq 1 ] || array=(--array-properties "size=$shards")
shards_job=$(aws batch submit-job --job-name "$name-shards" --job-queue "$queue" --job-definition "$definition" \
    ${array[@]+"${array[@]}"} \
    --container-overrides "{\"command\": $(json_array /lambdasim/bin/run-shard.sh "$shards" "$dest" "$@")}" \
    --query jobId --output text)
echo "shards: $shards_job ($shards shards)"

merge_job=$(aws batch submit-job --job-name "$name-merge" --job-queue "$queue" --job-definition "$definition" \
    --depends-on "jobId=$shards_job" \
    --container-overrides "{\"command\": $(json_array /lambdasim/bin/merge-parts.sh "$dest")}" \
    --query jobId --output text)
echo "merge:  $merge_job (result in $dest/result/)"
