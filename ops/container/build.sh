#!/usr/bin/env bash
# Builds what ops/container/Containerfile copies: the EAR (ear/target/sol-duel.ear) and the Liberty
# shared libraries (target/container/hibernate, target/container/jdbc), then builds the image when
# podman or docker is installed (this development machine has neither: it prints the command).
#   ops/container/build.sh [image-tag]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TAG=${1:-sol-duel:0.1.0}
cd "$ROOT"
echo "==> Building the EAR and staging the shared libraries (mvn package -DskipTests -Pcontainer; no local secrets needed)" >&2
mvn -B -ntp -q package -DskipTests -Denforcer.skip=true -Pcontainer
ls target/container/hibernate/*.jar target/container/jdbc/*.jar ear/target/sol-duel.ear >/dev/null
node ops/container/check-containerfile.mjs
for engine in podman docker; do
  if command -v "$engine" >/dev/null; then
    exec "$engine" build -f ops/container/Containerfile -t "$TAG" .
  fi
done
echo "no podman or docker here; on a machine with one run:  podman build -f ops/container/Containerfile -t $TAG ." >&2
