package dev.golive.model;

/** The part of the host a finding is about; groups rules in the catalogue and screens. */
public enum Area {
    CPU("cpu"), MEMORY("memory"), FDS("fds"), NETWORK("network"), CGROUPS("cgroups"),
    SYSTEMD("systemd"), UNIT("unit"), GO("go"), SYSCTL_CONFIG("sysctl-config"),
    /** Dockerfiles and Kubernetes manifests (golive check --manifest). */
    CONTAINER("container");

    private final String label;
    Area(String label) { this.label = label; }
    public String label() { return label; }
}
