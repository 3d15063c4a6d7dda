package dev.golive.check;

import dev.golive.model.CgroupMode;
import dev.golive.model.HostFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every rule, one line per case: on a host that shows the problem the rule fires; on a near
 * miss it does not. Hosts start healthy (TestHosts) and change one thing.
 */
class RuleCasesTest {

    static final String F = "/etc/sysctl.d/99-tuning.conf";
    static final long G = TestHosts.GIB;

    static TestHosts h() { return TestHosts.healthy(); }
    static TestHosts s() { return TestHosts.withService(); }
    static Arguments c(String id, String situation, TestHosts host) { return Arguments.of(id, situation, host.build()); }

    static Stream<Arguments> positives() {
        return Stream.of(
                c("NET-SOMAXCONN-LOW", "somaxconn 128 from an old tuning file", h().sysctlApplied(F, 1, "net.core.somaxconn", "128")),
                c("NET-SYN-BACKLOG-LOW", "SYN backlog 512 under somaxconn 4096, syncookies off", h().sysctl("net.ipv4.tcp_max_syn_backlog", "512").sysctl("net.ipv4.tcp_syncookies", "0")),
                c("NET-PORT-RANGE-OVERLAP", "service listens on 40000 inside 32768-60999", h().listening(22, 40000)),
                c("NET-PORT-RANGE-NARROW", "only 1001 ephemeral ports", h().sysctl("net.ipv4.ip_local_port_range", "50000 51000")),
                c("NET-PORT-RANGE-NARROW", "low above high", h().sysctl("net.ipv4.ip_local_port_range", "60000 50000")),
                c("NET-TW-RECYCLE", "file sets tcp_tw_recycle on kernel 6.1", h().sysctlFile(F, 3, "net.ipv4.tcp_tw_recycle", "1")),
                c("NET-TW-RECYCLE", "tcp_tw_recycle=1 live on kernel 4.9", h().kernel("4.9.0-19-amd64").sysctlPresent("net.ipv4.tcp_tw_recycle", "1")),
                c("NET-FIN-TIMEOUT-NOT-TIME-WAIT", "tcp_fin_timeout 15", h().sysctlApplied(F, 4, "net.ipv4.tcp_fin_timeout", "15")),
                c("NET-TW-REUSE-NO-TIMESTAMPS", "timestamps off", h().sysctl("net.ipv4.tcp_timestamps", "0")),
                c("NET-SYNCOOKIES-NOT-DEFAULT", "syncookies off", h().sysctl("net.ipv4.tcp_syncookies", "0")),
                c("NET-CORE-BUFFER-MAX-ONLY", "rmem_max raised alone", h().sysctlApplied(F, 5, "net.core.rmem_max", "16777216")),
                c("FD-LIMITS-CONF-IGNORED", "limits.conf raises nofile", h().limitsConf("*", "hard", "65536")),
                c("FD-LIMITS-CONF-IGNORED", "limits.conf with a service that has no PAMName", s().limitsConf("app", "-", "65536")),
                c("FD-NOFILE-ABOVE-NR-OPEN", "LimitNOFILE 2000000 over nr_open 1048576", s().set("Service", "LimitNOFILE", "2000000")),
                c("FD-FILE-MAX-BELOW-NOFILE", "file-max 100000 under 524288", h().sysctl("fs.file-max", "100000")),
                c("FD-SOFT-ONLY-RAISE", "65536:524288 for a Go 1.22 service", s().set("Service", "LimitNOFILE", "65536:524288")),
                c("FD-LIMIT-BELOW-DEFAULT", "LimitNOFILE=65536 lowers the hard 524288", s().set("Service", "LimitNOFILE", "65536")),
                c("FD-DEFAULT-HARD-LOW", "DefaultLimitNOFILE=1024:4096", h().defaultLimitNofile("1024:4096")),
                c("FD-FILE-NR-HIGH", "90% of file handles in use", h().sysctl("fs.file-max", "100000").fileNr(90000)),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "Go 1.22 under a 2-CPU quota on 16 CPUs", s().cpus(16).cpuQuota(2.0, null)),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "Go 1.25 binary from a go 1.24 go.mod", s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "containermaxprocs=0,updatemaxprocs=0")),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "Go 1.25 with GODEBUG opt-out", s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "").env("GODEBUG", "containermaxprocs=0")),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "no binary, toolchain 1.25, go.mod 1.22", s().cpus(16).cpuQuota(2.0, null).binaryUnknown().goToolchain("go1.25.1").goMod("1.22")),
                c("CPU-QUOTA-ON-PARENT", "Go 1.25, quota only on the slice", s().cpus(16).binary("go1.25.0", "").cpuQuota(null, 2.0)),
                c("CPU-QUOTA-BELOW-TWO", "Go 1.25 under 1 CPU", s().binary("go1.25.0", "").cpuQuota(1.0, null)),
                c("CPU-GOMAXPROCS-ABOVE-QUOTA", "GOMAXPROCS=16 (cores) in a 2-CPU quota", s().cpus(16).cpuQuota(2.0, null).env("GOMAXPROCS", "16")),
                c("CPU-GOMAXPROCS-ENV", "GOMAXPROCS=4 fixed, no quota", s().env("GOMAXPROCS", "4")),
                c("MEM-LIMIT-WITHOUT-GOMEMLIMIT", "MemoryMax=1G, no GOMEMLIMIT", s().directive("Service", "MemoryMax", "1G").memoryMaxCgroup(G)),
                c("MEM-LIMIT-WITHOUT-GOMEMLIMIT", "MemoryMax=50% read from the unit only", s().directive("Service", "MemoryMax", "50%")),
                c("MEM-GOMEMLIMIT-ABOVE-LIMIT", "GOMEMLIMIT=1GiB under MemoryMax=1G", s().directive("Service", "MemoryMax", "1G").memoryMaxCgroup(G).env("GOMEMLIMIT", "1GiB")),
                c("MEM-GOGC-OFF-WITH-LIMIT", "GOGC=off under MemoryMax=1G", s().directive("Service", "MemoryMax", "1G").memoryMaxCgroup(G).env("GOGC", "off").env("GOMEMLIMIT", "900MiB")),
                c("MEM-SWAPPINESS-ZERO", "swappiness 0 with 2 GiB swap", h().sysctlApplied(F, 6, "vm.swappiness", "0").swapBytes(2 * G)),
                c("MEM-SWAPPINESS-OUT-OF-RANGE", "swappiness 150 on kernel 5.4", h().kernel("5.4.0-150-generic").sysctlFile(F, 7, "vm.swappiness", "150")),
                c("MEM-OVERCOMMIT-STRICT", "overcommit 2", h().sysctl("vm.overcommit_memory", "2")),
                c("MEM-THP-ALWAYS", "THP always", h().thp("always", "madvise")),
                c("MEM-THP-DEFRAG-ALWAYS", "THP defrag always", h().thp("madvise", "always")),
                c("CG-V1-UNSUPPORTED-SYSTEMD", "hybrid with systemd 256", h().cgroups(CgroupMode.HYBRID).systemd(256)),
                c("CG-V1-UNSUPPORTED-SYSTEMD", "v1 with systemd 258", h().cgroups(CgroupMode.V1).systemd(258)),
                c("CG-V1-OR-HYBRID", "v1 with systemd 252", h().cgroups(CgroupMode.V1)),
                c("CG-V2-DIRECTIVE-ON-V1", "MemoryHigh on hybrid", s().cgroups(CgroupMode.HYBRID).directive("Service", "MemoryHigh", "800M")),
                c("CG-HAND-WRITTEN", "ExecStartPost writes cpu.max", s().directive("Service", "ExecStartPost",
                        "/bin/sh -c 'echo \"200000 100000\" > /sys/fs/cgroup/system.slice/app.service/cpu.max'")),
                c("CG-CONTROLLER-UNAVAILABLE", "CPUQuota without the cpu controller", s().controllers("memory", "pids").directive("Service", "CPUQuota", "200%")),
                c("CG-TASKS-MAX-NEAR-PEAK", "peak 300 under pids.max 599", s().tasks(300L, 599L)),
                c("UNIT-VALUE-IGNORED", "MemoryMax=1g: a lower-case suffix systemd refuses", s().directive("Service", "MemoryMax", "1g")),
                c("UNIT-VALUE-IGNORED", "RestartSec=5 secs", s().directive("Service", "RestartSec", "5 secs")),
                c("UNIT-DEPRECATED-DIRECTIVE", "MemoryLimit=", s().directive("Service", "MemoryLimit", "1G")),
                c("UNIT-DEPRECATED-DIRECTIVE", "CPUShares=", s().directive("Service", "CPUShares", "2048")),
                c("UNIT-EXECSTART-RELATIVE", "ExecStart=app", s().set("Service", "ExecStart", "app --serve")),
                c("UNIT-NO-RESTART", "no Restart=", s().without("Service", "Restart")),
                c("UNIT-NO-RESTART", "Restart=no", s().set("Service", "Restart", "no")),
                c("UNIT-RESTART-GIVES-UP", "RestartSec=100ms with default start limit", s().set("Service", "RestartSec", "100ms")),
                c("UNIT-RESTART-GIVES-UP", "default RestartSec", s().without("Service", "RestartSec")),
                c("UNIT-TYPE-SIMPLE", "no Type= on systemd 252", s().without("Service", "Type")),
                c("UNIT-TYPE-NOTIFY-GO", "Type=notify, Go binary", s().set("Service", "Type", "notify")),
                c("UNIT-KILLMODE", "KillMode=process", s().directive("Service", "KillMode", "process")),
                c("UNIT-ROOT-NO-HARDENING", "root, no sandboxing", s().without("Service", "User").without("Service", "NoNewPrivileges").without("Service", "ProtectSystem")),
                c("UNIT-SECURITY-EXPOSURE", "exposure 9.6", s().exposure(9.6)),
                c("UNIT-VERIFY-MESSAGE", "verify: unknown key", s().verify(TestHosts.UNIT + ":7: Unknown key name 'LimitNOFLE' in section 'Service', ignoring.")),
                c("UNIT-PROCSUBSET-HIDES-SOMAXCONN", "ProcSubset=pid", s().directive("Service", "ProcSubset", "pid")),
                c("UNIT-NETLINK-RESTRICTED", "IP and local sockets only", s().directive("Service", "RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX")),
                c("GO-TOOLCHAIN-MISSING", "no go on PATH", h().noGo()),
                c("GO-TOOLCHAIN-OLD", "go1.19.8", h().goToolchain("go1.19.8")),
                c("GO-BINARY-OLD", "binary built with go1.18", s().binary("go1.18.10", "")),
                c("GO-GOPROXY-OFF", "GOPROXY=off", h().goEnv("GOPROXY", "off")),
                c("GO-GOSUMDB-OFF", "GOSUMDB=off", h().goEnv("GOSUMDB", "off")),
                c("GO-GOSUMDB-OFF", "GONOSUMDB=*", h().goEnv("GONOSUMDB", "*")),
                c("GO-GOFLAGS-SET", "GOFLAGS=-mod=mod", h().goEnv("GOFLAGS", "-mod=mod")),
                c("GO-GOMOD-NEWER-THAN-TOOLCHAIN", "go.mod 1.23, toolchain 1.22.2", s().goMod("1.23")),
                c("SYSCTL-RUNTIME-ONLY", "sysctl -w somaxconn=65535, no file", h().sysctl("net.core.somaxconn", "65535")),
                c("SYSCTL-RUNTIME-ONLY", "swappiness 10 only live", h().sysctl("vm.swappiness", "10")),
                c("SYSCTL-CONF-NOT-AT-BOOT", "Debian 13: somaxconn only in /etc/sysctl.conf", h().sysctlConfAtBoot(false)
                        .sysctlApplied("/etc/sysctl.conf", 3, "net.core.somaxconn", "65535")),
                c("SYSCTL-MALFORMED-LINE", "a line without '='", h().sysctlMalformed(F, 4, "net.core.somaxconn 65535")),
                c("FD-LIMITS-MALFORMED-LINE", "three fields", h().limitsMalformed("/etc/security/limits.d/90-app.conf", 2, "app soft 65536")),
                c("UNIT-NO-EXECSTART", "no ExecStart=, Type=exec", s().without("Service", "ExecStart")),
                c("UNIT-LOG-FILE-UNROTATED", "StandardOutput=append: to a file no logrotate block names",
                        s().set("Service", "StandardOutput", "append:/var/log/app.log")),
                c("LOGROTATE-DIR-REFUSED", "/var/log/app 0775 root:adm, no su, logrotate 3.21.0",
                        h().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.21.0")),
                c("LOGROTATE-DIR-REFUSED", "a sticky world-writable 1777 root:root directory", h().logrotateDir("/srv/scratch", 0, "root", 01777, null, "3.8.7")),
                c("UNIT-START-LIMIT-OLD-SPELLING", "StartLimitInterval=0 in [Service]", s().directive("Service", "StartLimitInterval", "0")),
                c("UNIT-PERMISSIONS-START-ONLY", "PermissionsStartOnly=true with ExecReload=", s().directive("Service", "PermissionsStartOnly", "true")
                        .directive("Service", "ExecReload", "/bin/kill -HUP $MAINPID")),
                c("UNIT-DIRECTIVE-TOO-NEW", "PrivateTmp=disconnected on 252", s().directive("Service", "PrivateTmp", "disconnected")),
                c("UNIT-DIRECTIVE-TOO-NEW", "ProtectClock= on 244", s().systemd(244).directive("Service", "ProtectClock", "yes")),
                c("GO-BINARY-CANNOT-RUN", "an arm64 binary on x86_64", s().executable(183, null, false)),
                c("GO-BINARY-CANNOT-RUN", "a musl build where there is no musl loader", s().executable(62, "/lib/ld-musl-x86_64.so.1", false)),
                c("GO-BINARY-CANNOT-RUN", "GOAMD64=v4 on a v3 CPU", s().binarySetting("GOAMD64", "v4")),
                c("GO-ENV-MALFORMED", "GOSUMDB=sum.golang.org+https://sum.golang.org", h().goEnv("GOSUMDB", "sum.golang.org+https://sum.golang.org")),
                c("GO-ENV-MALFORMED", "GOSUMDB with three fields", h().goEnv("GOSUMDB", "sum.golang.org https://a https://b")),
                c("GO-ENV-MALFORMED", "GOPROXY=goproxy (a bare word)", h().goEnv("GOPROXY", "goproxy,direct")),
                c("UNIT-AFTER-NETWORK-TARGET", "binds 10.0.3.17:8080", s().directive("Unit", "After", "network.target")
                        .set("Service", "ExecStart", "/usr/local/bin/app --listen 10.0.3.17:8080")),
                c("UNIT-AFTER-NETWORK-TARGET", "DATABASE_URL to a remote host", s().directive("Unit", "After", "network.target syslog.target")
                        .env("DATABASE_URL", "postgres://app@db.internal:5432/app")),
                c("SYSCTL-NOT-APPLIED", "file says 8192, live 4096", h().sysctlFile(F, 1, "net.core.somaxconn", "8192")),
                c("SYSCTL-NOT-APPLIED", "namespaced key in a container", h().container("docker").sysctlFile(F, 1, "net.core.somaxconn", "8192")),
                c("SYSCTL-NOT-APPLIED", "global key on a VM", h().sysctlFile(F, 1, "net.core.netdev_max_backlog", "16384")),
                c("SYSCTL-DEAD-KEY", "tcp_low_latency gone since 4.14", h().sysctlMissing("net.ipv4.tcp_low_latency").sysctlFile(F, 2, "net.ipv4.tcp_low_latency", "1")),
                c("SYSCTL-MODULE-KEY", "bridge-nf-call-iptables without br_netfilter loaded", h().sysctlMissing("net.bridge.bridge-nf-call-iptables").sysctlFile(F, 2, "net.bridge.bridge-nf-call-iptables", "0")),
                c("SYSCTL-MODULE-KEY", "nf_conntrack_max before nf_conntrack loads", h().sysctlMissing("net.netfilter.nf_conntrack_max").sysctlFile(F, 3, "net.netfilter.nf_conntrack_max", "262144")),
                c("SYSCTL-CONFLICT", "two files disagree", h().sysctlFile("/usr/lib/sysctl.d/50-default.conf", 3, "net.core.somaxconn", "1024")
                        .sysctlApplied(F, 1, "net.core.somaxconn", "8192")));
    }

    static Stream<Arguments> negatives() {
        return Stream.of(
                c("NET-SOMAXCONN-LOW", "somaxconn 65535", h().sysctl("net.core.somaxconn", "65535")),
                c("NET-SYN-BACKLOG-LOW", "SYN backlog 8192", h().sysctl("net.ipv4.tcp_max_syn_backlog", "8192").sysctl("net.ipv4.tcp_syncookies", "0")),
                c("NET-SYN-BACKLOG-LOW", "SYN backlog 512 with syncookies on: never read", h().sysctl("net.ipv4.tcp_max_syn_backlog", "512")),
                c("NET-PORT-RANGE-OVERLAP", "40000 reserved", h().listening(22, 40000).sysctl("net.ipv4.ip_local_reserved_ports", "40000")),
                c("NET-PORT-RANGE-OVERLAP", "ports below the range", h().listening(22, 8080)),
                c("NET-PORT-RANGE-NARROW", "wide range 1024-65535", h().sysctl("net.ipv4.ip_local_port_range", "1024 65535")),
                c("NET-TW-RECYCLE", "kernel 4.9, key present and 0", h().kernel("4.9.0-19-amd64").sysctlPresent("net.ipv4.tcp_tw_recycle", "0")
                        .sysctlFile(F, 3, "net.ipv4.tcp_tw_recycle", "0")),
                c("NET-FIN-TIMEOUT-NOT-TIME-WAIT", "default 60", h().sysctlApplied(F, 4, "net.ipv4.tcp_fin_timeout", "60")),
                c("NET-TW-REUSE-NO-TIMESTAMPS", "timestamps off and reuse off", h().sysctl("net.ipv4.tcp_timestamps", "0").sysctl("net.ipv4.tcp_tw_reuse", "0")),
                c("NET-SYNCOOKIES-NOT-DEFAULT", "syncookies 1", h().sysctl("net.ipv4.tcp_syncookies", "1")),
                c("NET-CORE-BUFFER-MAX-ONLY", "rmem_max with tcp_rmem", h().sysctlApplied(F, 5, "net.core.rmem_max", "16777216")
                        .sysctlApplied(F, 6, "net.ipv4.tcp_rmem", "4096 131072 16777216")),
                c("FD-LIMITS-CONF-IGNORED", "service passes through PAM", s().limitsConf("app", "-", "65536").directive("Service", "PAMName", "login")),
                c("FD-NOFILE-ABOVE-NR-OPEN", "LimitNOFILE=nr_open", s().set("Service", "LimitNOFILE", "1048576")),
                c("FD-NOFILE-ABOVE-NR-OPEN", "LimitNOFILE=infinity", s().set("Service", "LimitNOFILE", "infinity")),
                c("FD-FILE-MAX-BELOW-NOFILE", "file-max 1000000", h().sysctl("fs.file-max", "1000000")),
                c("FD-SOFT-ONLY-RAISE", "1024:524288, the default soft spelled out (as golive writes it)", s().set("Service", "LimitNOFILE", "1024:524288")),
                c("UNIT-START-LIMIT-OLD-SPELLING", "StartLimitBurst=15 in [Service] on systemd 219, which has no [Unit] spelling",
                        s().systemd(219).directive("Service", "StartLimitBurst", "15")),
                c("FD-SOFT-ONLY-RAISE", "Go 1.18 binary: the soft raise matters", s().binary("go1.18.10", "").set("Service", "LimitNOFILE", "65536:524288")),
                c("FD-LIMIT-BELOW-DEFAULT", "LimitNOFILE=1048576", s().set("Service", "LimitNOFILE", "1048576")),
                c("FD-DEFAULT-HARD-LOW", "DefaultLimitNOFILE=1024:524288", h().defaultLimitNofile("1024:524288")),
                c("FD-FILE-NR-HIGH", "half in use", h().sysctl("fs.file-max", "1000000").fileNr(500000)),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "Go 1.25 binary with go 1.25 go.mod", s().cpus(16).cpuQuota(2.0, null).binary("go1.25.0", "")),
                c("CPU-GOMAXPROCS-IGNORES-QUOTA", "quota as large as the CPUs", s().cpus(4).cpuQuota(4.0, null)),
                c("CPU-QUOTA-ON-PARENT", "Go 1.25, quota on the leaf too", s().cpus(16).binary("go1.25.0", "").cpuQuota(2.0, 4.0)),
                c("CPU-QUOTA-BELOW-TWO", "GOMAXPROCS=1 chosen", s().binary("go1.25.0", "").cpuQuota(1.0, null).env("GOMAXPROCS", "1")),
                c("CPU-GOMAXPROCS-ABOVE-QUOTA", "GOMAXPROCS=2 in a 2-CPU quota", s().cpus(16).cpuQuota(2.0, null).env("GOMAXPROCS", "2")),
                c("CPU-GOMAXPROCS-ENV", "no GOMAXPROCS", s()),
                c("MEM-LIMIT-WITHOUT-GOMEMLIMIT", "GOMEMLIMIT=900MiB", s().directive("Service", "MemoryMax", "1G").memoryMaxCgroup(G).env("GOMEMLIMIT", "900MiB")),
                c("MEM-GOMEMLIMIT-ABOVE-LIMIT", "GOMEMLIMIT=900MiB", s().directive("Service", "MemoryMax", "1G").memoryMaxCgroup(G).env("GOMEMLIMIT", "900MiB")),
                c("MEM-GOGC-OFF-WITH-LIMIT", "GOGC=off without a limit", s().env("GOGC", "off")),
                c("MEM-SWAPPINESS-ZERO", "swappiness 10", h().sysctlApplied(F, 6, "vm.swappiness", "10").swapBytes(2 * G)),
                c("MEM-SWAPPINESS-OUT-OF-RANGE", "150 is valid on 6.1", h().sysctlApplied(F, 7, "vm.swappiness", "150")),
                c("MEM-OVERCOMMIT-STRICT", "overcommit 1", h().sysctl("vm.overcommit_memory", "1")),
                c("MEM-THP-ALWAYS", "THP madvise", h().thp("madvise", "defer+madvise")),
                c("MEM-THP-DEFRAG-ALWAYS", "defrag defer+madvise", h().thp("madvise", "defer+madvise")),
                c("CG-V1-UNSUPPORTED-SYSTEMD", "hybrid with systemd 255", h().cgroups(CgroupMode.HYBRID).systemd(255)),
                c("CG-V1-OR-HYBRID", "v2", h().cgroups(CgroupMode.V2)),
                c("CG-V2-DIRECTIVE-ON-V1", "MemoryHigh on v2", s().directive("Service", "MemoryHigh", "800M")),
                c("CG-HAND-WRITTEN", "CPUQuota= directive", s().directive("Service", "CPUQuota", "200%")),
                c("CG-CONTROLLER-UNAVAILABLE", "cpu controller present", s().directive("Service", "CPUQuota", "200%")),
                c("CG-TASKS-MAX-NEAR-PEAK", "peak 300 under pids.max 600 (twice the peak)", s().tasks(300L, 600L)),
                c("CG-TASKS-MAX-NEAR-PEAK", "no pids.peak (Linux before 6.1): cannot tell", s().tasks(null, 10L)),
                c("UNIT-VALUE-IGNORED", "MemoryMax=1G, MemoryHigh=90%, TasksMax=infinity", s().directive("Service", "MemoryMax", "1G")
                        .directive("Service", "MemoryHigh", "90%").directive("Service", "TasksMax", "infinity")),
                c("UNIT-DEPRECATED-DIRECTIVE", "MemoryMax=", s().directive("Service", "MemoryMax", "1G")),
                c("UNIT-EXECSTART-RELATIVE", "absolute with prefix", s().set("Service", "ExecStart", "-/usr/local/bin/app")),
                c("UNIT-NO-RESTART", "Restart=always", s().set("Service", "Restart", "always")),
                c("UNIT-RESTART-GIVES-UP", "start limit off", s().set("Service", "RestartSec", "100ms").directive("Unit", "StartLimitIntervalSec", "0")),
                c("UNIT-RESTART-GIVES-UP", "no Restart=", s().without("Service", "Restart").without("Service", "RestartSec")),
                c("UNIT-TYPE-SIMPLE", "systemd 239 has no exec", s().without("Service", "Type").systemd(239)),
                c("UNIT-TYPE-SIMPLE", "systemd version unknown", s().without("Service", "Type").systemdUnknown()),
                c("UNIT-TYPE-NOTIFY-GO", "binary unknown", s().set("Service", "Type", "notify").binaryUnknown()),
                c("UNIT-KILLMODE", "KillMode=mixed", s().directive("Service", "KillMode", "mixed")),
                c("UNIT-ROOT-NO-HARDENING", "DynamicUser=yes", s().without("Service", "User").without("Service", "NoNewPrivileges")
                        .without("Service", "ProtectSystem").directive("Service", "DynamicUser", "yes")),
                c("UNIT-SECURITY-EXPOSURE", "exposure 4.2", s().exposure(4.2)),
                c("UNIT-VERIFY-MESSAGE", "verify silent", s().verify()),
                c("UNIT-PROCSUBSET-HIDES-SOMAXCONN", "ProcSubset=all", s().directive("Service", "ProcSubset", "all")),
                c("UNIT-NETLINK-RESTRICTED", "netlink allowed", s().directive("Service", "RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX AF_NETLINK")),
                c("GO-TOOLCHAIN-MISSING", "go present", h()),
                c("GO-TOOLCHAIN-OLD", "go1.21.0", h().goToolchain("go1.21.0")),
                c("GO-BINARY-OLD", "binary go1.21.5", s().binary("go1.21.5", "")),
                c("GO-GOPROXY-OFF", "proxy with off fallback", h().goEnv("GOPROXY", "https://proxy.golang.org,off")),
                c("GO-GOSUMDB-OFF", "GONOSUMDB for one host", h().goEnv("GONOSUMDB", "git.example.com")),
                c("GO-GOFLAGS-SET", "GOFLAGS empty", h().goEnv("GOFLAGS", "")),
                c("GO-GOMOD-NEWER-THAN-TOOLCHAIN", "go.mod 1.21", s().goMod("1.21")),
                c("SYSCTL-RUNTIME-ONLY", "somaxconn at the 5.4+ default", h().sysctl("net.core.somaxconn", "4096")),
                c("SYSCTL-RUNTIME-ONLY", "set by a file", h().sysctlApplied(F, 1, "net.core.somaxconn", "65535")),
                c("SYSCTL-RUNTIME-ONLY", "inside a container (its runtime sets it at each start)", h().container("docker").sysctl("net.core.somaxconn", "65535")),
                c("SYSCTL-RUNTIME-ONLY", "a key without a fixed default", h().sysctl("net.ipv4.tcp_max_syn_backlog", "8192")),
                c("SYSCTL-CONF-NOT-AT-BOOT", "Debian 12's 99-sysctl.conf link reads it", h().sysctlConfAtBoot(true)
                        .sysctlApplied("/etc/sysctl.conf", 3, "net.core.somaxconn", "65535")),
                c("SYSCTL-CONF-NOT-AT-BOOT", "a sysctl.d file sets the same value", h().sysctlConfAtBoot(false)
                        .sysctlFile(F, 1, "net.core.somaxconn", "65535").sysctlApplied("/etc/sysctl.conf", 3, "net.core.somaxconn", "65535")),
                c("SYSCTL-CONF-NOT-AT-BOOT", "no systemd: the init script reads it", h().sysctlConfAtBoot(false).systemdUnknown()
                        .sysctlApplied("/etc/sysctl.conf", 3, "net.core.somaxconn", "65535")),
                c("SYSCTL-MALFORMED-LINE", "assignments and comments only", h().sysctlApplied(F, 1, "net.core.somaxconn", "8192")),
                c("FD-LIMITS-MALFORMED-LINE", "a valid nofile line", h().limitsConf("app", "soft", "65536")),
                c("UNIT-NO-EXECSTART", "a oneshot without ExecStart=", s().without("Service", "ExecStart").set("Service", "Type", "oneshot")),
                c("UNIT-LOG-FILE-UNROTATED", "StandardOutput=append: to a file a logrotate glob takes",
                        s().set("Service", "StandardOutput", "append:/var/log/app.log").rotates("/var/log/app*.log")),
                c("LOGROTATE-DIR-REFUSED", "0775 root:adm with su root adm in the block", h().logrotateDir("/var/log/app", 4, "adm", 0775, "root adm", "3.21.0")),
                c("LOGROTATE-DIR-REFUSED", "0775 root:root (group root may write)", h().logrotateDir("/var/log/app", 0, "root", 0775, null, "3.21.0")),
                c("LOGROTATE-DIR-REFUSED", "logrotate 3.7.8 has no su and no check", h().logrotateDir("/var/log/app", 4, "adm", 0775, null, "3.7.8")),
                c("LOGROTATE-DIR-REFUSED", "logrotate's version unknown", h().logrotateDir("/var/log/app", 4, "adm", 0775, null, null)),
                c("UNIT-START-LIMIT-OLD-SPELLING", "StartLimitIntervalSec= in [Unit]", s().directive("Unit", "StartLimitIntervalSec", "60s")),
                c("UNIT-PERMISSIONS-START-ONLY", "PermissionsStartOnly=no", s().directive("Service", "PermissionsStartOnly", "no")),
                c("UNIT-DIRECTIVE-TOO-NEW", "PrivateTmp=yes on 252", s().directive("Service", "PrivateTmp", "yes")),
                c("UNIT-DIRECTIVE-TOO-NEW", "ProtectClock= on 245", s().systemd(245).directive("Service", "ProtectClock", "yes")),
                c("GO-BINARY-CANNOT-RUN", "GOAMD64=v3 on a v3 CPU, glibc loader present", s().binarySetting("GOAMD64", "v3")
                        .executable(62, "/lib64/ld-linux-x86-64.so.2", true)),
                c("GO-BINARY-CANNOT-RUN", "a 32-bit x86 binary on x86_64 (compat)", s().executable(3, "/lib/ld-linux.so.2", true)),
                c("GO-ENV-MALFORMED", "GOSUMDB=sum.golang.org https://sum.golang.google.cn", h().goEnv("GOSUMDB", "sum.golang.org https://sum.golang.google.cn")),
                c("GO-ENV-MALFORMED", "GOSUMDB as the full sum.golang.org key",
                        h().goEnv("GOSUMDB", "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8")),
                c("GO-ENV-MALFORMED", "GOPROXY=goproxy.cn,direct (https:// implied)", h().goEnv("GOPROXY", "goproxy.cn,direct")),
                c("GO-ENV-MALFORMED", "GOPROXY off", h().goEnv("GOPROXY", "off")),
                c("UNIT-AFTER-NETWORK-TARGET", "listens on :8080", s().directive("Unit", "After", "network.target")),
                c("UNIT-AFTER-NETWORK-TARGET", "binds 10.0.3.17 after network-online.target", s().directive("Unit", "After", "network.target network-online.target")
                        .set("Service", "ExecStart", "/usr/local/bin/app --listen 10.0.3.17:8080")),
                c("UNIT-AFTER-NETWORK-TARGET", "connects to 127.0.0.1", s().directive("Unit", "After", "network.target")
                        .env("DATABASE_URL", "postgres://app@127.0.0.1:5432/app")),
                c("SYSCTL-NOT-APPLIED", "applied", h().sysctlApplied(F, 1, "net.core.somaxconn", "8192")),
                c("SYSCTL-NOT-APPLIED", "global net key in a docker container", h().container("docker").sysctlFile(F, 1, "net.core.netdev_max_backlog", "16384")),
                c("SYSCTL-NOT-APPLIED", "vm key in an lxc container", h().container("lxc").sysctlFile(F, 1, "vm.swappiness", "10")),
                c("SYSCTL-NOT-APPLIED", "whitespace differs only", h().sysctlFile(F, 1, "net.ipv4.ip_local_port_range", "32768    60999")),
                c("SYSCTL-DEAD-KEY", "key exists", h().sysctlApplied(F, 1, "net.core.somaxconn", "8192")),
                c("SYSCTL-DEAD-KEY", "a module's key is not dead while its module is unloaded", h().sysctlMissing("net.bridge.bridge-nf-call-iptables").sysctlFile(F, 2, "net.bridge.bridge-nf-call-iptables", "0")),
                c("SYSCTL-MODULE-KEY", "br_netfilter loaded: the key exists", h().sysctlApplied(F, 2, "net.bridge.bridge-nf-call-iptables", "0")),
                c("SYSCTL-MODULE-KEY", "a key of no module that this kernel lacks", h().sysctlMissing("net.ipv4.tcp_low_latency").sysctlFile(F, 2, "net.ipv4.tcp_low_latency", "1")),
                c("SYSCTL-CONFLICT", "two files agree", h().sysctlFile("/usr/lib/sysctl.d/50-default.conf", 3, "net.core.somaxconn", "8192")
                        .sysctlApplied(F, 1, "net.core.somaxconn", "8192")));
    }

    @ParameterizedTest(name = "{0} fires: {1}")
    @MethodSource("positives")
    void ruleFiresWhereTheProblemIs(String id, String situation, HostFacts host) {
        CheckReport report = Checker.run(host);
        assertThat(report.ruleIds()).as(situation).contains(id);
        report.findings().stream().filter(f -> f.ruleId().equals(id)).forEach(f -> {
            assertThat(f.message()).as("host-specific message").isNotBlank();
            assertThat(f.severity()).isEqualTo(RuleCatalog.byId(id).orElseThrow().severity());
        });
    }

    @ParameterizedTest(name = "{0} silent: {1}")
    @MethodSource("negatives")
    void ruleStaysSilentOnANearMiss(String id, String situation, HostFacts host) {
        assertThat(Checker.run(host).ruleIds()).as(situation).doesNotContain(id);
    }

    @Test
    void everyRuleHasAPositiveAndANegativeCase() {
        Set<String> all = RuleCatalog.all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> pos = positives().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        Set<String> neg = negatives().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(pos).as("rules with a positive case").containsAll(all);
        assertThat(neg).as("rules with a negative case").containsAll(all);
        assertThat(all).containsAll(pos).containsAll(neg);
    }

    @Test
    void aHealthyHostAndServiceHaveNoFindings() {
        assertThat(Checker.run(TestHosts.healthy().build()).findings()).isEmpty();
        assertThat(Checker.run(TestHosts.withService().build()).findings()).isEmpty();
    }

    @Test
    void unknownFactsNeverThrowAndFindNothingOnTheirOwn() {
        for (boolean svc : List.of(false, true)) {
            HostFacts unknown = TestHosts.allUnknown(svc);
            for (Rule r : RuleCatalog.all()) {
                assertThatCode(() -> r.evaluate(unknown)).as(r.id()).doesNotThrowAnyException();
            }
            // only the missing toolchain is reported: "go not found" and "go unknown" look alike
            assertThat(Checker.run(unknown).ruleIds()).isSubsetOf(Set.of("GO-TOOLCHAIN-MISSING"));
        }
    }
}
