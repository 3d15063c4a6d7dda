package dev.golive.ui.shell;

import dev.golive.model.FixChange;
import dev.golive.model.GoliveException;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guided flow, typed on a dumb terminal (as over a TERM=dumb SSH session) or replayed from a file. */
class GuideTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Guide.Outcome typed(RecordingBackend backend, String keys) throws IOException {
        // a DumbTerminal on streams: TerminalBuilder would pick a pty on the test's own stdin
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            return new Guide(backend, new JLinePrompter(t, backend::listDir)).run();
        }
    }

    /** Typed on a dumb terminal of a known size in a charset (as a TERM=dumb tty under a locale). */
    private Guide.Outcome typedOn(RecordingBackend backend, String keys, java.nio.charset.Charset cs, int cols, int rows) throws IOException {
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream(keys.getBytes(cs)), screen, cs)) {
            t.setSize(new org.jline.terminal.Size(cols, rows));
            return new Guide(backend, new JLinePrompter(t, backend::listDir)).run();
        }
    }

    private String screen() { return screen.toString(StandardCharsets.UTF_8); }

    @Test
    void on_an_80x24_dumb_terminal_the_preview_pages_and_q_skips_only_the_files_so_conflicts_and_the_question_still_show() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.extraLines = 60;
        backend.conflicts = List.of(new dev.golive.model.PlanConflict("net.ipv4.tcp_syncookies", "1", "0",
                new dev.golive.model.Source.File("/etc/sysctl.d/99-vendor.conf", 3), "a later file wins at boot"));
        // enter for fixes, profile, service; q at the first "-- more --"; then no to applying
        var outcome = typedOn(backend, "\n\n\nq\nno\n", StandardCharsets.UTF_8, 80, 24);

        assertThat(outcome).isEqualTo(Guide.Outcome.DECLINED);
        String s = screen();
        assertThat(s).contains("-- more (enter: next page, q: skip the rest of this part) --")
                .doesNotContain("# line 60")
                .contains("lines skipped)");
        assertThat(s.substring(s.indexOf("lines skipped)")))
                .contains("Conflicts (1)").contains("net.ipv4.tcp_syncookies: golive sets 1")
                .contains("Apply these changes now");
    }

    @Test
    void q_never_skips_conflicts_even_when_they_take_more_than_a_page() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        List<dev.golive.model.PlanConflict> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            many.add(new dev.golive.model.PlanConflict("net.example.key" + i, "1", "0",
                    new dev.golive.model.Source.File("/etc/sysctl.d/99-vendor.conf", i), "a later file wins at boot"));
        }
        backend.conflicts = many;
        typedOn(backend, "\n\n\nq\nq\nq\nno\nno\nno\n", StandardCharsets.UTF_8, 80, 24);
        String s = screen();
        assertThat(s).contains("-- more (enter: next page) --").contains("net.example.key15: golive sets 1")
                .contains("Apply these changes now");
        assertThat(backend.applied).isEmpty();
    }

    @Test
    void tab_on_a_dumb_terminal_completes_the_offered_profile() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // the tty is cooked: the Tab arrives with the Enter that follows it
        typedOn(backend, "none\ncont\t\nno\nno\n", StandardCharsets.UTF_8, 80, 24);
        assertThat(backend.plannedProfile).isEqualTo("container-limited");
        assertThat(screen()).contains("cont → container-limited");
    }

    @Test
    void tab_on_a_dumb_terminal_lists_what_matches_when_more_than_one_does() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typedOn(backend, "none\n\t\nbase\nno\nno\n", StandardCharsets.UTF_8, 80, 24);
        assertThat(screen()).contains("matching \"\": base  web-api  container-limited  none");
        assertThat(backend.plannedProfile).isEqualTo("base");
    }

    @Test
    void under_a_charset_without_arrows_the_guide_writes_ascii_instead_of_question_marks() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typedOn(backend, "\n\n\n\n", StandardCharsets.US_ASCII, 80, 24);
        String s = screen();
        assertThat(s).contains("-> sysctl net.ipv4.tcp_max_syn_backlog = 4096").contains("golive guide - ")
                .doesNotContain("? sysctl").doesNotContain("golive guide ?");
    }

    @Test
    void long_lines_wrap_between_words_at_the_terminal_width_and_a_url_stays_whole() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        String url = "https://www.kernel.org/doc/html/latest/networking/ip-sysctl.html#tcp-variables";
        backend.reasons = List.of("listens on TCP ports as a network service, so the accept queue and the SYN queue matter; see " + url);
        typedOn(backend, "none\nbase\nno\nno\n", StandardCharsets.UTF_8, 60, 24);
        List<String> lines = List.of(screen().split("\n"));
        assertThat(lines).contains("  - listens on TCP ports as a network service, so the accept",
                "    queue and the SYN queue matter; see", "    " + url);
        assertThat(lines.stream().filter(l -> !l.contains(url) && !l.contains(": ")).toList()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(60));
    }

    @Test
    void on_an_80_column_tty_under_lc_all_c_no_prompt_or_text_line_is_wider_than_the_terminal() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // 80 columns as written, 83 once each arrow is spelled "->"
        backend.reasons = List.of("somaxconn 4096 → 8192, syn_backlog 256 → 8192, netdev_backlog 1000 → 4096 ok");
        // every default of an existing unit: the long limit questions, then the preview (its live values carry arrows)
        typedOn(backend, "none\n\nyes\nprometheus-node-exporter\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", StandardCharsets.US_ASCII, 80, 24);
        String s = screen();
        assertThat(s).contains("MemoryMax, the memory limit").contains("->");
        // what golive writes itself (not a diff line, which the terminal folds) breaks between words, within 80 columns
        assertThat(s.split("\n")).filteredOn(l -> !l.matches("^([-+@ ]|--- |\\+\\+\\+ ).*") || l.startsWith("  "))
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
    }

    @Test
    void accepting_every_default_fixes_everything_with_the_recommended_profile_and_applies_after_confirming() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // enter for fixes (all), profile (recommended), service (no); then yes to apply
        var outcome = typed(backend, "\n\n\nyes\n");

        assertThat(outcome).isEqualTo(Guide.Outcome.APPLIED);
        assertThat(backend.plannedProfile).isEqualTo("web-api");
        assertThat(backend.plannedService).isEmpty();
        assertThat(backend.plannedFixes).isNotEmpty();
        assertThat(backend.applied).containsExactly("20261123-000000-test");
        assertThat(screen()).contains("Recommended for this host: web-api")
                .contains("golive rollback 20261123-000000-test")
                .doesNotContain("\u001b[");  // no colors, no cursor addressing: TERM=dumb stays readable
    }

    @Test
    void the_guide_ends_with_verify_naming_what_waits_for_a_restart() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.verification = new dev.golive.model.Verification("snapshot 20261123-000000-test", "20261123-000000-test",
                Optional.empty(), Optional.of("api.service"), List.of(
                        new dev.golive.model.Verification.Item(dev.golive.model.Verification.Kind.LIVE, "net.core.somaxconn", "8192", "8192",
                                dev.golive.model.Verification.Status.IN_EFFECT, "/proc/sys/net/core/somaxconn"),
                        new dev.golive.model.Verification.Item(dev.golive.model.Verification.Kind.PROCESS, "listen backlog 127.0.0.1:8080", "8192", "4096",
                                dev.golive.model.Verification.Status.NEEDS_RESTART, "PID 33 started 2026-11-23T00:00:00Z: systemctl restart api.service")),
                List.of(new dev.golive.model.Verification.BootValue("systemd-sysctl", "net.core.somaxconn", "8192", Optional.of("8192"),
                        Optional.of("/etc/sysctl.d/60-golive.conf:5"), true)), Optional.empty());
        assertThat(typed(backend, "\n\n\nyes\n")).isEqualTo(Guide.Outcome.APPLIED);
        String s = screen();
        assertThat(s.substring(s.indexOf("golive rollback 20261123-000000-test")))
                .contains("Verify (golive verify): 1 of 2 changes are not in effect yet:")
                .contains("needs service restart  listen backlog 127.0.0.1:8080: 8192 planned, now 4096")
                .contains("systemctl restart api.service")
                .contains("After the next boot: systemd-sysctl and systemd-tmpfiles set all 1 planned values.");
    }

    @Test
    void ctrl_c_while_the_apply_runs_does_not_stop_it_half_way_and_the_guide_stops_once_it_ended() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        try (Terminal t = new DumbTerminal("test", "dumb", new ByteArrayInputStream("\n\nno\nyes\n".getBytes(StandardCharsets.UTF_8)),
                screen, StandardCharsets.UTF_8)) {
            backend.duringApply = () -> t.raise(Terminal.Signal.INT);
            var outcome = new Guide(backend, new JLinePrompter(t, backend::listDir)).run();
            assertThat(outcome).isEqualTo(Guide.Outcome.APPLIED);
        }
        assertThat(backend.applied).as("the apply ran to its end").hasSize(1);
        String s = screen();
        assertThat(s).contains("not now: the apply is running; the guide stops when it ends")
                .contains("Applied. Snapshot " + backend.applied.get(0))
                .contains("golive guide: stopped (interrupted) once the apply ended");
        assertThat(s.substring(s.indexOf("stopped (interrupted)"))).as("no verify after the stop").doesNotContain("verify");
    }

    @Test
    void the_default_for_applying_is_no_and_then_nothing_is_written() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var outcome = typed(backend, "\n\n\n\n");
        assertThat(outcome).isEqualTo(Guide.Outcome.DECLINED);
        assertThat(backend.applied).isEmpty();
        assertThat(screen()).contains("Nothing was changed");
    }

    @Test
    void end_of_input_at_any_question_stops_before_anything_is_applied() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        assertThatThrownBy(() -> typed(backend, "none\n")).isInstanceOf(Prompter.Stopped.class);
        assertThat(backend.applied).isEmpty();
    }

    @Test
    void a_wrong_answer_is_explained_and_asked_again() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typed(backend, "1,99\nnone\nweb-apj\nbase\nno\n");
        assertThat(screen()).contains("numbers between 1 and 2").contains("no profile \"web-apj\" (did you mean \"web-api\"?)");
        assertThat(backend.plannedProfile).isEqualTo("base");
        assertThat(backend.plannedFixes).isEmpty();
    }

    @Test
    void picking_fixes_by_number_plans_exactly_their_changes() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typed(backend, "1\nnone\nno\nno\n");
        assertThat(backend.plannedFixes).containsExactly(new FixChange.SysctlChange("net.ipv4.tcp_max_syn_backlog", "4096"));
        assertThat(backend.plannedProfile).isEqualTo("none");
    }

    @Test
    void a_fix_that_is_only_the_admins_step_is_not_offered_as_one_golive_can_make() throws IOException {
        var backend = new RecordingBackend("centos7-v1"); // tcp_tw_recycle set in /etc/sysctl.conf, a file golive does not own
        typed(backend, "all\nnone\nno\nno\n");
        String offered = screen().substring(screen().indexOf("Findings golive can fix:"), screen().indexOf("Profiles:"));
        assertThat(offered).contains("NET-SOMAXCONN-LOW").doesNotContain("NET-TW-RECYCLE");
        assertThat(backend.plannedFixes).noneMatch(c -> c instanceof FixChange.SysctlRemoval);
    }

    @Test
    void service_answers_become_a_service_spec() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typed(backend, "none\nbase\nyes\napi\n/srv/api/api\n--listen :8080\n\n8080\n2G\n200%\n65536:524288\nstrict\nno\n");
        var spec = backend.plannedService.orElseThrow();
        assertThat(spec.unitName()).isEqualTo("api.service");
        assertThat(spec.exec()).contains("/srv/api/api");
        assertThat(spec.arguments()).containsExactly("--listen", ":8080");
        assertThat(spec.dynamicUser()).isTrue();
        assertThat(spec.ports()).containsExactly(8080);
        assertThat(spec.resources().memoryMax()).contains("2G");
        assertThat(spec.resources().cpuQuota()).contains("200%");
        assertThat(spec.resources().nofile().orElseThrow().hard()).isEqualTo(524288);
        assertThat(spec.hardening()).isEqualTo(dev.golive.model.ServiceSpec.Hardening.STRICT);
    }

    @Test
    void an_existing_units_values_are_the_defaults_so_taking_them_changes_only_what_was_typed() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // prometheus-node-exporter exists: enter at every service question but MemoryMax
        typed(backend, "none\nbase\nyes\nprometheus-node-exporter\n\n\n\n\n1G\n\n\n\nno\n");
        assertThat(screen()).contains("prometheus-node-exporter.service exists: its values are the defaults")
                .contains("Binary, an absolute path (e.g. /usr/local/bin/api) [/usr/bin/prometheus-node-exporter]")
                .contains("keep = as the unit says) [prometheus]");
        var spec = backend.plannedService.orElseThrow();
        var f = dev.golive.host.Fixtures.inspectService("ubuntu2004-hybrid+prometheus-node-exporter.service");
        var drop = dev.golive.unit.SpecFromUnit.of(f.service().orElseThrow(), f).changesOnly(spec);
        assertThat(drop.exec()).as("ExecStart= stays as the unit has it").isEmpty();
        assertThat(drop.user()).isEmpty();
        assertThat(drop.dynamicUser()).as("DynamicUser=yes would change who owns the service's files").isFalse();
        assertThat(drop.resources().memoryMax()).contains("1G");
        assertThat(drop.resources().cpuQuota()).isEmpty();
    }

    @Test
    void what_the_guide_does_not_ask_stays_as_the_existing_unit_has_it() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var logging = new dev.golive.model.ServiceSpec.Logging(Optional.of("node-exp"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        backend.unitSays = u -> {
            var r = u.resources();
            var controls = new dev.golive.model.ServiceSpec.Resources(r.cpuQuota(), r.memoryMax(), r.memoryHigh(), r.tasksMax(), r.nofile(), r.ioWeight(),
                    Optional.of(200), Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.of("0-1"));
            return new dev.golive.model.ServiceSpec(u.name(), u.description(), u.exec(), u.arguments(), u.user(), u.dynamicUser(), u.workingDirectory(),
                    u.stateDirectories(), u.environment(), u.ports(), controls, u.restart(), u.hardening(), u.go(), logging,
                    Optional.of("prometheus"), Optional.of("http://127.0.0.1:9100/metrics"));
        };
        // enter at every service question but MemoryMax
        typed(backend, "none\nbase\nyes\nprometheus-node-exporter\n\n\n\n\n1G\n\n\n\nno\n");
        var spec = backend.plannedService.orElseThrow();
        assertThat(spec.resources().memoryMax()).contains("1G");
        assertThat(spec.resources().cpuWeight()).contains(200);
        assertThat(spec.resources().cpuAffinity()).contains("0-1");
        assertThat(spec.logging().syslogIdentifier()).contains("node-exp");
        assertThat(spec.group()).contains("prometheus");
        assertThat(spec.healthUrl()).contains("http://127.0.0.1:9100/metrics");
    }

    @Test
    void a_refused_service_value_is_said_at_once_by_the_name_asked_and_asked_again() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typed(backend, "none\nbase\nyes\napi\n/srv/api/api\n\n\n8080\n2G\n2 CPUs\n200%\n\n\nno\n");
        String s = screen();
        String after = s.substring(s.indexOf("two CPUs; " + Guide.NONE_OR_INFINITY + ") [none]: "));
        // said right after the answer (a dumb terminal on a stream echoes nothing), before the next question
        assertThat(after).startsWith("two CPUs; " + Guide.NONE_OR_INFINITY + ") [none]:   \"2 CPUs\" is not a CPU quota")
                .doesNotContain("resources.cpuQuota");
        assertThat(after.substring(after.indexOf("is not a CPU quota")))
                .contains("CPUQuota, in % of one CPU (e.g. 50% = half a CPU, 200% = two CPUs; " + Guide.NONE_OR_INFINITY + ") [none]:");
        assertThat(backend.plannedService.orElseThrow().resources().cpuQuota()).contains("200%");
    }

    @Test
    void the_profiles_open_files_limit_is_the_default_and_none_asks_golive_to_set_none() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.profileSays = java.util.Map.of("LimitNOFILE", "1024:1048576");
        // enter at every service question: the profile's limit is what the default says and what is asked
        typed(backend, "none\nbase\nyes\napi\n/srv/api/api\n\n\n8080\n\n\n\n\nno\n");
        assertThat(screen()).contains("LimitNOFILE, open files soft:hard (e.g. 65536:524288; " + Guide.NONE_OR_INFINITY + ") [1024:1048576]:");
        var r = backend.plannedService.orElseThrow().resources();
        assertThat(r.nofile()).contains(new dev.golive.model.NofileLimit(1024, 1048576));
        assertThat(r.unset()).as("a new unit: golive sets no memory or CPU limit").containsExactlyInAnyOrder("memoryMax", "cpuQuota");

        var again = new RecordingBackend("ubuntu2004-hybrid");
        again.profileSays = backend.profileSays;
        screen.reset();
        typed(again, "none\nbase\nyes\napi\n/srv/api/api\n\n\n8080\n\ninfinity\nnone\n\nno\n");
        var s = again.plannedService.orElseThrow().resources();
        assertThat(s.nofile()).isEmpty();
        assertThat(s.unset()).as("none: not the profile's value either").containsExactlyInAnyOrder("nofile", "memoryMax");
        assertThat(s.cpuQuota()).contains("infinity");
    }

    @Test
    void on_the_live_host_a_binary_that_is_not_there_is_said_with_its_path_when_answered_and_asked_again() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.missingOnLiveHost = java.util.Set.of("/srv/api/gone");
        typed(backend, "none\nbase\nyes\napi\n/srv/api/gone\n/srv/api/api\n\n\n8080\n\n\n\n\nno\n");
        String s = screen();
        String after = s.substring(s.indexOf("/usr/local/bin/api; Tab completes): "));
        assertThat(after).startsWith("/usr/local/bin/api; Tab completes):   /srv/api/gone does not exist on this host (Type=exec would fail every start)\n");
        assertThat(after.substring(after.indexOf("would fail every start"))).contains("Binary, an absolute path");
        assertThat(backend.plannedService.orElseThrow().exec()).contains("/srv/api/api");
    }

    @Test
    void from_an_answers_file_a_binary_missing_on_the_live_host_names_its_line_and_nothing_is_planned() {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.missingOnLiveHost = java.util.Set.of("/srv/api/gone");
        var answers = AnswersFile.parse("setup.yaml", "fix: none\nprofile: base\nservice: yes\nservice.name: api\nservice.exec: /srv/api/gone\n"
                + "service.ports: 8080\napply: yes\n", Guide.QUESTION_IDS);
        assertThatThrownBy(() -> new Guide(backend, new AnswersPrompter(answers, new PrintWriter(new StringWriter()))).run())
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:5:15: service.exec: /srv/api/gone does not exist on this host (Type=exec would fail every start)");
        assertThat(backend.plannedService).isNull();
        assertThat(backend.applied).isEmpty();
    }

    /** New service api with fix 1 (so there is a file to write), every other service answer its default. */
    private static final String NEW_API = "1\nbase\nyes\napi\n/srv/api/api\n\n\n8080\n\n\n\n\n";

    @Test
    void after_yes_to_apply_the_guide_offers_to_finish_the_service_lists_the_steps_and_applies_them_in_the_same_snapshot() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // apply: yes; finish: yes; the binary; no health URL; confirm: yes
        var outcome = typed(backend, NEW_API + "yes\nyes\n/home/me/api/api\n\nyes\n");
        assertThat(outcome).isEqualTo(Guide.Outcome.APPLIED);
        assertThat(backend.installing).contains("/home/me/api/api");
        assertThat(backend.finished.steps()).extracting(dev.golive.model.FinishPlan.Step::kind).containsExactly(
                dev.golive.model.FinishPlan.Kind.CREATE_USER, dev.golive.model.FinishPlan.Kind.INSTALL_BINARY, dev.golive.model.FinishPlan.Kind.START_UNIT);
        assertThat(backend.finished.ports()).containsExactly(8080);
        assertThat(backend.applied).containsExactly("20261123-000000-test");
        String s = screen();
        String after = s.substring(s.indexOf("Also finish api.service"));
        assertThat(after).contains("Finish api.service:", "  install binary /home/me/api/api → /srv/api/api (0755 root:root)",
                "then health: api.service active, port 8080 listening", "Apply the plan and these 3 steps now (one snapshot holds it all)?",
                "  create user api: done", "golive rollback 20261123-000000-test", "health: skipped: ", "is a target tree, nothing runs in it");
    }

    @Test
    void on_the_live_host_the_finish_ends_with_the_health_step_and_says_what_failed() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.live = true;
        typed(backend, NEW_API + "yes\nyes\n\nhttp://127.0.0.1:8080/healthz\nyes\n");
        assertThat(backend.finished.healthUrl()).contains("http://127.0.0.1:8080/healthz");
        assertThat(screen()).contains("health of api.service:", "  FAIL  port 8080: nothing listens", "    api[33]: bind: address already in use",
                "api.service is not healthy; the apply stands: fix it and run golive health --service api.service --wait 20");
    }

    @Test
    void declining_the_finish_confirm_applies_nothing() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var outcome = typed(backend, NEW_API + "yes\nyes\n\n\n\n");
        assertThat(outcome).isEqualTo(Guide.Outcome.DECLINED);
        assertThat(backend.applied).isEmpty();
        assertThat(screen()).contains("Not applied. Nothing was changed on the host.");
    }

    @Test
    void no_to_the_finish_applies_the_plan_alone() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        assertThat(typed(backend, NEW_API + "yes\nno\n")).isEqualTo(Guide.Outcome.APPLIED);
        assertThat(backend.applied).containsExactly("20261123-000000-test");
        assertThat(backend.finished).isNull();
    }

    @Test
    void a_binary_that_cannot_be_read_is_said_and_asked_again() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        typed(backend, NEW_API + "yes\nyes\napi\n/build/api\n\nno\n");
        assertThat(screen()).contains("api: no such file");
        assertThat(backend.installing).contains("/build/api");
    }

    @Test
    void an_answers_file_finishes_the_service_and_a_bad_health_url_fails_at_its_line() {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        String base = "fix: 1\nprofile: base\nservice: yes\nservice.name: api\nservice.exec: /srv/api/api\napply: yes\nfinish: yes\n";
        var answers = AnswersFile.parse("setup.yaml", base + "finish.binary: /build/api\nfinish.confirm: yes\n", Guide.QUESTION_IDS);
        StringWriter out = new StringWriter();
        assertThat(new Guide(backend, new AnswersPrompter(answers, new PrintWriter(out))).run()).isEqualTo(Guide.Outcome.APPLIED);
        assertThat(out.toString()).contains("The binary to install as /srv/api/api (a file on this machine; empty: none, the one there stays): /build/api",
                "  enable and start api.service: done");

        var bad = AnswersFile.parse("setup.yaml", base + "finish.health-url: ftp://127.0.0.1/\nfinish.confirm: yes\n", Guide.QUESTION_IDS);
        var again = new RecordingBackend("ubuntu2004-hybrid");
        assertThatThrownBy(() -> new Guide(again, new AnswersPrompter(bad, new PrintWriter(new StringWriter()))).run())
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:8:20: finish.health-url: \"ftp://127.0.0.1/\": expected an http:// or https:// URL");
        assertThat(again.applied).isEmpty();
    }

    @Test
    void the_unit_validators_warnings_are_said_under_the_questions_as_golive_unit_prints_them() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        // the binary cannot be seen on this fixture: golive unit warns, and so does the guide
        typed(backend, "none\nbase\nyes\napi\n/srv/api/api\n\nroot\n8080\n\n\n\n\nno\n");
        String s = screen();
        assertThat(s.substring(s.indexOf("Hardening (none, basic or strict)")))
                .contains("  warning: Binary: cannot tell whether /srv/api/api exists: test")
                .doesNotContain("warning: exec:");
    }

    @Test
    void a_read_only_root_previews_but_never_applies() throws IOException {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        backend.readOnly = java.util.Optional.of("the root is a .tar.gz capture");
        var outcome = typed(backend, "\n\n\n");
        assertThat(outcome).isEqualTo(Guide.Outcome.READ_ONLY);
        assertThat(screen()).contains("Not applying: the root is a .tar.gz capture");
        assertThat(backend.applied).isEmpty();
    }

    @Test
    void an_answers_file_replays_the_flow_without_a_terminal() {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var answers = AnswersFile.parse("setup.yaml", "fix: none\nprofile: web-api\nservice: no\napply: yes\n", Guide.QUESTION_IDS);
        StringWriter out = new StringWriter();
        var outcome = new Guide(backend, new AnswersPrompter(answers, new PrintWriter(out))).run();
        assertThat(outcome).isEqualTo(Guide.Outcome.NOTHING_TO_DO);
        assertThat(out.toString()).contains("Profile (tab completes): web-api").contains("Nothing to change");
    }

    @Test
    void an_answers_file_with_a_mistyped_key_fails_with_its_line_and_column() {
        assertThatThrownBy(() -> AnswersFile.parse("setup.yaml", "fix: all\nprofle: web-api\n", Guide.QUESTION_IDS))
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:2:1: unknown key \"profle\" (did you mean \"profile\"?)");
    }

    @Test
    void a_service_value_the_unit_cannot_hold_fails_at_its_line_in_the_answers_file() {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var answers = AnswersFile.parse("setup.yaml", "fix: none\nprofile: base\nservice: yes\nservice.name: api\n"
                + "service.exec: /srv/api/api\nservice.cpu-quota: 2 CPUs\napply: no\n", Guide.QUESTION_IDS);
        assertThatThrownBy(() -> new Guide(backend, new AnswersPrompter(answers, new PrintWriter(new StringWriter()))).run())
                .isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("setup.yaml:6:20: service.cpu-quota: \"2 CPUs\" is not a CPU quota");
        assertThat(backend.applied).isEmpty();
    }

    @Test
    void an_answers_file_indented_with_a_tab_fails_at_the_tab() {
        assertThatThrownBy(() -> AnswersFile.parse("setup.yaml", "fix: all\n\tprofile: base\n", Guide.QUESTION_IDS))
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:2:1: not valid YAML: found character 'tab' that cannot start any token. (Do not use tab for indentation)");
    }

    @Test
    void an_answers_file_alias_is_refused_instead_of_read_as_its_name() {
        assertThatThrownBy(() -> AnswersFile.parse("setup.yaml", "fix: &a all\nprofile: *a\n", Guide.QUESTION_IDS))
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:2:10: \"profile\": an alias (*a) is not an answer; write the value");
    }

    @Test
    void an_answers_file_with_a_second_document_fails_where_it_starts_instead_of_dropping_it() {
        assertThatThrownBy(() -> AnswersFile.parse("setup.yaml", "fix: all\n---\nfix: none\n", Guide.QUESTION_IDS))
                .isInstanceOf(GoliveException.class)
                .hasMessageStartingWith("setup.yaml:3:1: a second YAML document");
    }

    @Test
    void an_answer_the_question_rejects_fails_where_it_stands_before_anything_is_applied() {
        var backend = new RecordingBackend("ubuntu2004-hybrid");
        var answers = AnswersFile.parse("setup.yaml", "fix: all\nprofile: web-apj\n", Guide.QUESTION_IDS);
        assertThatThrownBy(() -> new Guide(backend, new AnswersPrompter(answers, new PrintWriter(new StringWriter()))).run())
                .isInstanceOf(GoliveException.class)
                .hasMessage("setup.yaml:2:10: profile: no profile \"web-apj\" (did you mean \"web-api\"?)");
        assertThat(backend.applied).isEmpty();
    }

    @Test
    void selections_parse_ranges_and_reject_what_is_out_of_the_list() {
        assertThat(Selection.parse("1,3-4", 5)).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 3, 4));
        assertThat(Selection.parse("all", 3)).hasValueSatisfying(s -> assertThat(s).containsExactly(1, 2, 3));
        assertThat(Selection.parse("none", 3)).hasValueSatisfying(s -> assertThat(s).isEmpty());
        assertThat(Selection.parse("0", 3)).isEmpty();
        assertThat(Selection.parse("2-1", 3)).isEmpty();
        assertThat(Selection.parse("x", 3)).isEmpty();
    }
}
