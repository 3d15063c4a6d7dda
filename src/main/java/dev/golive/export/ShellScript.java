package dev.golive.export;

import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan as a POSIX shell script (shellcheck -s sh clean): the same files, live values and
 * systemctl calls as {@code golive apply}, converging — a second run changes nothing.
 *
 * <p>{@code GOLIVE_ROOT=DIR} writes into a target tree exactly as {@code golive apply --root DIR}
 * does: files under DIR, live values into the plain files DIR/proc/sys/... (fields tab-separated,
 * as the kernel prints them) and DIR/sys/... (the brackets moved to the chosen word), no systemctl.
 * Like golive apply it checks every file before the first change and refuses one that exists
 * without golive's header; files are replaced atomically (temp file beside it, chmod/chown, mv).
 */
public final class ShellScript {
    private ShellScript() { }

    public static String render(Plan plan, String host) {
        StringBuilder b = new StringBuilder("#!/bin/sh\n");
        List<String> run = List.of(
                "Run as root:      sh THIS_SCRIPT                       (the live host)",
                "Into a tree:      GOLIVE_ROOT=/srv/image sh THIS_SCRIPT (no systemctl; live values into its proc/sys and sys files)",
                "Restart as well:  GOLIVE_RESTART=1 sh THIS_SCRIPT      (runs the plan's restarts when something changed)");
        for (String l : ExportNotes.header(plan, host, "shell script", run)) b.append(l.isEmpty() ? "#\n" : "# " + l + "\n");
        b.append(PRELUDE.replace("@MARK@", Quoting.sh(OwnedFiles.HEADER_MARK)));
        if (plan.files().stream().anyMatch(f -> f.after().isPresent())) b.append(PUT_FILE);
        if (plan.files().stream().anyMatch(f -> f.after().isEmpty())) b.append(REMOVE_FILE);
        if (!plan.live().isEmpty()) b.append(LIVE_HELPERS);

        // ---- preflight: nothing is written unless every file may be
        Set<String> checked = new LinkedHashSet<>();
        for (FileChange f : plan.files()) checked.add(f.path());
        if (plan.live().stream().anyMatch(l -> l.format() == LiveChange.Format.SYSCTL)) checked.add(OwnedFiles.SYSCTL_DROPIN);
        b.append("\n# Every file golive writes must be absent or carry golive's header; checked before the first change.\n");
        for (String p : checked) b.append("owned_or_absent ").append(Quoting.sh(p)).append('\n');
        for (LiveChange l : plan.live()) b.append("key_exists ").append(Quoting.sh(l.path())).append(' ').append(Quoting.sh(l.key())).append('\n');

        // ---- files
        List<PlanAction> actions = plan.actions();
        for (int i = 0; i < plan.files().size(); i++) {
            FileChange f = plan.files().get(i);
            b.append("\n# ").append(ExportNotes.verb(f)).append(' ').append(Quoting.comment(f.path())).append(": ").append(Quoting.comment(f.why())).append('\n');
            if (f.after().isPresent()) {
                String content = f.after().get();
                String delim = Quoting.heredocDelimiter(content);
                boolean finalNewline = content.endsWith("\n");
                b.append("put_file ").append(Quoting.sh(f.path())).append(' ').append(Integer.toOctalString(f.mode())).append(' ')
                        .append(Quoting.sh(f.owner())).append(' ').append(Quoting.sh(f.group())).append(' ').append(finalNewline ? 1 : 0)
                        .append(" <<'").append(delim).append("'\n")
                        .append(content).append(finalNewline ? "" : "\n").append(delim).append('\n');
            } else {
                b.append("remove_file ").append(Quoting.sh(f.path())).append('\n');
            }
            StringBuilder then = new StringBuilder("changes=$((changes + 1))");
            for (int a = 0; a < actions.size(); a++) {
                if (ExportNotes.triggers(actions.get(a).kind(), f, plan.files())) then.append("; action_").append(a).append("=1");
            }
            b.append("if [ \"$wrote\" = 1 ]; then ").append(then).append("; fi\n");
        }

        // ---- live values
        for (LiveChange l : plan.live()) {
            b.append("\n# ").append(Quoting.comment(l.key())).append(": ").append(Quoting.comment(l.before())).append(" -> ")
                    .append(Quoting.comment(l.after())).append(" (").append(Quoting.comment(l.why())).append(")\n");
            b.append(l.format() == LiveChange.Format.SYSFS_CHOICE ? "set_choice " : "set_sysctl ").append(Quoting.sh(l.path())).append(' ')
                    .append(Quoting.sh(l.after())).append('\n');
        }
        if (!plan.live().isEmpty()) {
            for (int a = 0; a < actions.size(); a++) {
                if (actions.get(a).kind() == PlanAction.Kind.RESTART_SERVICE) b.append("if [ \"$changes\" -gt 0 ]; then action_").append(a).append("=1; fi\n");
            }
        }

        // ---- systemctl, in the plan's order, only on the live host
        if (!actions.isEmpty()) {
            b.append("\nif [ -z \"$root\" ]; then\n");
            for (int a = 0; a < actions.size(); a++) {
                PlanAction act = actions.get(a);
                b.append("  # ").append(Quoting.comment(act.why())).append('\n');
                String cmd = switch (act.kind()) {
                    case DAEMON_RELOAD -> "systemctl daemon-reload";
                    case DAEMON_REEXEC -> "systemctl daemon-reexec";
                    case RESTART_SERVICE -> "systemctl restart " + Quoting.sh(act.unit().orElseThrow());
                };
                String cond = "[ \"$action_" + a + "\" = 1 ]" + (act.kind() == PlanAction.Kind.RESTART_SERVICE ? " && [ \"$restart\" = 1 ]" : "");
                b.append("  if ").append(cond).append("; then\n    say \"running ").append(cmd.replace("'", "")).append("\"\n    ")
                        .append(cmd).append("\n  fi\n");
            }
            b.append("fi\n");
        }
        b.append("\nsay \"done: $changes change(s)\"\n");
        // the action flags start at 0 (declared up front so `set -u` holds for every branch)
        String flags = actions.isEmpty() ? "" : "\n" + String.join("\n", java.util.stream.IntStream.range(0, actions.size())
                .mapToObj(a -> "action_" + a + "=0").toList()) + "\n";
        return b.toString().replace("@ACTION_FLAGS@\n", flags);
    }

