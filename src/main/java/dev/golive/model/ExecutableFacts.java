package dev.golive.model;

import java.util.Optional;

/**
 * What the ELF header of a service's ExecStart binary says about where it can run: the
 * machine it was built for ({@code e_machine}, named as {@code uname -m} names it where golive
 * knows the name), and for a dynamically linked binary the loader it asks for ({@code PT_INTERP},
 * e.g. /lib64/ld-linux-x86-64.so.2 for glibc, /lib/ld-musl-x86_64.so.1 for musl) and whether the
 * host has that file. {@code interpreterPresent} is empty for a static binary.
 */
public record ExecutableFacts(int elfMachine, Optional<String> unameMachine, Optional<String> interpreter,
                              Optional<Fact<Boolean>> interpreterPresent) {

    /** e_machine → the name {@code uname -m} prints for a kernel of that architecture (ELF gABI numbers). */
    public static Optional<String> unameName(int elfMachine) {
        return Optional.ofNullable(switch (elfMachine) {
            case 62 -> "x86_64";
            case 183 -> "aarch64";
            case 3 -> "i686";
            case 40 -> "armv7l";
            case 21 -> "ppc64le";
            case 22 -> "s390x";
            case 243 -> "riscv64";
            case 258 -> "loongarch64";
            default -> null;
        });
    }

    public boolean isStatic() { return interpreter.isEmpty(); }
}
