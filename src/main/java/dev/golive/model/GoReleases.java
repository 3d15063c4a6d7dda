package dev.golive.model;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The Go major releases and when each came out (go.dev/doc/devel/release). Go supports each
 * major release until two newer ones exist (go.dev/doc/devel/release#policy), so a release
 * goes out of support the day its second successor is released. The one table of Go support.
 */
public final class GoReleases {

    private GoReleases() { }

    public record Release(int minor, YearMonth released) { }

    /** Go 1.N and its release month, oldest first; extend it with each release. */
    public static final List<Release> TABLE = List.of(
            new Release(16, YearMonth.of(2021, 2)), new Release(17, YearMonth.of(2021, 8)),
            new Release(18, YearMonth.of(2022, 3)), new Release(19, YearMonth.of(2022, 8)),
            new Release(20, YearMonth.of(2023, 2)), new Release(21, YearMonth.of(2023, 8)),
            new Release(22, YearMonth.of(2024, 2)), new Release(23, YearMonth.of(2024, 8)),
            new Release(24, YearMonth.of(2025, 2)), new Release(25, YearMonth.of(2025, 8)),
            new Release(26, YearMonth.of(2026, 2)), new Release(27, YearMonth.of(2026, 8)));

    /** The two newest majors released by {@code at} (the newest in the table when the date is unknown). */
    public static List<Integer> supported(Optional<YearMonth> at) {
        List<Release> out = TABLE.stream().filter(r -> at.map(a -> !r.released().isAfter(a)).orElse(true)).toList();
        return out.size() < 2 ? out.stream().map(Release::minor).toList()
                : List.of(out.get(out.size() - 1).minor(), out.get(out.size() - 2).minor());
    }

    /** When Go 1.{@code minor} went out of support (its second successor's release), if it has by {@code at}. */
    public static Optional<YearMonth> outOfSupportSince(int minor, Optional<YearMonth> at) {
        List<Integer> sup = supported(at);
        if (sup.isEmpty() || minor >= sup.get(sup.size() - 1)) return Optional.empty();
        int successor = Math.max(minor + 2, TABLE.get(0).minor());
        return TABLE.stream().filter(r -> r.minor() == successor).map(Release::released).findFirst()
                .or(() -> Optional.of(TABLE.get(0).released()));
    }

    /** The month of an ISO instant such as a capture's capturedAt ("2024-03-05T09:14:27Z"). */
    public static Optional<YearMonth> month(String isoInstant) {
        if (isoInstant == null || isoInstant.length() < 7) return Optional.empty();
        try {
            return Optional.of(YearMonth.parse(isoInstant.substring(0, 7)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