    /** The helpers; kept in one block so the plan-specific part below reads as a list of steps. */
    private static final String PRELUDE = """

            set -eu
            set -f
            umask 022

            root=${GOLIVE_ROOT:-}
            root=${root%/}
            restart=${GOLIVE_RESTART:-0}
            mark=@MARK@
            changes=0
            @ACTION_FLAGS@
            say() { printf '%s\\n' "$*"; }
            fail() { printf 'golive export: %s\\n' "$*" >&2; exit 1; }

            if [ -n "$root" ]; then
              [ -d "$root" ] || fail "GOLIVE_ROOT=$root: no such directory"
              if [ "$restart" = 1 ]; then say "GOLIVE_RESTART ignored: no systemctl runs for a target tree"; fi
            elif [ "$(id -u)" != 0 ]; then
              fail "changing the live host needs root (running as uid $(id -u)); use sudo, or GOLIVE_ROOT=DIR for a target tree"
            fi

            # owned_or_absent PATH: golive never overwrites a file it did not write, nor writes through a link.
            owned_or_absent() {
              f=$root$1
              d=${f%/*}
              while [ -n "$d" ] && [ "$d" != "$root" ]; do
                if [ -L "$d" ]; then fail "$1: refusing to write through a symbolic link (${d#"$root"} is a link)"; fi
                d=${d%/*}
              done
              if [ -L "$f" ]; then fail "$1: refusing to write through a symbolic link"; fi
              if [ ! -e "$f" ]; then return 0; fi
              if [ ! -f "$f" ]; then fail "$1: not a regular file"; fi
              first=$(head -n 1 "$f")
              case $first in
                "$mark"*) ;;
                *) fail "$1: exists and was not written by golive (no \\"$mark\\" header); refusing to overwrite it" ;;
              esac
            }

            # key_exists PATH KEY: a live value golive sets must exist (a write never creates a key).
            key_exists() {
              if [ ! -f "$root$1" ]; then fail "$1: no such key on this host ($2)"; fi
            }

            """;

