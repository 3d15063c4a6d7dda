package dev.golive.ui.cli;

import picocli.CommandLine.Option;

/** --kernel (a picocli mixin) for the commands that read a root's kernel: inspect, check, plan, apply, export. */
public final class KernelOption {

    @Option(names = "--kernel", paramLabel = "VERSION",
            description = "For an image tree without /proc (mmdebstrap, debootstrap): the Linux version it will boot (e.g. 6.1). "
                    + "Its sysctl keys are checked against that kernel; without it, against the keys golive knows. "
                    + "Refused for a root with a kernel of its own.")
    public String kernel;
}
