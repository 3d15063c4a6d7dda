package dev.golive.profile;

import java.util.List;
import java.util.Optional;

/**
 * One profile file as written (before its includes are merged): checked for structure,
 * key names, types and kernel-independent ranges, not yet for a host.
 * {@code file} is how errors name it ({@code profiles/web-api.yaml} for a shipped one, the
 * full path for a user's); {@code origin} says where it came from for `golive profiles`.
 */
public record ProfileDoc(
        String name,
        String file,
        String origin,
        Optional<String> description,
        List<Include> includes,
        List<Setting> settings) {

    public ProfileDoc {
        includes = List.copyOf(includes);
        settings = List.copyOf(settings);
    }

    public record Include(String name, dev.golive.config.Yaml.Loc loc) { }

    /**
     * One value with its reason. {@code raw} is the value as written (a literal or an
     * expression); {@code when} an optional host condition.
     */
    public record Setting(Section section, String key, String raw, String why, Optional<String> when,
                          dev.golive.config.Yaml.Loc keyLoc, dev.golive.config.Yaml.Loc valueLoc, String profile) {

        /** Where it was set, e.g. {@code profiles/base.yaml:7}. */
        public String origin() { return keyLoc.file() + ":" + keyLoc.line(); }
    }

    public List<String> includeNames() { return includes.stream().map(Include::name).toList(); }
}
