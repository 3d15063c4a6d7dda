package dev.golive.export;

import dev.golive.model.LiveChange;
import dev.golive.model.NofileLimit;
import dev.golive.model.Plan;
import dev.golive.model.ServiceProcess;
import dev.golive.verify.Verifier;

import java.util.Map;
import java.util.Optional;

/**
 * The playbook's last tasks: the facts {@code golive verify} checks, as asserts. The handlers
 * run first (flush_handlers), then each live value is read back; on a live host whose play
 * restarted the service ({@code -e golive_restart=true}) its new main process must have the
 * planned open-files limit and Go environment ({@code /proc/PID/limits}, {@code environ}) and
 * each of its listeners a backlog of the planned somaxconn ({@code ss -ltnp}, Send-Q). Without
 * the restart the play says that the running process keeps its old values: golive verify on
 * the host shows them.
 */
final class PlaybookVerify {
    private PlaybookVerify() { }

    private static final String LIVE = "golive_root == ''";

    static void append(StringBuilder b, Plan plan) {
        if (plan.live().isEmpty() && plan.service().isEmpty()) return;
        Playbook.task(b, "golive verify: run the handlers now, then check what runs");
        b.append("      ansible.builtin.meta: flush_handlers\n");
        for (int i = 0; i < plan.live().size(); i++) live(b, plan.live().get(i), "golive_verify_live_" + i);
        plan.service().ifPresent(unit -> process(b, plan, unit));
    }

    private static void live(StringBuilder b, LiveChange l, String reg) {
        Playbook.task(b, "golive verify: " + l.key() + " is " + l.after());
        b.append("      ansible.builtin.slurp:\n        src: ").append(Quoting.yaml("{{ golive_root }}" + l.path())).append('\n');
        b.append("      register: ").append(reg).append('\n');
        String read = "(" + reg + ".content | b64decode)";
        // as golive compares: fields joined by one space; a sysfs choice list by its bracketed word
        String now = l.format() != LiveChange.Format.SYSFS_CHOICE ? "(" + read + ".split() | join(' '))"
                : "((" + read + ".split() | select('search', '[[]') | list + [" + read + " | trim]) | first | replace('[', '') | replace(']', ''))";
        assertTask(b, now + " == " + Quoting.jinja(l.after()), l.path() + " is \"{{ " + now + " }}\", not " + l.after(), null);
    }

    private static void process(StringBuilder b, Plan plan, String unit) {
        Map<String, String> settings = Verifier.unitSettings(plan, unit);
        Optional<String> somaxconn = plan.live().stream().filter(l -> l.key().equals("net.core.somaxconn")).map(LiveChange::after).findFirst();
        boolean env = ServiceProcess.GO_VARIABLES.stream().anyMatch(v -> settings.containsKey("Environment:" + v));
        if (!settings.containsKey("LimitNOFILE") && !env && somaxconn.isEmpty()) return;
        String restarted = LIVE + " and golive_restart | bool";
        Playbook.task(b, "golive verify: " + unit + " was not restarted, so its process keeps its old values");
        b.append("      ansible.builtin.debug:\n        msg: ").append(Quoting.yaml("the running " + unit
                + " keeps the limits, environment and listen backlog it started with until it restarts: run again with "
                + "-e golive_restart=true, or restart it and run golive verify on the host")).append('\n');
        b.append("      when: ").append(LIVE).append(" and not (golive_restart | bool)\n");
        Playbook.task(b, "golive verify: the main process of " + unit);
        b.append("      ansible.builtin.command: ").append(Quoting.yaml("systemctl show -p MainPID --value " + unit)).append('\n');
        b.append("      register: golive_verify_pid\n      changed_when: false\n      when: ").append(restarted).append('\n');
        String pid = "(golive_verify_pid.stdout | trim)";
        Optional<NofileLimit> nofile = Optional.ofNullable(settings.get("LimitNOFILE")).flatMap(NofileLimit::parse);
        if (nofile.isPresent()) {
            Playbook.task(b, "golive verify: " + unit + " has LimitNOFILE=" + nofile.get());
            b.append("      ansible.builtin.slurp:\n        src: \"/proc/{{ ").append(pid).append(" }}/limits\"\n");
            b.append("      register: golive_verify_limits\n      when: ").append(restarted).append('\n');
            // the soft and hard columns of the "Max open files" line, by splitting the matched line: regex_search's
            // group arguments need backslashes that survive YAML and Jinja quoting, which ansible-core 2.14 mis-reads
            String line = "((golive_verify_limits.content | b64decode | regex_search('Max open files +[^ ]+ +[^ ]+')"
                    + " | default('Max open files ? ?', true)).split()[3:5])";
            // Go 1.19+ raises its soft limit to the hard one: the soft limit may be higher than planned
            String hard = limit(nofile.get().hard()), soft = limit(nofile.get().soft());
            String that = line + "[1] == " + Quoting.jinja(hard) + " and (" + line + "[0] == 'unlimited' or " + line + "[0] | int >= "
                    + (soft.equals("unlimited") ? "0" : soft) + ")";
            assertTask(b, that, unit + " (PID {{ " + pid + " }}) has open files {{ " + line + " | join(':') }}, not " + nofile.get(), restarted);
        }
        if (env) {
            Playbook.task(b, "golive verify: the environment of " + unit);
            b.append("      ansible.builtin.shell: ").append(Quoting.yaml("tr '\\0' '\\n' < /proc/{{ " + pid + " }}/environ")).append('\n');
            b.append("      register: golive_verify_environ\n      changed_when: false\n      when: ").append(restarted).append('\n');
            for (String v : ServiceProcess.GO_VARIABLES) {
                String want = settings.get("Environment:" + v);
                if (want == null) continue;
                assertTask(b, Quoting.jinja(v + "=" + want) + " in golive_verify_environ.stdout_lines",
                        unit + " (PID {{ " + pid + " }}) does not have " + v + "=" + want + " in its environment", restarted);
            }
        }
        if (somaxconn.isPresent()) {
            Playbook.task(b, "golive verify: the listen backlogs of " + unit);
            b.append("      ansible.builtin.shell: ").append(Quoting.yaml("ss -ltnp | awk -v p='pid={{ " + pid + " }},' '$1 == \"LISTEN\" && index($0, p) { print $3 }'")).append('\n');
            b.append("      register: golive_verify_backlog\n      changed_when: false\n      when: ").append(restarted).append('\n');
            assertTask(b, "golive_verify_backlog.stdout_lines | reject('equalto', " + Quoting.jinja(somaxconn.get()) + ") | list | length == 0",
                    unit + " (PID {{ " + pid + " }}) listens with backlog {{ golive_verify_backlog.stdout_lines | join(', ') }}, not "
                            + somaxconn.get() + " (a Go process reads somaxconn once, at its first listen)", restarted);
        }
    }

    private static String limit(long v) { return v == NofileLimit.INFINITY ? "unlimited" : Long.toString(v); }

    private static void assertTask(StringBuilder b, String that, String failMsg, String when) {
        Playbook.task(b, "golive verify: assert");
        b.append("      ansible.builtin.assert:\n        that: ").append(Quoting.yaml(that)).append('\n');
        b.append("        fail_msg: ").append(Quoting.yaml(failMsg)).append("\n        quiet: true\n");
        if (when != null) b.append("      when: ").append(when).append('\n');
    }
}
