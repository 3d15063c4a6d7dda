package dev.golive.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The x86-64 micro-architecture level (the psABI's x86-64-v1..v4, Go's GOAMD64) a CPU
 * supports, from the flag names Linux prints in /proc/cpuinfo. Linux spells some features
 * its own way: SSE3 is "pni", LZCNT is "abm"; OSXSAVE is not listed, "xsave" stands in.
 */
public final class X86Level {
    private X86Level() { }

    public static final List<String> V2 = List.of("cx16", "lahf_lm", "popcnt", "pni", "sse4_1", "sse4_2", "ssse3");
    public static final List<String> V3 = List.of("avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave");
    public static final List<String> V4 = List.of("avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl");

    /** "v1".."v4": the highest level whose features (and all lower levels') are all present. */
    public static String fromCpuFlags(Collection<String> flags) {
        Set<String> f = Set.copyOf(flags);
        if (!f.containsAll(V2)) return "v1";
        if (!f.containsAll(V3)) return "v2";
        if (!f.containsAll(V4)) return "v3";
        return "v4";
    }

}
