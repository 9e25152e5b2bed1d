#!/usr/bin/env bash
# OFREP with a ramp (issue 18): single-flag evaluation throughput of model.claude-opus-4-8.enabled while that model
# ramps (reason SPLIT: the targeting key is read and bucketed) against the same flag with no ramp (reason STATIC),
# alternating ROUNDS rounds of ROUND_SECONDS seconds each in one run, CLIENTS closed-loop client threads over real HTTP.
# The app runs in the test JVM (bot's OfrepRampBench, with a test bean that puts the ramp in), since only a test
# can start a ramp without the recovery state machine. Prints the rates and the ratio of the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
export ROUNDS=${ROUNDS:-6} ROUND_SECONDS=${ROUND_SECONDS:-10} CLIENTS=${CLIENTS:-8}
./mvnw -o -B -q verify -pl bot -am -Dtest=OfrepRampBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false
cat bot/target/ofrep-ramp-bench.txt
