package dev.golive.export;

import dev.golive.model.FileChange;
import dev.golive.model.LiveChange;
import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import dev.golive.model.PlanAction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan as an Ansible playbook: core modules plus {@code ansible.posix.sysctl}, idempotent
 * (a second run reports changed=0), for running the same plan across a fleet.
 *
 * <p>{@code -e golive_root=DIR} writes into a target tree as {@code golive apply --root DIR}
 * does (live values into DIR/proc/sys and DIR/sys files, no systemctl). Without it, sysctls
 * go through ansible.posix.sysctl with {@code sysctl_file} = golive's own drop-in: the copy
 * task writes that drop-in first with every planned key as {@code key = value}, so the sysctl
 * module finds its value already there and only sets the live value (never /etc/sysctl.conf,
 * and no rewrite for the next run's copy to undo).
 */
public final class Playbook {
    private Playbook() { }

    private static final String LIVE = "golive_root == ''";
    private static final String TREE = "golive_root != ''";

    public static String render(Plan plan, String host) {
        StringBuilder b = new StringBuilder("---\n");
        List<String> run = List.of(
                "Run:          ansible-playbook -i INVENTORY THIS_FILE        (become is on: root on each host)",
                "Into a tree:  ansible-playbook -i localhost, -c local -e golive_root=/srv/image THIS_FILE (no systemctl)",
                "Restarts:     -e golive_restart=true runs the plan's restarts when something changed");
        for (String l : ExportNotes.header(plan, host, "playbook", run)) b.append(l.isEmpty() ? "#\n" : "# " + l + "\n");
        b.append("- name: ").append(Quoting.yaml("golive plan " + plan.id() + " (profile " + plan.profile() + ")")).append('\n');
        b.append("  hosts: all\n  gather_facts: false\n");
        b.append("  become: \"{{ ").append(LIVE).append(" }}\"\n");
        b.append("  vars:\n    golive_root: \"\"\n    golive_restart: false\n");
        b.append("  tasks:\n");

        List<String> handlers = new ArrayList<>();
        for (PlanAction a : plan.actions()) handlers.add(handlerName(a));

        // ---- preflight: golive never overwrites a file without its header
        Set<String> checked = new LinkedHashSet<>();
        for (FileChange f : plan.files()) checked.add(f.path());
        boolean sysctls = plan.live().stream().anyMatch(l -> l.format() == LiveChange.Format.SYSCTL);
        if (sysctls) checked.add(OwnedFiles.SYSCTL_DROPIN);
        if (!checked.isEmpty()) {
            task(b, "Read the files golive writes (it never overwrites one without its header)");
            b.append("      ansible.builtin.slurp:\n        src: \"{{ golive_root }}{{ item }}\"\n");
            list(b, "      loop:", checked);
            b.append("      register: golive_owned\n      failed_when: false\n");
            task(b, "Look for symbolic links at those paths");
            b.append("      ansible.builtin.stat:\n        path: \"{{ golive_root }}{{ item }}\"\n        follow: false\n        get_checksum: false\n        get_mime: false\n        get_attributes: false\n");
            list(b, "      loop:", checked);
            b.append("      register: golive_links\n");
            task(b, "Refuse to write through a symbolic link (as golive apply does)");
            b.append("      ansible.builtin.fail:\n        msg: \"{{ item.item }}: refusing to write through a symbolic link\"\n");
            b.append("      loop: \"{{ golive_links.results }}\"\n      loop_control:\n        label: \"{{ item.item }}\"\n");
            b.append("      when: item.stat.islnk is defined and item.stat.islnk\n");
            task(b, "Refuse a file golive did not write");
            b.append("      ansible.builtin.fail:\n        msg: ").append(Quoting.yaml("{{ item.item }}: exists and was not written by golive (no "
                    + OwnedFiles.HEADER_MARK + " header); refusing to overwrite it")).append('\n');
            b.append("      loop: \"{{ golive_owned.results }}\"\n      loop_control:\n        label: \"{{ item.item }}\"\n");
            b.append("      when: item.content is defined and not (item.content | b64decode).startswith(")
                    .append(Quoting.jinja(OwnedFiles.HEADER_MARK)).append(")\n");
        }
        if (!plan.live().isEmpty()) {
            // read before any write: a missing key fails here (a write never creates one), and the
            // sysfs choices are needed to move the brackets in a tree
            task(b, "Read the live values golive sets (each must exist)");
            b.append("      ansible.builtin.slurp:\n        src: \"{{ golive_root }}{{ item }}\"\n");
            list(b, "      loop:", plan.live().stream().map(LiveChange::path).toList());
            b.append("      register: golive_live\n");
        }

        // ---- directories golive apply would create (0755); existing ones keep their mode
        Set<String> dirs = new LinkedHashSet<>();
        for (FileChange f : plan.files()) if (f.after().isPresent()) dirs.add(f.path().substring(0, f.path().lastIndexOf('/')));
        if (!dirs.isEmpty()) {
            task(b, "Look for the directories of golive's files");
            b.append("      ansible.builtin.stat:\n        path: \"{{ golive_root }}{{ item }}\"\n");
            list(b, "      loop:", dirs);
            b.append("      register: golive_dirs\n");
            task(b, "Create the missing ones, 0755 as golive apply does");
            b.append("      ansible.builtin.file:\n        path: \"{{ golive_root }}{{ item.item }}\"\n        state: directory\n        mode: \"0755\"\n");
            b.append("      loop: \"{{ golive_dirs.results }}\"\n      loop_control:\n        label: \"{{ item.item }}\"\n");
            b.append("      when: not item.stat.exists\n");
        }

        // ---- files
        for (FileChange f : plan.files()) {
            task(b, ExportNotes.verb(f) + " " + f.path() + ": " + f.why());
            if (f.after().isPresent()) {
                b.append("      ansible.builtin.copy:\n        dest: ").append(Quoting.yaml("{{ golive_root }}" + f.path())).append('\n');
                String content = f.after().get();
                // !unsafe: the content is never templated ({{ in a unit file stays as written)
                if (Quoting.fitsLiteralBlock(content)) {
                    b.append("        content: !unsafe |\n");
                    for (String line : content.substring(0, content.length() - 1).split("\n", -1)) {
                        b.append(line.isEmpty() ? "" : "          " + line).append('\n');
                    }
                } else {
                    b.append("        content: !unsafe ").append(Quoting.yaml(content)).append('\n');
                }
                b.append("        mode: \"").append(ExportNotes.mode(f.mode())).append("\"\n");
                b.append("        owner: ").append(Quoting.yaml(f.owner())).append("\n        group: ").append(Quoting.yaml(f.group())).append('\n');
            } else {
                b.append("      ansible.builtin.file:\n        path: ").append(Quoting.yaml("{{ golive_root }}" + f.path())).append("\n        state: absent\n");
            }
            notify(b, plan, a -> ExportNotes.triggers(a.kind(), f, plan.files()));
        }

        // ---- live values
        for (int i = 0; i < plan.live().size(); i++) {
            LiveChange l = plan.live().get(i);
            String slurped = "(golive_live.results[" + i + "].content | b64decode)";
            if (l.format() == LiveChange.Format.SYSFS_NUMBER || (l.format() == LiveChange.Format.SYSCTL && !inDropIn(plan, l))) {
                // the drop-in will not hold this key (the plan removes it or leaves it out): ansible.posix.sysctl
                // would add it there and the next run's copy take it out again, so write /proc/sys directly; a sysfs number is written the same way (tmpfiles.d holds it for boot)
                task(b, l.key() + " = " + l.after());
                b.append("      ansible.builtin.shell: ").append(Quoting.yaml("printf '%s\\n' " + Quoting.sh(l.after()) + " > " + Quoting.sh(l.path()))).append('\n');
                b.append("      when: ").append(LIVE).append(" and (").append(slurped).append(".split() | join(' ')) != ").append(Quoting.jinja(l.after())).append('\n');
                notify(b, plan, a -> a.kind() == PlanAction.Kind.RESTART_SERVICE);
                treeSysctl(b, l);
            } else if (l.format() == LiveChange.Format.SYSCTL) {
                task(b, l.key() + " = " + l.after());
                b.append("      ansible.posix.sysctl:\n        name: ").append(Quoting.yaml(l.key())).append("\n        value: ").append(Quoting.yaml(l.after()))
                        .append("\n        sysctl_set: true\n        reload: false\n        sysctl_file: ").append(OwnedFiles.SYSCTL_DROPIN).append('\n');
                b.append("      when: ").append(LIVE).append('\n');
                notify(b, plan, a -> a.kind() == PlanAction.Kind.RESTART_SERVICE);
                treeSysctl(b, l);
            } else {
                String words = "(" + slurped + " | replace('[', '') | replace(']', '')).split()";
                String v = Quoting.jinja(l.after());
                task(b, l.key() + ": " + l.after() + " must be one of the choices");
                b.append("      ansible.builtin.assert:\n        that: ").append(Quoting.yaml(v + " in " + words)).append('\n');
                b.append("        fail_msg: ").append(Quoting.yaml(l.path() + ": \"" + l.after() + "\" is not one of the choices \"{{ " + slurped + " | trim }}\"")).append('\n');
                b.append("        quiet: true\n");
                task(b, l.key() + " = " + l.after());
                b.append("      ansible.builtin.shell: ").append(Quoting.yaml("printf '%s\\n' " + Quoting.sh(l.after()) + " > " + Quoting.sh(l.path()))).append('\n');
                b.append("      when: ").append(LIVE).append(" and ").append(Quoting.jinja("[" + l.after() + "]")).append(" not in ").append(slurped)
                        .append(" and (").append(slurped).append(" | trim) != ").append(v).append('\n');
                notify(b, plan, a -> a.kind() == PlanAction.Kind.RESTART_SERVICE);
                task(b, l.key() + " = " + l.after() + " (target tree)");
                b.append("      ansible.builtin.copy:\n        dest: ").append(Quoting.yaml("{{ golive_root }}" + l.path())).append('\n');
                // the choice list with the brackets moved, as the kernel shows it after the write
                b.append("        content: ").append(Quoting.yaml("{% for w in " + words + " %}{{ ('[' ~ w ~ ']') if w == " + v
                        + " else w }}{{ ' ' if not loop.last else '' }}{% endfor %}\n")).append('\n');
                b.append("      when: ").append(TREE).append('\n');
            }
        }

        // ---- the end: the same facts golive verify checks, as asserts
        PlaybookVerify.append(b, plan);

        // ---- handlers: systemctl in the plan's order, never for a tree
        if (!plan.actions().isEmpty()) {
            b.append("  handlers:\n");
            for (PlanAction a : plan.actions()) {
                task(b, handlerName(a));
                b.append("      ansible.builtin.systemd:\n");
                switch (a.kind()) {
                    case DAEMON_RELOAD -> b.append("        daemon_reload: true\n");
                    case DAEMON_REEXEC -> b.append("        daemon_reexec: true\n");
                    case RESTART_SERVICE -> b.append("        name: ").append(Quoting.yaml(a.unit().orElseThrow())).append("\n        state: restarted\n");
                }
                b.append("      when: ").append(LIVE).append(a.kind() == PlanAction.Kind.RESTART_SERVICE ? " and golive_restart | bool" : "").append('\n');
            }
        }
        return b.toString();
    }

    private static void treeSysctl(StringBuilder b, LiveChange l) {
        task(b, l.key() + " = " + l.after() + " (target tree)");
        // what the kernel prints after the write: fields tab-separated (golive apply --root writes the same)
        b.append("      ansible.builtin.copy:\n        dest: ").append(Quoting.yaml("{{ golive_root }}" + l.path()))
                .append("\n        content: !unsafe ").append(Quoting.yaml(l.after().replace(' ', '\t') + "\n")).append('\n');
        b.append("      when: ").append(TREE).append('\n');
    }

    /**
     * Whether golive's sysctl drop-in holds {@code key = value} for this live value after the
     * plan: as the plan writes it, or as it is on the host when the plan leaves it alone (the
     * planner keeps every key it sets live in the drop-in).
     */
    static boolean inDropIn(Plan plan, LiveChange l) {
        return plan.files().stream().filter(f -> f.path().equals(OwnedFiles.SYSCTL_DROPIN)).findFirst()
                .map(f -> f.after().map(c -> c.lines().anyMatch(x -> x.equals(l.key() + " = " + l.after()))).orElse(false))
                .orElse(true);
    }

    private static String handlerName(PlanAction a) {
        return switch (a.kind()) {
            case DAEMON_RELOAD -> "systemctl daemon-reload";
            case DAEMON_REEXEC -> "systemctl daemon-reexec";
            case RESTART_SERVICE -> "systemctl restart " + a.unit().orElseThrow();
        };
    }

    static void task(StringBuilder b, String name) {
        b.append("    - name: ").append(Quoting.yaml(Quoting.comment(name))).append('\n');
    }

    private static void list(StringBuilder b, String head, java.util.Collection<String> items) {
        b.append(head).append('\n');
        for (String s : items) b.append("        - ").append(Quoting.yaml(s)).append('\n');
    }

    private static void notify(StringBuilder b, Plan plan, java.util.function.Predicate<PlanAction> when) {
        List<String> names = plan.actions().stream().filter(when).map(Playbook::handlerName).toList();
        if (names.isEmpty()) return;
        b.append("      notify:\n");
        for (String n : names) b.append("        - ").append(Quoting.yaml(n)).append('\n');
    }
}
