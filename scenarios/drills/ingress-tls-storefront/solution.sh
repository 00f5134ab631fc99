#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n storefront create ingress storefront --class=nginx \
  --rule="shop.example.com/api*=api:8080,tls=storefront-tls" \
  --rule="shop.example.com/*=web:80,tls=storefront-tls" \
  --annotation=nginx.ingress.kubernetes.io/limit-rps=10
