package dev.golive.host;

import dev.golive.model.GoliveException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one command of the capture playbook runs on a host to look at a batch of paths, and the
 * parser of its answer. A module run per path (stat, find) cost a connection round trip and a
 * Python start each, most of a round's time; one {@code sh -c SCRIPT NAME MODE PATH...}
 * answers for a whole batch with stock tools only: POSIX sh builtins, and {@code base64},
 * {@code readlink}, {@code stat -L -c %s}, {@code ls -a}, {@code tr}, {@code grep -a -o -E} and
 * {@code head -n} as coreutils and GNU grep (CentOS 7 on) and busybox have them.
 *
 * <p>Mode {@code excerpt} ({@code sh -c SCRIPT NAME excerpt PATH MAX PATTERN [PATH MAX PATTERN]...},
 * every excerpt of a round in one run) answers like {@code files}, a line per PATH, with the
 * first match of PATTERN (an extended regular expression) in place of
 * the content, empty when there is none, and {@code fail} for a file larger than MAX bytes: what
 * {@link HostRoot#findInBinary} keeps of the file, cut on the host, so that a 2 MB binary does
 * not travel for its 60-byte version banner. NUL bytes become newlines before the search (a
 * line of busybox grep ends at a NUL); the pattern matches neither.
 *
 * <p>The answer is lines of words; every word that comes from the host (a name, a link's target,
 * a file's content) is base64 or a name of safe characters only, so a path with a space, a
 * newline or bytes that are not UTF-8 cannot break the lines. Per path given, in order:
 * <pre>
 * p KIND LINK WHAT           the path; in mode dirs it is followed by its entries:
 * e NAME KIND LINK WHAT      an entry of the directory (NAME: r:RAW of [A-Za-z0-9._@+-] only, or b:BASE64)
 * KIND  - (not there)  d (directory)  l (link)  f (regular file)  o (other: device, fifo, socket)   as lstat sees it
 * LINK  - or the link's target, base64
 * WHAT  files: ok:BASE64 (the content, read through a link) | dir (a directory, or a link to one) | fail
 *       dirs, of the path: list (listed) | fail (not a directory, or not listable)
 *       dirs, of an entry: dir | ok:BASE64 | skip (not a regular file, or larger than 1 MiB) | fail
 * </pre>
 * An entry is read on {@link CaptureWriter}'s terms for a listed directory: a directory is not
 * read, a regular file (through a link) only up to {@link CaptureWriter#MAX_LISTED_FILE}, and
 * anything else (a fifo would block the read) never.
 */
public final class LookScript {

    private LookScript() { }

    public static final String FILES = "files", DIRS = "dirs", EXCERPT = "excerpt";

    /** The script, for {@code sh -c SCRIPT NAME MODE PATH...} (NAME is its $0); no Jinja markup in it (it is a playbook variable). */
    public static final String SCRIPT = """
            LC_ALL=C; export LC_ALL
            b64() { printf %s "$1" | base64 -w0; }
            look() {
              t=-
              if [ -L "$1" ]; then
                k=l
                if r=$(readlink -- "$1" && echo x) && [ -n "$r" ]; then r=${r%x}; t=$(b64 "${r%?}"); fi
              elif [ -d "$1" ]; then k=d
              elif [ -f "$1" ]; then k=f
              elif [ -e "$1" ]; then k=o
              else k=-; fi
            }
            mode=$1; shift
            if [ "$mode" = excerpt ]; then
              while [ $# -ge 3 ]; do
                p=$1 max=$2 re=$3; shift 3
                look "$p"
                if [ "$k" = - ] || [ ! -f "$p" ] || ! z=$(stat -L -c %s -- "$p" 2>/dev/null) || [ "$z" -gt "$max" ] \\
                    || ! (: < "$p") 2>/dev/null; then w=fail
                elif c=$(tr '\\000' '\\n' < "$p" | grep -a -o -E -e "$re" | head -n 1 | tr -d '\\n' | base64 -w0); then w=ok:$c
                else w=fail; fi
                printf 'p %s %s %s\\n' "$k" "$t" "$w"
              done
              exit 0
            fi
            for p do
              look "$p"
              if [ "$mode" = files ]; then
                if [ "$k" = - ]; then w=fail
                elif [ -d "$p" ]; then w=dir
                elif c=$(base64 -w0 -- "$p" 2>/dev/null); then w=ok:$c
                else w=fail; fi
                printf 'p %s %s %s\\n' "$k" "$t" "$w"
                continue
              fi
              if [ ! -d "$p" ] || ! ls -a -- "$p" >/dev/null 2>&1; then
                printf 'p %s %s fail\\n' "$k" "$t"
                continue
              fi
              printf 'p %s %s list\\n' "$k" "$t"
              for e in "$p"/* "$p"/.[!.]* "$p"/..?*; do
                [ -e "$e" ] || [ -L "$e" ] || continue
                n=${e##*/}
                case $n in *[!A-Za-z0-9._@+-]*) n=b:$(b64 "$n") ;; *) n=r:$n ;; esac
                look "$e"
                if [ -d "$e" ]; then w=dir
                elif [ ! -f "$e" ]; then w=skip
                elif ! z=$(stat -L -c %s -- "$e" 2>/dev/null); then w=fail
                elif [ "$z" -gt MAX_LISTED ]; then w=skip
                elif c=$(base64 -w0 -- "$e" 2>/dev/null); then w=ok:$c
                else w=fail; fi
                printf 'e %s %s %s %s\\n' "$n" "$k" "$t" "$w"
              done
            done
            """.replace("MAX_LISTED", Long.toString(CaptureWriter.MAX_LISTED_FILE));

    /**
     * What one batch told: the paths (and the links among the entries) as lstat saw them, the
     * directories listed, the contents read and the paths that were directories when read.
     */
    public record Answer(Map<String, GatheredRound.Stat> stats, Map<String, List<GatheredRound.Entry>> listings,
                         Map<String, byte[]> contents, Set<String> directories) {
        public Answer {
            stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
            listings = Collections.unmodifiableMap(new LinkedHashMap<>(listings));
            contents = Collections.unmodifiableMap(new LinkedHashMap<>(contents));
            directories = Collections.unmodifiableSet(new LinkedHashSet<>(directories));
        }
    }

    /**
     * The answer of one batch run in {@code mode} over {@code paths}. An answer that does not
     * hold exactly one {@code p} line per path, or a line of any other form, is refused: its
     * paths must not be taken for absent.
     */
    public static Answer parse(String source, String mode, List<String> paths, String stdout) {
        boolean dirs = mode.equals(DIRS);
        Map<String, GatheredRound.Stat> stats = new LinkedHashMap<>();
        Map<String, List<GatheredRound.Entry>> listings = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        Set<String> directories = new LinkedHashSet<>();
        String out = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        String[] lines = out.isEmpty() ? new String[0] : out.split("\n", -1);
        int i = -1;
        List<GatheredRound.Entry> entries = null;
        for (String line : lines) {
            String[] w = line.split(" ", -1);
            if (w[0].equals("p") && w.length == 4 && ++i < paths.size()) {
                String path = paths.get(i);
                entries = null;
                stats.put(path, stat(source, path, w[1], w[2]));
                if (dirs && w[3].equals("list")) {
                    entries = new ArrayList<>();
                    listings.put(path, entries);
                } else if (dirs ? !w[3].equals("fail") : !what(source, path, w[3], contents, directories)) {
                    throw bad(source, path, line);
                }
            } else if (w[0].equals("e") && w.length == 5 && entries != null) {
                String dir = paths.get(i);
                Optional<String> name = name(source, dir, w[1]);
                GatheredRound.Stat st = stat(source, dir, w[2], w[3]);
                if (name.isEmpty()) continue; // not UTF-8: no path golive reads can name it, and golive capture copies nothing of it
                String path = HostPaths.join(dir, name.get());
                entries.add(new GatheredRound.Entry(path, w[2].equals("d")));
                if (st.linkTarget().isPresent()) stats.put(path, st);
                if (!w[4].equals("skip") && !what(source, path, w[4], contents, directories)) throw bad(source, path, line);
            } else {
                throw bad(source, i < 0 || i >= paths.size() ? "a batch of " + paths.size() + " paths" : paths.get(i), line);
            }
        }
        if (i + 1 != paths.size()) {
            throw GoliveException.badInput(source + ": a look at " + paths.size() + " paths answered for " + (i + 1));
        }
        listings.replaceAll((d, e) -> List.copyOf(e));
        return new Answer(stats, listings, contents, directories);
    }

    /** {@code dir}, {@code ok:BASE64} or {@code fail} taken in; false for anything else. */
    private static boolean what(String source, String path, String what, Map<String, byte[]> contents, Set<String> directories) {
        if (what.equals("dir")) {
            directories.add(path);
        } else if (what.startsWith("ok:")) {
            contents.put(path, base64(source, path, what.substring(3)));
        } else {
            return what.equals("fail");
        }
        return true;
    }

    private static GatheredRound.Stat stat(String source, String path, String kind, String link) {
        if (!List.of("-", "d", "l", "f", "o").contains(kind)) throw bad(source, path, "kind " + kind);
        // a target's bytes are taken as Java takes a link it reads on the host (Files.readSymbolicLink)
        Optional<String> target = link.equals("-") ? Optional.empty()
                : Optional.of(new String(base64(source, path, link), StandardCharsets.UTF_8));
        return new GatheredRound.Stat(!kind.equals("-"), kind.equals("d"), kind.equals("l") ? target : Optional.empty());
    }

    private static Optional<String> name(String source, String dir, String word) {
        if (word.startsWith("r:") && word.length() > 2) return Optional.of(word.substring(2));
        if (!word.startsWith("b:")) throw bad(source, dir, "name " + word);
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(base64(source, dir, word.substring(2)))).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static byte[] base64(String source, String path, String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw GoliveException.badInput(source + ": " + path + ": not base64 where the look answers bytes");
        }
    }

    private static GoliveException bad(String source, String path, String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return GoliveException.badInput(source + ": look at " + path + ": unexpected answer \"" + shown + "\"");
    }
}
