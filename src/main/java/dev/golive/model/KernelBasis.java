package dev.golive.model;

import java.util.Optional;

/**
 * What golive judged the kernel's tunables against. A running kernel (the live host, a
 * capture, a test tree with its /proc/sys) answers for itself. An image tree made by
 * mmdebstrap or debootstrap has no /proc/sys: its kernel runs only at first boot, so no live
 * value exists, and whether a key exists is judged against the kernel the admin named with
 * {@code --kernel} ({@link KernelSysctls}), or else only against the keys golive knows.
 */
public record KernelBasis(Kind kind, Optional<KernelVersion> named) {

    public enum Kind {
        /** /proc/sys of a running (or captured) kernel. */
        RUNNING,
        /** No kernel in the tree; the admin named one with --kernel. */
        NAMED,
        /** No kernel in the tree and none named: only the keys golive knows. */
        KNOWN_KEYS
    }

    public KernelBasis {
        if ((kind == Kind.NAMED) != named.isPresent()) throw new IllegalArgumentException("a named kernel goes with NAMED only");
    }

    public static final KernelBasis RUNNING_KERNEL = new KernelBasis(Kind.RUNNING, Optional.empty());

    public static KernelBasis firstBoot(Optional<KernelVersion> named) {
        return named.map(k -> new KernelBasis(Kind.NAMED, Optional.of(k))).orElseGet(() -> new KernelBasis(Kind.KNOWN_KEYS, Optional.empty()));
    }

    /** True when there is a kernel to read: live values exist and can be set now. */
    public boolean running() { return kind == Kind.RUNNING; }

    /** One line for plan, apply and check output: what the sysctl keys were checked against. */
    public String describe() {
        return switch (kind) {
            case RUNNING -> "the running kernel's /proc/sys";
            case NAMED -> "Linux " + KernelSysctls.label(named.get()) + ", named with --kernel";
            case KNOWN_KEYS -> "the keys golive knows (name the image's kernel with --kernel to check them against it)";
        };
    }
}
