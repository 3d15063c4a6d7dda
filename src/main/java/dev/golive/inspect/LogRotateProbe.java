package dev.golive.inspect;

import dev.golive.config.LogrotateConf;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.LogRotation;
import dev.golive.model.MalformedLine;
import dev.golive.model.Source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What logrotate rotates: {@code /etc/logrotate.conf} (what the distributions' cron job and
 * logrotate.timer run) and every file or directory it includes, as logrotate(8) reads them:
 * a directory's files in name order, without hidden files and the names logrotate's
 * default {@code tabooext} list skips (.dpkg-old, .rpmsave, ~, ...).
 */
final class LogRotateProbe {
    private LogRotateProbe() { }

    static final String CONF = "/etc/logrotate.conf";

    /** logrotate's default taboo extensions (logrotate(8), tabooext). */
    static final List<String> TABOO = List.of(",v", ".cfsaved", ".disabled", ".dpkg-bak", ".dpkg-del", ".dpkg-dist",
            ".dpkg-new", ".dpkg-old", ".rhn-cfg-tmp-", ".rpmnew", ".rpmorig", ".rpmsave", ".swp", ".ucf-dist",
            ".ucf-new", ".ucf-old", "~");

    static Fact<LogRotation> probe(HostRoot root) {
        Fact<String> conf = root.read(CONF);
        if (!conf.known()) {
            Fact<Boolean> there = root.presence(CONF);
            if (there.known() && !there.orElse(true)) {
                return Fact.of(new LogRotation(List.of(), List.of(), List.of()), Source.File.of(CONF));
            }
            return Fact.unknown("cannot tell what logrotate rotates: " + CpuProbe.reason(conf));
        }
        Walk w = new Walk(root);
        Optional<String> why = w.file(CONF, conf.orElse(""), Optional.empty()).why();
        if (why.isPresent()) return Fact.unknown("cannot tell what logrotate rotates: " + why.get());
        return Fact.of(new LogRotation(w.patterns, List.copyOf(w.read), w.malformed), Source.File.of(CONF));
    }

    /**
     * logrotate's reading order: each file top to bottom, an include read where it stands. The
     * global {@code su} is one value carried through the whole walk, as logrotate carries its
     * defaults: set in an included file, it holds for the files and lines read after it.
     */
    private static final class Walk {
        final HostRoot root;
        final List<LogRotation.Rotated> patterns = new ArrayList<>();
        final List<MalformedLine> malformed = new ArrayList<>();
        final Set<String> read = new LinkedHashSet<>();

        Walk(HostRoot root) { this.root = root; }

        /** The global su after the file, or why the walk cannot go on. */
        record After(Optional<LogRotation.Su> su, Optional<String> why) { }

        After file(String path, String text, Optional<LogRotation.Su> su) {
            if (!read.add(path)) return new After(su, Optional.empty());
            LogrotateConf parsed = LogrotateConf.parse(path, text);
            malformed.addAll(parsed.malformed());
            for (LogrotateConf.Step step : parsed.steps()) {
                if (step instanceof LogrotateConf.GlobalSu g) {
                    su = Optional.of(g.su());
                } else if (step instanceof LogrotateConf.Block b) {
                    for (LogRotation.Rotated r : b.patterns()) patterns.add(r.su().isPresent() || su.isEmpty() ? r : r.withSu(su.get()));
                } else if (step instanceof LogrotateConf.Include inc) {
                    List<String[]> included = new ArrayList<>();
                    Optional<String> why = include(root, inc.path(), included);
                    if (why.isPresent()) return new After(su, why);
                    for (String[] f : included) {
                        After a = file(f[0], f[1], su);
                        if (a.why().isPresent()) return a;
                        su = a.su();
                    }
                }
            }
            return new After(su, Optional.empty());
        }
    }

    /** Adds the files of one include line; a reason when it cannot be read (a capture without it). */
    private static Optional<String> include(HostRoot root, String inc, List<String[]> out) {
        Optional<List<String>> names = root.list(inc);
        if (names.isPresent()) {
            for (String name : names.get()) {
                if (name.startsWith(".") || TABOO.stream().anyMatch(name::endsWith) || name.contains(".rhn-cfg-tmp-")) continue;
                String path = HostPaths.join(inc, name);
                if (root.isDirectory(path)) continue;
                Fact<String> text = root.read(path);
                if (!text.known()) return Optional.of(CpuProbe.reason(text));
                out.add(new String[] {path, text.orElse("")});
            }
            return Optional.empty();
        }
        Fact<String> text = root.read(inc);
        if (text.known()) {
            out.add(new String[] {inc, text.orElse("")});
            return Optional.empty();
        }
        Fact<Boolean> there = root.presence(inc);
        if (there.known() && !there.orElse(true)) return Optional.empty(); // logrotate warns and goes on
        return Optional.of(inc + " was not read (" + CpuProbe.reason(text) + ")");
    }
}
