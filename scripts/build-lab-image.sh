#!/usr/bin/env bash
# Builds the lab's node image locally, with no registry: a root filesystem holding Debian's static
# busybox (package busybox-static) and its applets (sh, ping, nc, ip, wget, …), imported into the local
# Docker daemon as vmc-reach-lab-node:busybox. The container backend of the lab (src/lab) starts its
# nodes from it. Idempotent; rebuilds when the busybox binary changed.
#   usage: scripts/build-lab-image.sh            (root; a running Docker daemon; apt-get install busybox-static)
set -euo pipefail
image="${VMC_REACH_LAB_IMAGE:-vmc-reach-lab-node:busybox}"
busybox="$(command -v busybox || true)"
linkage="$( [[ -n "$busybox" ]] && ldd "$busybox" 2>&1 || true)"
if [[ -z "$busybox" || "$linkage" != *"not a dynamic executable"* ]]; then
  echo "build-lab-image: no static busybox found; apt-get install -y busybox-static" >&2
  exit 2
fi
sum="$(sha256sum "$busybox" | cut -c1-16)"
if [[ "$(docker image inspect -f '{{ index .Config.Labels "vmc-reach-lab.busybox" }}' "$image" 2>/dev/null || true)" == "$sum" ]]; then
  echo "build-lab-image: $image is up to date (busybox $sum)"
  exit 0
fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin" "$root/tmp" "$root/etc" "$root/proc" "$root/sys" "$root/dev"
cp "$busybox" "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list-full); do
  [[ -e "$root/$applet" ]] || ln -s /bin/busybox "$root/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
tar -C "$root" -c . | docker import \
  --change 'CMD ["/bin/sleep", "infinity"]' \
  --change "LABEL vmc-reach-lab.busybox=$sum" \
  --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
  - "$image" >/dev/null
echo "build-lab-image: built $image (busybox $sum)"
