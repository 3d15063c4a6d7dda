package dev.golive.ui.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `golive` with no subcommand and only the full-screen UI's own options, read without
 * picocli. picocli builds a command's model from annotations (reflection and annotation
 * proxies, ~50 ms on a cold JVM) before it parses a word, and the first frame has a 300 ms
 * budget from launch. Anything this does not recognise (help, version, a subcommand, a typo,
 * an option missing its value) goes to picocli, which prints usage and suggestions.
 */
record FullScreenArgs(String root, String theme, String service, String goMod, boolean readOnly, boolean debug, boolean noColor,
                      String manifest) {

    private static final java.util.Set<String> VALUED = java.util.Set.of("--root", "--theme", "--service", "--go-mod", "--manifest");

    /** Without --manifest. */
    FullScreenArgs(String root, String theme, String service, String goMod, boolean readOnly, boolean debug, boolean noColor) {
        this(root, theme, service, goMod, readOnly, debug, noColor, null);
    }

    /** The parsed options, or empty when the arguments need the whole command tree. */
    static Optional<FullScreenArgs> parse(String[] args) {
        String root = null;
        String theme = null;
        String service = null;
        String goMod = null;
        String manifest = null;
        boolean readOnly = false;
        boolean debug = false;
        boolean noColor = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--read-only" -> readOnly = true;
                case "--debug" -> debug = true;
                case "--no-color" -> noColor = true;
                default -> {
                    int eq = a.indexOf('=');
                    String name = eq > 0 ? a.substring(0, eq) : a;
                    if (!VALUED.contains(name)) return Optional.empty();
                    String value;
                    if (eq > 0) {
                        value = a.substring(eq + 1);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                        value = args[++i];
                    } else {
                        return Optional.empty(); // missing value: picocli says so
                    }
                    switch (name) {
                        case "--root" -> root = value;
                        case "--theme" -> theme = value;
                        case "--service" -> service = value;
                        case "--manifest" -> manifest = value;
                        default -> goMod = value;
                    }
                }
            }
        }
        return Optional.of(new FullScreenArgs(root, theme, service, goMod, readOnly, debug, noColor, manifest));
    }

    /** Exit 2 for an empty --root, --theme, --service, --go-mod or --manifest (an empty --root once meant the live host). */
    void refuseEmpty() {
        CarriedOptions.refuseEmpty("--root", root);
        CarriedOptions.refuseEmpty("--theme", theme);
        CarriedOptions.refuseEmpty("--service", service);
        CarriedOptions.refuseEmpty("--go-mod", goMod);
        CarriedOptions.refuseEmpty("--manifest", manifest);
    }

    /**
     * The plain-lines fallback for --manifest: `golive check --manifest` gives the same container
     * findings (the guide would leave them out); the host's are a `golive check` away.
     */
    String[] manifestCheckArgs() {
        List<String> c = new ArrayList<>(List.of("check", "--manifest", manifest));
        if (goMod != null) c.addAll(List.of("--go-mod", goMod));
        if (debug) c.add("--debug");
        if (noColor) c.add("--no-color");
        return c.toArray(new String[0]);
    }

    /**
     * The plain-lines fallback for a fleet (--root names a directory of captures): `golive report
     * --fleet DIR`, the review the host picker shows. --service compares the unit too; --manifest
     * and --go-mod go along so that the report refuses them (exit 2) rather than golive dropping
     * them; --read-only says nothing more of captures, which are never written.
     */
    String[] fleetReportArgs() {
        List<String> r = new ArrayList<>(List.of("report", "--fleet", root));
        if (service != null) r.addAll(List.of("--service", service));
        if (manifest != null) r.addAll(List.of("--manifest", manifest));
        if (goMod != null) r.addAll(List.of("--go-mod", goMod));
        if (debug) r.add("--debug");
        if (noColor) r.add("--no-color");
        return r.toArray(new String[0]);
    }

    /** The same options for `golive guide`, the line-mode fallback (which has no themes and asks for the service). */
    String[] guideArgs() {
        List<String> g = new ArrayList<>(List.of("guide"));
        if (root != null) g.addAll(List.of("--root", root));
        if (readOnly) g.add("--read-only");
        if (debug) g.add("--debug");
        if (noColor) g.add("--no-color");
        return g.toArray(new String[0]);
    }
}
