#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n checkout patch service payments -p '{"spec":{"selector":{"app":"payments"}}}'
