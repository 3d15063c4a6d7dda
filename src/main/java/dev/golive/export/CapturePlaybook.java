package dev.golive.export;

import java.util.List;
import java.util.Optional;

/**
 * The Ansible side of a fleet capture: a playbook that gathers, with the command module and
 * stock tools only (sh, base64, readlink, stat, ls; nothing installed on the hosts beyond the
 * Python Ansible already needs), what golive on the controller asks for, round by round, and a summary
 * play that lists every host whose capture is not complete.
 *
 * <p>The playbook holds no list of paths: round 1 is the recipe written beside it, and golive
 * ({@code golive assemble}, on the controller, delegate_to: localhost) merges each round into
 * the host's capture and answers with the next round's wants, worked out by inspecting the
 * capture so far. A host needs as many rounds as its longest chain of dependent reads (unit,
 * drop-ins, binary, cgroup); {@link #ROUNDS} rounds are written, and a host still wanting
 * more after them keeps what it lacks in its manifest's {@code missing}.
 */
public final class CapturePlaybook {

    private CapturePlaybook() { }

    /** The playbook's file name; the round it includes and the recipe sit beside it. */
    public static final String PLAYBOOK = "golive-capture.yml";
    public static final String ROUND = "golive-capture-round.yml";
    public static final String RECIPE = "recipe.json";

    /** Rounds written into the playbook: the deepest chain of dependent reads golive has needs far fewer. */
    public static final int ROUNDS = 8;

    /**
     * Paths looked at by one {@code command} run on the host: a module run per path (stat, find,
     * slurp) costs a round trip and a Python start each, which took most of a capture; the batch
     * keeps each argv far below the kernel's limit.
     */
    public static final int LOOK_BATCH = 200;

    /** $0 of the look script on the host, so that what the shell reports names it. */
    public static final String LOOK_NAME = "golive-look";

    /** The files of the export: name and content, the playbook first. */
    public record File(String name, String content) { }

    /** {@code lookScript}: what a round runs on the host to stat, list and read a batch of paths ({@code sh -c SCRIPT NAME MODE PATH...}). */
    public static List<File> render(Optional<String> serviceUnit, String recipeJson, String lookScript) {
        return List.of(new File(PLAYBOOK, playbook(serviceUnit, lookScript)), new File(ROUND, round()), new File(RECIPE, recipeJson));
    }

    private static String playbook(Optional<String> serviceUnit, String lookScript) {
        StringBuilder b = new StringBuilder("---\n");
        for (String l : List.of(
                "golive capture of every host in the inventory" + serviceUnit.map(u -> ", with the service " + u).orElse("") + ".",
                "Written by `golive export --format ansible-capture`. The command module and stock tools only on the hosts; golive runs",
                "on the controller (delegate_to: localhost) to assemble each host's capture and to say what the next",
                "round must read, until inspecting the capture asks for nothing new.",
                "",
                "Run:     ansible-playbook -i INVENTORY " + PLAYBOOK + "        (become is on: root reads /proc and unit files)",
                "Output:  -e golive_out=DIR (default: captures/ beside this file), one capture per inventory hostname",
                "golive:  -e '{\"golive_command\": [\"/opt/golive/bin/golive\"]}' when golive is not on the controller's PATH",
                "Review:  golive inspect --root DIR/HOST, golive check --root DIR/HOST" + serviceUnit.map(u -> " --service " + u).orElse(""))) {
            b.append(l.isEmpty() ? "#\n" : "# " + l + "\n");
        }
        String vars = vars(serviceUnit);
        b.append("- name: \"golive capture: gather with stock tools, assemble on the controller\"\n");
        b.append("  hosts: all\n  gather_facts: false\n  become: true\n");
        b.append(vars);
        // what each round runs on the host, with sh -c, for a batch of paths: written once, used by both look tasks
        b.append("    golive_look_script: |\n");
        lookScript.lines().forEach(l -> b.append(l.isEmpty() ? "\n" : "      " + l + "\n"));
        b.append("  tasks:\n");
        b.append("    - name: \"golive: start this host's capture on the controller (round 1 is ").append(RECIPE).append(")\"\n");
        b.append("      ansible.builtin.command:\n");
        b.append("        argv: \"{{ golive_command + ['assemble', '--into', golive_out ~ '/' ~ inventory_hostname, '--recipe', playbook_dir ~ '/")
                .append(RECIPE).append("'] + golive_service_args }}\"\n");
        b.append(CONTROLLER);
        for (int i = 1; i <= ROUNDS; i++) {
            b.append("    - name: \"golive: round ").append(i).append("\"\n");
            b.append("      ansible.builtin.include_tasks: ").append(ROUND).append('\n');
            b.append("      when: not (golive_next.stdout | from_json).complete\n");
        }
        b.append("    - name: \"golive: this host answered every round it was asked\"\n");
        b.append("      ansible.builtin.set_fact:\n        golive_done: true\n");
        b.append("\n- name: \"golive capture: summary (every host whose capture is not complete is listed)\"\n");
        b.append("  hosts: localhost\n  gather_facts: false\n  become: false\n");
        b.append(vars);
        b.append("    golive_started: \"{{ groups['all'] | select('in', hostvars) | map('extract', hostvars) | selectattr('golive_next', 'defined') | map(attribute='inventory_hostname') | list }}\"\n");
        b.append("    golive_finished: \"{{ groups['all'] | select('in', hostvars) | map('extract', hostvars) | selectattr('golive_done', 'defined') | map(attribute='inventory_hostname') | list }}\"\n");
        b.append("  tasks:\n");
        b.append("    - name: \"golive: the captures\"\n");
        b.append("      ansible.builtin.command:\n");
        b.append("        argv: \"{{ golive_command + ['assemble', '--summary', golive_out] + (golive_started | difference(golive_finished) | map('regex_replace', '^', '--stopped=') | list) }}\"\n");
        b.append("      register: golive_summary\n      changed_when: false\n      failed_when: false\n");
        b.append("    - name: \"golive: summary\"\n      ansible.builtin.debug:\n        msg: \"{{ golive_summary.stdout_lines + golive_summary.stderr_lines }}\"\n");
        b.append("    - name: \"golive: not every capture is complete\"\n      ansible.builtin.fail:\n");
        b.append("        msg: \"see the summary above; each partial capture's golive-capture.json lists what is missing\"\n");
        b.append("      when: golive_summary.rc != 0\n");
        return b.toString();
    }

