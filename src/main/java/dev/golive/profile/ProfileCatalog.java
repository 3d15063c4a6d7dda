package dev.golive.profile;

import dev.golive.host.FileKind;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.GoliveException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * All profiles golive knows: the shipped ones (resources {@code profiles/NAME.yaml} in the
 * jar, the same files as the repository's {@code profiles/} folder), then each user
 * directory in order; a later one overrides a profile of the same name. golive reads user
 * directories on the machine it runs on, never under --root: a capture has no profiles of
 * its own, and a profile is the admin's choice, not a fact about the inspected host
 * (docs/profiles.md).
 */
public final class ProfileCatalog {

    /** The shipped profiles, in the order `golive profiles` lists them. */
    public static final List<String> SHIPPED = List.of("base", "web-api", "high-connections", "low-latency", "batch", "container-limited");

    public static final String SHIPPED_ORIGIN = "shipped";

    /** A user directory: read through {@code root} (the machine golive runs on) at {@code path}. */
    public record UserDir(HostRoot root, String path) { }

    /** One profile as listed: which file won, and the files it overrides. */
    public record Listing(String name, Optional<String> description, String origin, String file,
                          List<String> includes, List<String> overrides) { }

    /** Larger than any profile: a bigger file is a mistake, not a profile. */
    static final long MAX_BYTES = 1 << 20;

    private final Map<String, ProfileDoc> docs;
    private final Map<String, List<String>> overridden;
    private final List<String> warnings;

    private ProfileCatalog(Map<String, ProfileDoc> docs, Map<String, List<String>> overridden, List<String> warnings) {
        this.docs = docs;
        this.overridden = overridden;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The shipped profiles plus {@code userDirs}, later ones winning. An entry named *.yaml
     * that is not a regular file (a FIFO, socket or device; a link to a regular file is fine)
     * is skipped with a warning and never opened: opening a FIFO waits for a writer forever.
     */
    public static ProfileCatalog load(List<UserDir> userDirs) {
        Map<String, ProfileDoc> docs = new TreeMap<>(shippedDocs());
        Map<String, List<String>> overridden = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (UserDir d : userDirs) {
            for (String entry : d.root().list(d.path()).orElse(List.of())) {
                if (!entry.endsWith(".yaml") && !entry.endsWith(".yml")) continue;
                String name = entry.substring(0, entry.lastIndexOf('.'));
                String path = d.path() + "/" + entry;
                FileKind kind = FileKind.of(d.root(), path);
                if (kind != FileKind.REGULAR) {
                    warnings.add(path + ": skipped: " + kind.label() + ", not a profile file");
                    continue;
                }
                if (!ProfileParser.NAME.matcher(name).matches()) {
                    throw GoliveException.badInput(path + ": \"" + name + "\" is not a profile name (lower-case letters, digits, . _ -)");
                }
                var bytes = d.root().readBinary(path, MAX_BYTES);
                if (!bytes.known()) throw GoliveException.environment(path + ": cannot read: " + ((Fact.Unknown<ByteBuffer>) bytes).reason());
                ProfileDoc doc = ProfileParser.parse(name, path, d.path(), bytes.orElse(ByteBuffer.allocate(0)));
                ProfileDoc prev = docs.put(name, doc);
                if (prev != null) overridden.computeIfAbsent(name, k -> new ArrayList<>()).add(prev.file());
            }
        }
        return new ProfileCatalog(docs, overridden, warnings);
    }

    /** What was skipped while loading (one line each, naming the file), for the admin to see. */
    public List<String> warnings() { return warnings; }

    private static volatile Map<String, ProfileDoc> shipped;

    /** The shipped profiles, parsed once per process (they are in the jar and ProfileDoc is immutable). */
    private static Map<String, ProfileDoc> shippedDocs() {
        Map<String, ProfileDoc> m = shipped;
        if (m == null) {
            Map<String, ProfileDoc> docs = new TreeMap<>();
            for (String name : SHIPPED) {
                String file = "profiles/" + name + ".yaml";
                docs.put(name, ProfileParser.parse(name, file, SHIPPED_ORIGIN, resource(file)));
            }
            shipped = m = java.util.Collections.unmodifiableMap(docs);
        }
        return m;
    }

    /** Only the shipped profiles (tests, and hosts where no user directory exists). */
    public static ProfileCatalog shipped() { return load(List.of()); }

    /** Shipped profiles plus literal texts (name → YAML) as if from {@code origin}: for tests and the TUI editor. */
    public static ProfileCatalog withTexts(String origin, Map<String, String> texts) {
        ProfileCatalog base = shipped();
        Map<String, ProfileDoc> docs = new TreeMap<>(base.docs);
        Map<String, List<String>> overridden = new TreeMap<>();
        texts.forEach((name, text) -> {
            String file = origin + "/" + name + ".yaml";
            ProfileDoc prev = docs.put(name, ProfileParser.parse(name, file, origin, text));
            if (prev != null) overridden.computeIfAbsent(name, k -> new ArrayList<>()).add(prev.file());
        });
        return new ProfileCatalog(docs, overridden, base.warnings);
    }

    public Optional<ProfileDoc> get(String name) { return Optional.ofNullable(docs.get(name)); }

    public List<String> names() { return List.copyOf(docs.keySet()); }

    /** Shipped profiles first in their documented order, then user-only ones by name. */
    public List<Listing> list() {
        Map<String, ProfileDoc> ordered = new LinkedHashMap<>();
        for (String s : SHIPPED) ordered.put(s, docs.get(s));
        docs.forEach(ordered::putIfAbsent);
        List<Listing> out = new ArrayList<>();
        ordered.forEach((name, d) -> out.add(new Listing(name, d.description(), d.origin(), d.file(), d.includeNames(),
                overridden.getOrDefault(name, List.of()))));
        return out;
    }

    /** The named profile, or a bad-input error listing the known ones. */
    public ProfileDoc require(String name) {
        ProfileDoc d = docs.get(name);
        if (d == null) {
            String hint = ProfileErrors.suggest(name, docs.keySet()).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
            throw GoliveException.badInput("unknown profile \"" + name + "\"" + hint + "; known: " + String.join(", ", names()));
        }
        return d;
    }

    static String resource(String file) {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream("/" + file)) {
            if (in == null) throw new IllegalStateException("shipped profile missing from the build: " + file);
            return ProfileParser.utf8(file, ByteBuffer.wrap(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
