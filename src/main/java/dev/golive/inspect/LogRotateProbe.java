package dev.golive.inspect;

import dev.golive.config.LogrotateConf;
import dev.golive.host.HostPaths;
import dev.golive.host.HostRoot;
import dev.golive.model.Fact;
import dev.golive.model.LogRotation;
import dev.golive.model.MalformedLine;
import dev.golive.model.Source;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
        List<LogRotation.Rotated> patterns = new ArrayList<>();
        List<MalformedLine> malformed = new ArrayList<>();
        Set<String> read = new LinkedHashSet<>();
        Deque<String[]> todo = new ArrayDeque<>(); // {path, text}
        todo.add(new String[] {CONF, conf.orElse("")});
        while (!todo.isEmpty()) {
            String[] f = todo.removeFirst();
            if (!read.add(f[0])) continue;
            LogrotateConf parsed = LogrotateConf.parse(f[0], f[1]);
            patterns.addAll(parsed.patterns());
            malformed.addAll(parsed.malformed());
            List<String[]> included = new ArrayList<>();
            for (String inc : parsed.includes()) {
                Optional<String> why = include(root, inc, included);
                if (why.isPresent()) return Fact.unknown("cannot tell what logrotate rotates: " + why.get());
            }
            for (int i = included.size() - 1; i >= 0; i--) todo.addFirst(included.get(i));
        }
        return Fact.of(new LogRotation(patterns, List.copyOf(read), malformed), Source.File.of(CONF));
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
