package dev.golive.app;

import dev.golive.check.Checker;
import dev.golive.model.HostFacts;
import dev.golive.report.HostDiff;

import java.util.Optional;

/** `golive diff A B`: opens both hosts (each "live", a capture directory or a .tar.gz) and compares them. */
final class HostComparison {

    static final String LIVE = "live";

    private HostComparison() { }

    static HostDiff compare(String a, String b) {
        try (Session sa = Session.open(rootOf(a)); Session sb = Session.open(rootOf(b))) {
            HostFacts fa = sa.inspect();
            HostFacts fb = sb.inspect();
            return HostDiff.compute(side(a, fa), fa, Checker.run(fa), sa.ownedFiles(),
                    side(b, fb), fb, Checker.run(fb), sb.ownedFiles());
        }
    }

    private static String rootOf(String spec) { return LIVE.equals(spec) ? null : spec; }

    private static HostDiff.Side side(String spec, HostFacts f) {
        var o = f.origin();
        return new HostDiff.Side(spec, o.root(), Optional.ofNullable(o.hostname()), Optional.ofNullable(o.capturedAt()));
    }
}
