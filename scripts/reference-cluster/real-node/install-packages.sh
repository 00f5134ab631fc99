#!/usr/bin/env bash
# The Debian packages a real node of the reference cluster runs on (issue 31): containerd (CRI v1,
# which the 1.32 kubelet speaks), runc, the reference CNI plugins (installed under /usr/lib/cni),
# busybox-static (the images' busybox when it cannot be built from source), iptables and conntrack (kube-proxy, CNI's
# portmap and masquerade), ipset (kube-router's NetworkPolicy rules), iproute2 (network namespaces), gcc with a static libc (the pause
# image is compiled from its C source) and make and bzip2 (busybox is built from its source tarball). Installs only what is missing, so a second run does nothing and
# prints one line. Needs root and apt-get (Debian); anywhere else it says so and exits 2, and
# `cluster reference up` falls back to KWOK-only nodes.
set -euo pipefail
packages=(containerd runc containernetworking-plugins busybox-static iptables conntrack ipset iproute2 gcc libc6-dev make bzip2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "real-node packages: all installed (${packages[*]})"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "real-node packages: missing ${missing[*]}, and this is not root on a Debian system with apt-get to install them" >&2
  exit 2
fi
echo "real-node packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# --no-install-recommends: containerd does not need its recommends; -q keeps CI's log short.
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
# Debian's containerd package enables a system-wide service; our containerd runs with its own
# config and socket, so the package's service is left exactly as the system has it.
echo "real-node packages: installed ${missing[*]}"
