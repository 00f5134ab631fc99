#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n shop expose deployment catalog --name=catalog --port=80 --target-port=8080
