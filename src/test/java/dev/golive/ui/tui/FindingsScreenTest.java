package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the findings of a host, narrowing them, and picking fixes for the plan. */
class FindingsScreenTest {

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"centos7-v1, 80, 24", "centos7-v1, 120, 40"})
    void theFindingsScreenListsWorstFirstWithTheSelectedOneExplained(String host, int cols, int rows) {
        try (TuiDriver tui = TuiDriver.onFixture(host, cols, rows)) {
            tui.press("2");
            tui.matchesGolden("findings-" + host + "-" + cols + "x" + rows);
            assertThat(tui.text()).contains("NET-TW-RECYCLE", "Why", "Fix", "Source");
        }
    }

    @Test
    void aUrlInTheDetailIsNeverBrokenAcrossLines() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("2");
            // the pane is 50 columns wide: "…ip-sysctl.html;" does not fit, the URL alone does
            assertThat(tui.text()).contains("https://docs.kernel.org/networking/ip-sysctl.html\n");
        }
    }

    /** Every URL a finding's detail names is on screen whole, also one wider than the detail pane at 110 and 120 columns. */
    @ParameterizedTest(name = "{0} at {1}x40")
    @CsvSource({"centos7-v1, 120", "centos7-v1, 110", "ubuntu2004-hybrid, 120", "sparse, 120", "container-quota, 120"})
    void everyUrlOfEveryFindingIsWholeOnTheScreen(String fixture, int cols) {
        java.util.regex.Pattern url = java.util.regex.Pattern.compile("https?://[^\\s]+");
        try (TuiDriver tui = TuiDriver.onFixture(fixture, cols, 40)) {
            tui.press("2");
            int findings = ((ListPane<?>) tui.app.current().list()).shown().size();
            for (int i = 0; i < findings; i++) {
                var f = (dev.golive.model.Finding) ((ListPane<?>) tui.app.current().list()).selected().orElseThrow();
                StringBuilder seen = new StringBuilder();
                for (int k = 0; k < 40; k++) {
                    seen.append(tui.text());
                    tui.press("J");
                }
                var m = url.matcher(dev.golive.check.RuleCatalog.byId(f.ruleId()).orElseThrow().reference());
                while (m.find()) assertThat(seen.toString()).as(f.ruleId()).contains(Dialog.urlPart(m.group()));
                tui.press("j");
            }
        }
    }

    @Test
    void movingDownExplainsTheNextFindingAndShowsWhereItWasRead() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("2", "j", "j", "j");
            tui.matchesGolden("findings-centos7-v1-120x40-fourth");
        }
    }

    @Test
    void enterOnAFixableFindingPutsItInThePendingPlanAndEnterAgainTakesItOut() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/somaxconn").press("enter");
            assertThat(tui.text()).contains("NET-SOMAXCONN-LOW").doesNotContain("NET-TW-RECYCLE");
            tui.press("enter");
            assertThat(tui.row(0)).contains("plan: 1 fix picked");
            assertThat(tui.row(22)).contains("NET-SOMAXCONN-LOW: added to the pending plan");
            tui.matchesGolden("findings-centos7-v1-80x24-picked");
            assertThat(tui.app.model().pickedChanges()).extracting(Object::toString).anyMatch(s -> s.contains("net.core.somaxconn"));
            tui.press("enter");
            assertThat(tui.row(0)).doesNotContain("plan:");
        }
    }

    @Test
    void aFindingGoliveCannotFixSaysSoInsteadOfPickingIt() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/GO-TOOLCHAIN-MISSING").press("enter");
            assertThat(tui.row(23)).as("the footer offers no pick on it").doesNotContain("pick fix");
            tui.press("enter");
            assertThat(tui.row(22)).endsWith("pick fix: golive cannot change this itself; see Fix");
            assertThat(tui.app.model().picked()).isEmpty();
        }
    }

    @Test
    void aFixGoliveCanOnlyTurnIntoAManualStepIsNotPickableAndSaysTheStep() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            // tcp_tw_recycle is set in /etc/sysctl.conf, a file golive does not own
            tui.press("2").type("/NET-TW-RECYCLE").press("enter");
            assertThat(tui.text().replace("\n", " ").replaceAll(" +", " "))
                    .contains("manual: remove or comment out net.ipv4.tcp_tw_recycle in /etc/sysctl.conf:");
            tui.press("enter");
            assertThat(tui.row(23)).doesNotContain("pick fix");
            assertThat(tui.row(22)).endsWith("pick fix: a step for you, not golive; see Fix");
            assertThat(tui.app.model().picked()).isEmpty();
            assertThat(tui.row(0)).doesNotContain("plan:");
        }
    }

    @Test
    void aDeadSysctlKeyInTheAdminsOwnFileIsAStepForThemNotAPickedFix() throws Exception {
        String tree = TuiDriver.targetTree("debian12-vm");
        // tcp_low_latency left Linux in 4.14: the tree's /proc/sys (kernel 6.1) has no such key
        java.nio.file.Path f = java.nio.file.Path.of(tree, "etc/sysctl.d/50-tuning.conf");
        java.nio.file.Files.createDirectories(f.getParent());
        java.nio.file.Files.writeString(f, "# mine\nnet.core.somaxconn = 8192\nnet.ipv4.tcp_low_latency = 1\n");
        try (TuiDriver tui = TuiDriver.on(tree, false, 80, 24)) {
            tui.press("2").type("/SYSCTL-DEAD-KEY").press("enter");
            assertThat(tui.text().replace("\n", " ").replaceAll(" +", " "))
                    .contains("manual: remove or comment out net.ipv4.tcp_low_latency in /etc/sysctl.d/50-tuning.conf:3");
            assertThat(tui.row(23)).doesNotContain("pick fix");
            tui.press("enter");
            assertThat(tui.row(22)).endsWith("pick fix: a step for you, not golive; see Fix");
            assertThat(tui.app.model().picked()).isEmpty();
            assertThat(tui.row(0)).doesNotContain("plan:");
        }
    }

    @Test
    void severityAndAreaNarrowTheList() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2", "s", "s");
            assertThat(tui.row(2)).contains("severity ≥ error", "1 of 10");
            tui.press("s", "a", "a");
            assertThat(tui.row(2)).contains("severity ≥ info", "area memory", "2 of 10");
            assertThat(tui.text()).contains("MEM-THP-ALWAYS").doesNotContain("NET-TW-RECYCLE");
        }
    }

    @Test
    void escClearsTheFilter() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/thp").press("enter");
            assertThat(tui.row(22)).contains("filter: thp", "2 of 10");
            tui.press("esc");
            assertThat(tui.row(2)).contains("10 of 10");
        }
    }

    @Test
    void oneEscClearsSeverityAreaAndTextTogetherAndTheScreenSaysSo() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2", "s", "a");
            assertThat(tui.row(2)).contains("severity ≥ warn", "area cpu", "0 of 10", "esc: show all");
            assertThat(tui.text()).contains("No findings match: esc shows all 10 again");
            tui.press("esc");
            assertThat(tui.row(2)).contains("severity ≥ info", "area all", "10 of 10").doesNotContain("esc:");
            tui.press("s").type("/thp").press("enter", "esc");
            assertThat(tui.row(2)).contains("severity ≥ info", "10 of 10");
            assertThat(tui.row(22)).doesNotContain("filter:");
            tui.press("esc");
            assertThat(tui.app.current().title()).as("a second esc on a main screen changes nothing").isEqualTo("Findings");
        }
    }

    @Test
    void escAfterOpeningAnAreaFromTheOverviewShowsEveryFindingAgain() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("j", "j", "enter");
            assertThat(tui.row(2)).contains("area memory", "of 10", "esc: show all");
            tui.press("esc");
            assertThat(tui.row(2)).contains("area all", "10 of 10");
        }
    }

    @Test
    void theSameRuleFoundTwiceNamesWhatEachFindingIsAbout() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            tui.press("2").type("/SYSCTL-MODULE-KEY").press("enter");
            var rows = java.util.Arrays.stream(tui.text().split("\n")).filter(l -> l.contains(" info  SYSCTL-MODULE-KEY ")).toList();
            assertThat(rows).hasSize(3).doesNotHaveDuplicates();
            assertThat(tui.row(3)).contains("net.bridge.bridge-nf-call-ip6tables: mo…");
            assertThat(tui.text()).contains("(/usr/lib/sysctl.d/00-system.conf:7)");
        }
    }

    @Test
    void aTitleTooLongForTheListEndsInAnEllipsisAndTheDetailHasItWhole() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/ip6tables").press("enter");
            assertThat(tui.row(3)).endsWith("…");
            assertThat(tui.text()).contains("net.bridge.bridge-nf-call-ip6tables: module br_netfilter not loaded");
        }
    }

    @Test
    void theThpFindingsArePickedLikeAnyFixTheProfilesWouldMake() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            tui.press("2").type("/THP-DEFRAG").press("enter", "enter");
            assertThat(tui.row(22)).contains("MEM-THP-DEFRAG-ALWAYS: added to the pending plan");
            // kernel 3.10 has no defer+madvise: the same fallback base.yaml takes
            assertThat(tui.text()).contains("sysfs transparent_hugepage.defrag = madvise");
        }
    }
}
