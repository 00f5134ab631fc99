#!/bin/sh
set -e
kubectl -n ci create serviceaccount ci-bot
kubectl -n ci create role pod-reader --verb=get,list,watch --resource=pods
kubectl -n ci create rolebinding ci-bot-pod-reader --role=pod-reader --serviceaccount=ci:ci-bot
