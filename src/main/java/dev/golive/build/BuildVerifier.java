package dev.golive.build;

import dev.golive.binfmt.ElfFile;
import dev.golive.model.GoBuildInfo;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a built binary against what was asked for, from the file alone: the ELF header
 * (machine, word size, byte order; static when cgo is off) and the Go build info (toolchain
 * version, GOOS/GOARCH, level, CGO_ENABLED, -trimpath, main module). A wrong GOARCH
 * inherited from a shell or a go.env file shows up here, not on the server.
 */
public final class BuildVerifier {
    private BuildVerifier() { }

    /** What each GOARCH's ELF header says. */
    record ElfArch(int machine, boolean is64, ByteOrder order) { }

    static final Map<String, ElfArch> ELF_ARCH = Map.ofEntries(
            Map.entry("amd64", new ElfArch(ElfFile.EM_X86_64, true, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("386", new ElfArch(ElfFile.EM_386, false, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("arm", new ElfArch(ElfFile.EM_ARM, false, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("arm64", new ElfArch(ElfFile.EM_AARCH64, true, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("riscv64", new ElfArch(ElfFile.EM_RISCV, true, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("ppc64", new ElfArch(ElfFile.EM_PPC64, true, ByteOrder.BIG_ENDIAN)),
            Map.entry("ppc64le", new ElfArch(ElfFile.EM_PPC64, true, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("s390x", new ElfArch(ElfFile.EM_S390, true, ByteOrder.BIG_ENDIAN)),
            Map.entry("mips", new ElfArch(ElfFile.EM_MIPS, false, ByteOrder.BIG_ENDIAN)),
            Map.entry("mipsle", new ElfArch(ElfFile.EM_MIPS, false, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("mips64", new ElfArch(ElfFile.EM_MIPS, true, ByteOrder.BIG_ENDIAN)),
            Map.entry("mips64le", new ElfArch(ElfFile.EM_MIPS, true, ByteOrder.LITTLE_ENDIAN)),
            Map.entry("loong64", new ElfArch(ElfFile.EM_LOONGARCH, true, ByteOrder.LITTLE_ENDIAN)));

    /** Systems whose Go binaries are ELF; others (windows, darwin, aix…) get no ELF check. */
    static final Set<String> ELF_OS = Set.of("linux", "android", "freebsd", "netbsd", "openbsd", "dragonfly", "illumos", "solaris");

    public record Expectation(BuildTarget target, boolean cgo, boolean trimpath, String goVersion, String modulePath) { }

    public record Verdict(String elfCheck, String buildInfoCheck, List<String> problems) {
        public Verdict { problems = List.copyOf(problems); }
    }

    public static boolean producesElf(BuildTarget t) { return ELF_OS.contains(t.goos()); }

    /** {@code elf} is empty for non-ELF systems; {@code info} is the binary's build info. */
    public static Verdict verify(Expectation want, Optional<ElfFile> elf, GoBuildInfo info) {
        List<String> problems = new ArrayList<>();
        String elfCheck = elf.map(e -> checkElf(want, e, problems)).orElse("n/a (not ELF)");
        checkBuildInfo(want, info, problems);
        String level = want.target().levelVariable().flatMap(k -> info.setting(k).map(v -> " " + k + "=" + v)).orElse("");
        String biCheck = info.goVersion() + " " + info.setting("GOOS").orElse("?") + "/" + info.setting("GOARCH").orElse("?") + level
                + " cgo=" + info.setting("CGO_ENABLED").orElse("?");
        return new Verdict(elfCheck, biCheck, problems);
    }

    private static String checkElf(Expectation want, ElfFile e, List<String> problems) {
        String arch = want.target().goarch();
        ElfArch a = ELF_ARCH.get(arch);
        if (a != null) {
            if (e.machine() != a.machine()) {
                problems.add("ELF machine is " + ElfFile.machineName(e.machine()) + ", expected " + ElfFile.machineName(a.machine()) + " for GOARCH=" + arch);
            }
            if (e.is64Bit() != a.is64()) problems.add("ELF is " + (e.is64Bit() ? "64" : "32") + "-bit, expected " + (a.is64() ? "64" : "32") + "-bit for GOARCH=" + arch);
            if (!e.byteOrder().equals(a.order())) problems.add("ELF byte order is " + e.byteOrder() + ", expected " + a.order() + " for GOARCH=" + arch);
        }
        boolean wantStatic = !want.cgo();
        if (wantStatic && !e.isStatic()) {
            problems.add("dynamically linked (" + e.interpreter().map(i -> "interpreter " + i).orElse("dynamic segment")
                    + ") although CGO_ENABLED=0");
        }
        return ElfFile.machineName(e.machine()).replaceAll(" \\(.*", "") + ", " + (e.isStatic() ? "static" : "dynamic");
    }

    private static void checkBuildInfo(Expectation want, GoBuildInfo info, List<String> problems) {
        BuildTarget t = want.target();
        if (!info.goVersion().equals(want.goVersion())) {
            problems.add("built by " + info.goVersion() + ", but the toolchain is " + want.goVersion());
        }
        expect(info, "GOOS", t.goos(), problems);
        expect(info, "GOARCH", t.goarch(), problems);
        expect(info, "CGO_ENABLED", want.cgo() ? "1" : "0", problems);
        if (t.levelVariable().isPresent() && t.levelValue().isPresent()) {
            expect(info, t.levelVariable().get(), t.levelValue().get(), problems);
        }
        if (want.trimpath()) expect(info, "-trimpath", "true", problems);
        if (!info.mainModule().equals(want.modulePath())) {
            problems.add("build info names module \"" + info.mainModule() + "\", expected \"" + want.modulePath() + "\"");
        }
    }

    private static void expect(GoBuildInfo info, String key, String value, List<String> problems) {
        Optional<String> got = info.setting(key);
        if (got.isEmpty()) problems.add("build info lacks " + key + " (expected " + key + "=" + value + ")");
        else if (!got.get().equals(value)) problems.add("build info says " + key + "=" + got.get() + ", expected " + value);
    }
}
