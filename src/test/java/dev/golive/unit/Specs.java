package dev.golive.unit;

import dev.golive.model.NofileLimit;
import dev.golive.model.ServiceSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fluent ServiceSpec for tests: {@link #app()} is a valid new-unit spec, each test changes one thing. */
final class Specs {
    String name = "app";
    Optional<String> description = Optional.empty();
    Optional<String> exec = Optional.of("/usr/local/bin/app");
    List<String> args = List.of();
    Optional<String> user = Optional.of("app");
    boolean dynamicUser;
    Optional<String> workingDirectory = Optional.empty();
    List<String> stateDirs = List.of();
    Map<String, String> env = new LinkedHashMap<>();
    List<Integer> ports = List.of();
    Optional<String> cpuQuota = Optional.empty(), memoryMax = Optional.empty(), memoryHigh = Optional.empty(), tasksMax = Optional.empty();
    Optional<NofileLimit> nofile = Optional.empty();
    Optional<Integer> ioWeight = Optional.empty();
    ServiceSpec.Restart restart = ServiceSpec.Restart.DEFAULT;
    ServiceSpec.Hardening hardening = ServiceSpec.Hardening.BASIC;
    ServiceSpec.GoRuntime go = ServiceSpec.GoRuntime.DERIVE;

    static Specs app() { return new Specs(); }

    Specs name(String n) { name = n; return this; }
    Specs description(String d) { description = Optional.of(d); return this; }
    Specs exec(String e) { exec = Optional.ofNullable(e); return this; }
    Specs args(String... a) { args = List.of(a); return this; }
    Specs user(String u) { user = Optional.ofNullable(u); return this; }
    Specs dynamicUser() { dynamicUser = true; user = Optional.empty(); return this; }
    Specs workingDirectory(String w) { workingDirectory = Optional.of(w); return this; }
    Specs stateDirs(String... d) { stateDirs = List.of(d); return this; }
    Specs env(String k, String v) { env.put(k, v); return this; }
    Specs ports(Integer... p) { ports = List.of(p); return this; }
    Specs cpuQuota(String q) { cpuQuota = Optional.of(q); return this; }
    Specs memoryMax(String m) { memoryMax = Optional.of(m); return this; }
    Specs memoryHigh(String m) { memoryHigh = Optional.of(m); return this; }
    Specs tasksMax(String t) { tasksMax = Optional.of(t); return this; }
    Specs nofile(long s, long h) { nofile = Optional.of(new NofileLimit(s, h)); return this; }
    Specs ioWeight(int w) { ioWeight = Optional.of(w); return this; }
    Specs restart(String policy, String sec, String interval, int burst) { restart = new ServiceSpec.Restart(policy, sec, interval, burst); return this; }
    Specs hardening(ServiceSpec.Hardening h) { hardening = h; return this; }
    Specs gomaxprocs(int n) { go = new ServiceSpec.GoRuntime(go.mode(), Optional.of(n), go.gomemlimit(), go.memLimitPercent()); return this; }
    Specs gomemlimit(String v) { go = new ServiceSpec.GoRuntime(go.mode(), go.gomaxprocs(), Optional.of(v), go.memLimitPercent()); return this; }
    Specs memLimitPercent(int p) { go = new ServiceSpec.GoRuntime(go.mode(), go.gomaxprocs(), go.gomemlimit(), p); return this; }
    Specs goOff() { go = ServiceSpec.GoRuntime.OFF; return this; }

    ServiceSpec build() {
        return new ServiceSpec(name, description, exec, args, user, dynamicUser, workingDirectory, stateDirs, env, ports,
                new ServiceSpec.Resources(cpuQuota, memoryMax, memoryHigh, tasksMax, nofile, ioWeight), restart, hardening, go);
    }
}
