package dev.golive.inspect;

import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.Source;

import java.util.Optional;

/** dpkg's record of installed packages (/var/lib/dpkg/status), read through the host root. */
final class DpkgStatus {
    private DpkgStatus() { }

    static final String PATH = "/var/lib/dpkg/status";

    /**
     * The Version: of {@code pkg} when its Status: ends in "installed", with its line; empty
     * when the file is unreadable (an RPM host has none) or the package is not installed.
     */
    static Optional<Fact<String>> installedVersion(HostRoot root, String pkg) {
        Fact<String> status = root.read(PATH);
        if (!status.known()) return Optional.empty();
        String name = null, state = null, version = null;
        int versionLine = 0, n = 0;
        for (String line : (status.orElse("") + "\n").split("\n", -1)) {
            n++;
            if (line.isBlank()) {
                if (pkg.equals(name) && state != null && state.endsWith(" installed") && version != null) {
                    return Optional.of(Fact.of(version, new Source.File(PATH, versionLine)));
                }
                name = state = version = null;
            } else if (line.startsWith("Package:")) {
                name = line.substring(8).strip();
            } else if (line.startsWith("Status:")) {
                state = line.substring(7).strip();
            } else if (line.startsWith("Version:")) {
                version = line.substring(8).strip();
                versionLine = n;
            }
        }
        return Optional.empty();
    }
}
