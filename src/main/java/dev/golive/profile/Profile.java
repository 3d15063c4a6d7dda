package dev.golive.profile;

import java.util.List;
import java.util.Optional;

/**
 * A profile resolved for one host: its includes merged (left to right, then its own
 * values), every expression evaluated against the host's facts, every value checked
 * against the target kernel. What the planner consumes.
 *
 * @param chain     the profiles merged, in merge order, ending with this one
 * @param skipped   values not set on this host, with the reason (a when: condition false,
 *                  an input the host does not show)
 */
public record Profile(
        String name,
        Optional<String> description,
        List<String> chain,
        List<Value> sysctls,
        List<Value> manager,
        List<Value> sysfs,
        ServiceSettings service,
        List<Skipped> skipped) {

    public Profile {
        chain = List.copyOf(chain);
        sysctls = List.copyOf(sysctls);
        manager = List.copyOf(manager);
        sysfs = List.copyOf(sysfs);
        skipped = List.copyOf(skipped);
    }

    /**
     * One value for this host. {@code value} is in the target's own syntax (sysctl fields
     * separated by one space, {@code 1024:524288} for a limit). {@code path} is the live
     * file for sysctl/sysfs values (null otherwise). {@code origin} is file:line.
     */
    public record Value(Section section, String key, String value, String why, String origin, boolean perNamespace, String path) { }

    public record Skipped(Section section, String key, String reason, String origin) { }

    public Optional<Value> sysctl(String key) { return sysctls.stream().filter(v -> v.key().equals(key)).findFirst(); }
}
