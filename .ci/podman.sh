# Sourced by .ci/test and .ci/smoke: podman from a private configuration, so CI never touches a system-wide store.
# On these machines (no Docker engine, cgroup v1 "hybrid", no image registry) podman needs runc (crun fails on
# hybrid cgroups), cgroupfs, ulimits below the shell's hard limits, and overlay storage under a temporary directory.
#   podman_ready   installs podman and runc with apt-get when absent (root only), writes the private configuration,
#                  checks that podman answers; on failure prints why in PODMAN_UNAVAILABLE and returns 1.
#   podman_cleanup removes every container, image and mount of the private store, and the store itself.

podman_ready() {
    PODMAN_UNAVAILABLE=""
    if [ "${TECH_TRENDS_CONTAINER_TESTS:-on}" = off ]; then
        PODMAN_UNAVAILABLE="TECH_TRENDS_CONTAINER_TESTS=off"
        return 1
    fi
    if ! command -v podman >/dev/null 2>&1 || ! command -v runc >/dev/null 2>&1; then
        if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
            PODMAN_UNAVAILABLE="podman/runc are not installed and cannot be installed here (needs root and apt-get)"
            return 1
        fi
        echo "container: installing podman and runc (apt-get)"
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc; } \
            >/tmp/techtrends-podman-apt.log 2>&1; then
            PODMAN_UNAVAILABLE="apt-get could not install podman and runc (log: /tmp/techtrends-podman-apt.log)"
            return 1
        fi
    fi
    PODMAN_WORK=$(mktemp -d "${TMPDIR:-/var/tmp}/techtrends-podman.XXXXXX")
    export CONTAINERS_CONF="$PODMAN_WORK/containers.conf"
    export CONTAINERS_STORAGE_CONF="$PODMAN_WORK/storage.conf"
    local nofile nproc
    nofile=$(podman_limit "$(ulimit -Hn)" 65536)
    nproc=$(podman_limit "$(ulimit -Hu)" 4096)
    cat >"$CONTAINERS_CONF" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$PODMAN_WORK/tmp"

[network]
network_config_dir = "$PODMAN_WORK/networks"
CONF
    cat >"$CONTAINERS_STORAGE_CONF" <<CONF
[storage]
driver = "overlay"
runroot = "$PODMAN_WORK/run"
graphroot = "$PODMAN_WORK/storage"
CONF
    if ! podman info >"$PODMAN_WORK/podman-info.log" 2>&1; then
        PODMAN_UNAVAILABLE="podman is installed but does not work here: $(tail -n 1 "$PODMAN_WORK/podman-info.log")"
        podman_cleanup
        return 1
    fi
    echo "container: $(podman --version), runtime $(podman info --format '{{.Host.OCIRuntime.Name}}'), storage $(podman info \
        --format '{{.Store.GraphDriverName}}') under $PODMAN_WORK"
}

# The runtime asks for exactly these rlimits: they must not exceed the hard limits of this shell.
podman_limit() {
    if [ "$1" = unlimited ] || [ "$1" -gt "$2" ]; then echo "$2"; else echo "$1"; fi
}

podman_cleanup() {
    [ -n "${PODMAN_WORK:-}" ] && [ -d "$PODMAN_WORK" ] || return 0
    podman rm -af -t 2 >/dev/null 2>&1 || true
    podman rmi -af >/dev/null 2>&1 || true
    awk -v w="$PODMAN_WORK" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r | xargs -r -n 1 umount -l 2>/dev/null || true
    rm -rf "$PODMAN_WORK" 2>/dev/null || true
    [ -d "$PODMAN_WORK" ] && echo "container: could not remove $PODMAN_WORK completely" >&2
    return 0
}
