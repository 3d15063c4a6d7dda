package dev.golive.verify;

import dev.golive.model.FixChange;
import dev.golive.model.Plan;

import java.nio.file.Path;
import java.util.List;

/** {@link VerifyHost} for tests in other packages (the CLI's): web-api applied, then restarted on demand. */
public final class VerifyHostAccess {

    private final VerifyHost h;

    private VerifyHostAccess(VerifyHost h) { this.h = h; }

    public static VerifyHostAccess applied(Path work, List<FixChange> fixes) {
        return new VerifyHostAccess(VerifyHost.applied(work, "web-api", fixes));
    }

    public Path dir() { return h.dir; }

    public Plan plan() { return h.plan; }

    /** The service restarted a minute after the apply and took every planned value. */
    public void restarted() {
        String env = h.plan.files().stream().anyMatch(f -> f.after().orElse("").contains("GOMAXPROCS=2")) ? "GOMAXPROCS=2" : "";
        h.process(h.applied.plusSeconds(60), "1048576:1048576", env, 8192, false);
    }
}