    /** Only when the plan writes a file (an unused helper variable would be a shellcheck warning). */
    private static final String PUT_FILE = """

            # put_file PATH MODE OWNER GROUP FINAL_NEWLINE <<here-document; wrote=1 when it changed the file
            # Atomic: the temp file sits beside the target (same file system), gets its mode and owner, then mv.
            put_file() {
              dest=$root$1
              dir=${dest%/*}
              tmp=$dir/.${dest##*/}.golive-tmp
              wrote=0
              if [ ! -d "$dir" ]; then mkdir -p "$dir"; fi
              rm -f "$tmp"
              if [ "$5" = 1 ]; then cat > "$tmp"; else printf '%s' "$(cat)" > "$tmp"; fi
              if [ -f "$dest" ] && cmp -s "$tmp" "$dest" && [ "$(stat -c '%a %U %G' "$dest")" = "$2 $3 $4" ]; then
                rm -f "$tmp"
                return 0
              fi
              chown "$3:$4" "$tmp"
              chmod "$2" "$tmp"
              mv -f "$tmp" "$dest"
              wrote=1
              say "wrote $1"
            }
            """;

    private static final String REMOVE_FILE = """

            # remove_file PATH; wrote=1 when there was one
            remove_file() {
              wrote=0
              if [ -e "$root$1" ]; then
                rm -f "$root$1"
                wrote=1
                say "removed $1"
              fi
            }
            """;

    private static final String LIVE_HELPERS = """

            # The value as golive compares it: fields separated by one space.
            fields() { tr -s ' \\t\\n' '   ' < "$1" | sed 's/^ //; s/ $//'; }

            # The chosen word of a sysfs choice list ("always [madvise] never" -> madvise), else the text.
            choice() {
              v=$(cat "$1")
              case $v in
                *\\[*\\]*) v=${v#*\\[}; v=${v%%\\]*} ;;
              esac
              printf '%s' "$v"
            }

            # set_sysctl PATH VALUE: like sysctl -w; in a tree the file holds what the kernel would print (tabs).
            set_sysctl() {
              p=$root$1
              if [ "$(fields "$p")" = "$2" ]; then return 0; fi
              if [ -n "$root" ]; then
                printf '%s\\n' "$2" | tr ' ' '\\t' > "$p"
              else
                printf '%s\\n' "$2" > "$p"
              fi
              back=$(fields "$p")
              if [ "$back" != "$2" ]; then fail "$1: wrote \\"$2\\" but it reads back as \\"$back\\""; fi
              changes=$((changes + 1))
              say "set ${1#/proc/sys/} = $2"
            }

            # set_choice PATH WORD: the kernel moves the brackets; in a tree this does it the same way.
            set_choice() {
              p=$root$1
              if [ "$(choice "$p")" = "$2" ]; then return 0; fi
              new=''
              found=0
              for w in $(tr -d '[]' < "$p"); do
                if [ "$w" = "$2" ]; then w="[$w]"; found=1; fi
                new=${new:+$new }$w
              done
              if [ "$found" != 1 ]; then fail "$1: \\"$2\\" is not one of the choices \\"$(cat "$p")\\""; fi
              if [ -n "$root" ]; then
                printf '%s\\n' "$new" > "$p"
              else
                printf '%s\\n' "$2" > "$p"
              fi
              back=$(choice "$p")
              if [ "$back" != "$2" ]; then fail "$1: wrote \\"$2\\" but it reads back as \\"$back\\""; fi
              changes=$((changes + 1))
              say "set $1 = $2"
            }
            """;
}
