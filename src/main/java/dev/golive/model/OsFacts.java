package dev.golive.model;

/**
 * Operating system facts. {@code virtualization} is what {@code systemd-detect-virt}
 * says (e.g. "kvm", "none"); {@code container} is the container technology when the
 * host is one ("docker", "lxc", "none"), from the same tool or from hints.
 */
public record OsFacts(
        Fact<String> distroId,
        Fact<String> distroVersion,
        Fact<String> prettyName,
        Fact<String> kernelRelease,
        Fact<String> architecture,
        Fact<String> virtualization,
        Fact<String> container,
        Fact<String> kernelCmdline,
        Fact<String> hostname) {

    public java.util.Optional<KernelVersion> kernel() {
        return kernelRelease.opt().flatMap(KernelVersion::parse);
    }
}
