package dev.golive.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code golive verify}'s answer: did each change of a plan reach what runs? {@code basis}
 * says which plan ("snapshot ID" or "plan file PATH"), {@code appliedAt} when its apply began
 * (empty for a plan file that was never applied). {@code items}: one per change, expected and
 * now with a {@link Status}; {@code nextBoot}: what the boot-time readers (systemd-sysctl,
 * systemd-tmpfiles) will set for each planned value; {@code process}: the service's process
 * as read, when there is a service.
 */
public record Verification(
        String basis,
        String planId,
        Optional<Instant> appliedAt,
        Optional<String> service,
        List<Item> items,
        List<BootValue> nextBoot,
        Optional<ServiceProcess> process) {

    public Verification {
        Objects.requireNonNull(basis, "basis");
        items = List.copyOf(items);
        nextBoot = List.copyOf(nextBoot);
    }

    public enum Status {
        IN_EFFECT("in effect"),
        NEEDS_RESTART("needs service restart"),
        NEEDS_DAEMON_RELOAD("needs daemon-reload"),
        NEEDS_DAEMON_REEXEC("needs daemon-reexec"),
        AT_NEXT_BOOT("applies at next boot"),
        DRIFTED("drifted"),
        NOT_REACHED("did not reach the process"),
        UNKNOWN("unknown");

        private final String text;
        Status(String text) { this.text = text; }
        public String text() { return text; }
    }

    /** What a change is about: a file golive wrote, a live kernel value, a manager default, or the service's process. */
    public enum Kind { FILE, LIVE, MANAGER, PROCESS }

    /** One change: {@code subject} names it ("net.core.somaxconn", "LimitNOFILE", a path), {@code detail} says why the status. */
    public record Item(Kind kind, String subject, String expected, String now, Status status, String detail) {
        public Item {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * One planned value as the next boot will set it: {@code reader} is "systemd-sysctl" or
     * "systemd-tmpfiles", {@code value} and {@code source} the assignment that wins (empty: no
     * file sets it, the kernel default stays), {@code asPlanned} whether that is the planned value.
     */
    public record BootValue(String reader, String key, String planned, Optional<String> value, Optional<String> source,
                            boolean asPlanned) { }

    /** Everything planned is in effect now and will be after the next boot. */
    public boolean inEffect() {
        return items.stream().allMatch(i -> i.status() == Status.IN_EFFECT) && nextBoot.stream().allMatch(BootValue::asPlanned);
    }

    /** The changes that still need something (a restart, a reexec, a boot) or went wrong. */
    public List<Item> pending() { return items.stream().filter(i -> i.status() != Status.IN_EFFECT).toList(); }
}