    private static String vars(Optional<String> serviceUnit) {
        return "  vars:\n"
                + "    golive_out: \"{{ playbook_dir }}/captures\"\n"
                + "    golive_command: [\"golive\"]\n"
                + "    golive_service_args: " + serviceUnit.map(u -> "[\"--service\", " + Quoting.yaml(u) + "]").orElse("[]") + "\n";
    }

    /** A task that runs golive on the controller: never over the host's connection, never with become. */
    private static final String CONTROLLER = "      delegate_to: localhost\n      become: false\n      register: golive_next\n      changed_when: false\n";

    /**
     * The round: the files and then the directories looked at by the play's look script (the
     * host side of {@code host.LookScript}, passed in by the caller: export does no host work),
     * a batch of {@link #LOOK_BATCH} paths per command, then the commands, each its own.
     */
    private static String round() {
        return """
                ---
                # One round of golive's capture, included by %1$s: gathers on the host what golive on the
                # controller asked for (golive_next), hands the results back unchanged and asks for the next round.
                - name: "golive: what this round reads"
                  ansible.builtin.set_fact:
                    golive_wants: "{{ (golive_next.stdout | from_json).next }}"
                - name: "golive: look at the files (lstat, and the content read through a link), %2$d per command"
                  ansible.builtin.command:
                    argv: "{{ ['sh', '-c', golive_look_script, '%3$s', 'files'] + item }}"
                    strip_empty_ends: false
                  environment:
                    LC_ALL: C
                  loop: "{{ golive_wants.files | batch(%2$d) | list }}"
                  register: golive_files
                  changed_when: false
                  failed_when: false
                - name: "golive: cut what golive reads of a binary on the host (systemd's version banner), not the whole binary; one command for all"
                  ansible.builtin.command:
                    argv: "{{ ['sh', '-c', golive_look_script, '%3$s', 'excerpt'] + (item | map(attribute='path') | zip(item | map(attribute='max') | map('string'), item | map(attribute='pattern')) | flatten) }}"
                    strip_empty_ends: false
                  environment:
                    LC_ALL: C
                  loop: "{{ [golive_wants.excerpts] if golive_wants.excerpts | default([]) | length > 0 else [] }}"
                  register: golive_excerpts
                  changed_when: false
                  failed_when: false
                - name: "golive: look at the directories (lstat, entries, the files in them up to 1 MiB, as golive capture copies them), %2$d per command"
                  ansible.builtin.command:
                    argv: "{{ ['sh', '-c', golive_look_script, '%3$s', 'dirs'] + item }}"
                    strip_empty_ends: false
                  environment:
                    LC_ALL: C
                  loop: "{{ golive_wants.dirs | batch(%2$d) | list }}"
                  register: golive_dirs
                  changed_when: false
                  failed_when: false
                - name: "golive: run the commands (argv, no shell, LC_ALL=C)"
                  ansible.builtin.command:
                    argv: "{{ item }}"
                    strip_empty_ends: false
                  environment:
                    LC_ALL: C
                  loop: "{{ golive_wants.commands }}"
                  register: golive_commands
                  changed_when: false
                  failed_when: false
                - name: "golive: hand the round to the controller"
                  ansible.builtin.copy:
                    content: "{{ {'asked': golive_wants, 'files': golive_files.results | default([]), 'excerpts': golive_excerpts.results | default([]), 'dirs': golive_dirs.results | default([]), 'commands': golive_commands.results | default([])} | to_json }}"
                    dest: "{{ golive_out }}/{{ inventory_hostname }}.round.json"
                    mode: "0600"
                  delegate_to: localhost
                  become: false
                - name: "golive: merge the round into the capture and work out the next"
                  ansible.builtin.command:
                    argv: "{{ golive_command + ['assemble', '--into', golive_out ~ '/' ~ inventory_hostname, '--round', golive_out ~ '/' ~ inventory_hostname ~ '.round.json'] + golive_service_args }}"
                """.formatted(PLAYBOOK, LOOK_BATCH, LOOK_NAME) + CONTROLLER.replace("      ", "  ");
    }
}
