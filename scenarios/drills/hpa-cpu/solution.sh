#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n autoscale autoscale deployment api --min=2 --max=8 --cpu-percent=60
