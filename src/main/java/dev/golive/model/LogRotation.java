package dev.golive.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What logrotate(8) rotates on the host: every file pattern of {@code /etc/logrotate.conf}
 * and of the files it includes ({@code include /etc/logrotate.d}), each with the file:line of
 * its block, in the order logrotate reads them. {@code read}: the configuration files read;
 * {@code malformed}: what logrotate would refuse (a block never closed, a '{' without a file).
 * An empty list of patterns means nothing is rotated (no /etc/logrotate.conf on the host).
 */
public record LogRotation(List<Rotated> patterns, List<String> read, List<MalformedLine> malformed) {

    /**
     * One file pattern of a logrotate block (a path or a glob(7) pattern: *, ?, [...]), with the
     * file:line of its block and the {@code su} line in force for it: the block's own, else the
     * last global one logrotate read before the block.
     */
    public record Rotated(String glob, Source.File source, Optional<Su> su) {
        public Rotated(String glob, Source.File source) { this(glob, source, Optional.empty()); }

        /** Whether logrotate's glob of this pattern takes {@code path}: '*' and '?' never cross '/'. */
        public boolean matches(String path) { return toRegex(glob).matcher(path).matches(); }

        public Rotated withSu(Su s) { return new Rotated(glob, source, Optional.of(s)); }
    }

    /** A {@code su USER GROUP} line (logrotate 3.8.0 and later): where it is, and whom it names ({@code group} "" when it names none). */
    public record Su(String user, String group, Source.File source) { }

    /**
     * Whether one '/'-free segment of a glob(7) pattern takes {@code name}: as glob(3) without
     * GLOB_PERIOD, a leading '.' is matched only by a leading '.' in the pattern.
     */
    public static boolean segmentMatches(String segment, String name) {
        if (name.startsWith(".") && !segment.startsWith(".")) return false;
        return toRegex(segment).matcher(name).matches();
    }

    /** Whether a pattern segment has glob(7) characters (else it names one entry, as it is). */
    public static boolean hasGlob(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0 || segment.indexOf('[') >= 0;
    }

    public LogRotation {
        patterns = List.copyOf(patterns);
        read = List.copyOf(read);
        malformed = List.copyOf(malformed);
    }

    /** The first block that rotates {@code path}, if any. */
    public Optional<Rotated> covering(String path) {
        return patterns.stream().filter(p -> p.matches(path)).findFirst();
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) { re.append("\\["); continue; }
                    String set = glob.substring(i + 1, end);
                    if (set.startsWith("!")) set = "^" + set.substring(1);
                    re.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = end;
                }
                case '\\' -> { if (i + 1 < glob.length()) re.append(Pattern.quote(String.valueOf(glob.charAt(++i)))); }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
