#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl create clusterrole node-viewer --verb=get,list,watch --resource=nodes
kubectl create clusterrolebinding node-viewer-jane --clusterrole=node-viewer --user=jane
