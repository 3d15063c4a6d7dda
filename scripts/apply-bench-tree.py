#!/usr/bin/env python3
"""Writes a target tree (a small server's /etc, /proc/sys and /sys files) and a full plan for it
(3 owned files, 24 sysctls + 2 THP choices, daemon-reload/-reexec) as golive's plan JSON.
Used by scripts/bench to time `golive apply` and `golive rollback` with --root.
Usage: apply-bench-tree.py TREE_DIR PLAN_FILE SNAPSHOT_ID"""
import json, os, sys

tree, plan_file, sid = sys.argv[1], sys.argv[2], sys.argv[3]
# only keys of golive's profile schema: apply --plan-file refuses any other (docs/snapshots.md, "Plan files")
SYSCTLS = [
    ("net.core.somaxconn", "4096", "65535"), ("net.core.netdev_max_backlog", "1000", "16384"),
    ("net.ipv4.tcp_max_syn_backlog", "512", "8192"), ("net.ipv4.tcp_fin_timeout", "60", "30"),
    ("net.ipv4.ip_local_port_range", "32768\t60999", "10240 65535"),
    ("net.ipv4.tcp_rmem", "4096\t131072\t6291456", "4096 131072 16777216"),
    ("net.ipv4.tcp_wmem", "4096\t16384\t4194304", "4096 16384 16777216"),
    ("net.core.rmem_max", "212992", "16777216"), ("net.core.wmem_max", "212992", "16777216"),
    ("vm.swappiness", "60", "10"), ("fs.nr_open", "1048576", "2097152"),
    ("fs.file-max", "9223372036854775807", "2097152"), ("net.ipv4.tcp_tw_reuse", "2", "1"),
    ("net.ipv4.tcp_slow_start_after_idle", "1", "0"), ("net.ipv4.tcp_keepalive_time", "7200", "600"),
    ("net.ipv4.tcp_max_tw_buckets", "65536", "262144"), ("net.ipv4.tcp_syncookies", "0", "1"),
    ("net.ipv4.tcp_timestamps", "0", "1"), ("net.ipv4.ip_unprivileged_port_start", "1024", "80"),
    ("net.core.busy_poll", "0", "50"), ("net.core.busy_read", "0", "50"),
    ("vm.overcommit_memory", "1", "0"), ("vm.max_map_count", "65530", "262144"),
    ("kernel.pid_max", "4194304", "4194303"),
]
THP = [("transparent_hugepage.enabled", "/sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never", "madvise", "never"),
       ("transparent_hugepage.defrag", "/sys/kernel/mm/transparent_hugepage/defrag", "always defer defer+madvise [madvise] never", "madvise", "defer+madvise")]

def write(path, text, mode=0o644):
    p = os.path.join(tree, path.lstrip("/"))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(text)
    os.chmod(p, mode)

def header(i):
    return "# Managed by golive (snapshot %s). Edit with golive, or roll back with:\n#   golive rollback %s\n" % (i, i)

old = header("old-1") + "net.core.somaxconn = 1024\n"
write("/etc/sysctl.d/60-golive.conf", old)
write("/etc/systemd/system/app.service", "[Service]\nExecStart=/usr/local/bin/app\n")
live, sysctl = [], header(sid)
for k, before, after in SYSCTLS:
    path = "/proc/sys/" + k.replace(".", "/")
    write(path, before + "\n")
    live.append(dict(key=k, path=path, format="SYSCTL", before=" ".join(before.split()), after=after,
                     perNamespace=k.startswith("net.") and k not in ("net.core.netdev_max_backlog", "net.core.rmem_max", "net.core.wmem_max", "net.core.busy_poll", "net.core.busy_read"), why="bench"))
    sysctl += "%s = %s\n" % (k, after)
for k, path, raw, before, after in THP:
    write(path, raw + "\n")
    live.append(dict(key=k, path=path, format="SYSFS_CHOICE", before=before, after=after, perNamespace=False, why="bench"))
f = lambda path, before, after: dict(path=path, before=before, after=after, mode="0644", owner="root", group="root", why="bench")
plan = dict(format=1, id=sid, profile="web", service="app.service",
            files=[f("/etc/sysctl.d/60-golive.conf", old, sysctl),
                   f("/etc/systemd/system.conf.d/60-golive.conf", None, header(sid) + "[Manager]\nDefaultLimitNOFILE=1024:1048576\n"),
                   f("/etc/systemd/system/app.service.d/60-golive.conf", None, header(sid) + "[Service]\nLimitNOFILE=1048576\n")],
            live=live,
            actions=[dict(kind="DAEMON_RELOAD", unit=None, why="unit drop-in"), dict(kind="DAEMON_REEXEC", unit=None, why="manager defaults")],
            conflicts=[], manualSteps=[])
with open(plan_file, "w") as out:
    json.dump(plan, out, indent=2)
