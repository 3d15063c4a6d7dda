package dev.golive.model;

/**
 * A cgroup limit at one level of the hierarchy (the leaf or a parent).
 * {@code path} is the cgroup path ("/system.slice/app.service"); {@code value} is the limit
 * (CPUs as a decimal for CPU, bytes for memory), with an empty Optional meaning "max"
 * (no limit at this level).
 */
public record CgroupLimit(String path, Fact<java.util.Optional<Double>> value) {

    public boolean limited() {
        return value.opt().flatMap(v -> v).isPresent();
    }
}
