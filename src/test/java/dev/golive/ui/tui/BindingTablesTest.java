package dev.golive.ui.tui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key tables are the only source of keys: every binding must be reachable (no other
 * binding on the same screen or in the global table takes its key), shown in the help, and
 * safe to press on a real host.
 */
class BindingTablesTest {

    private static List<View> screens(TuiApp app) {
        List<View> all = new ArrayList<>(app.tabs());
        all.add(new HelpView(app, app.tabs().get(0)));
        return all;
    }

    @Test
    void everyBindingOnEveryScreenIsReachableByItsKeys() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            TuiApp app = tui.app;
            for (int i = 0; i < app.tabs().size(); i++) {
                tui.press(String.valueOf(i + 1));
                View v = app.current();
                assertThat(v).isSameAs(app.tabs().get(i));
                for (Binding b : v.bindings()) {
                    for (String k : b.keys()) {
                        assertThat(app.resolve(k)).as("%s on %s", k, v.title()).containsSame(b);
                    }
                }
                for (Binding g : app.globals()) {
                    for (String k : g.keys()) {
                        assertThat(app.resolve(k)).as("global %s on %s", k, v.title()).containsSame(g);
                    }
                }
            }
        }
    }

    @Test
    void noTableUsesAKeyTwice() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            for (View v : screens(tui.app)) {
                Set<String> seen = new HashSet<>();
                for (Binding b : v.bindings()) for (String k : b.keys()) assertThat(seen.add(k)).as("%s twice on %s", k, v.title()).isTrue();
                for (Binding g : tui.app.globals()) for (String k : g.keys()) assertThat(seen.add(k)).as("%s on %s and global", k, v.title()).isTrue();
            }
        }
    }

    @Test
    void everyBindingIsInTheHelp() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 120, 40)) {
            for (View v : screens(tui.app)) {
                HelpView help = new HelpView(tui.app, v);
                List<HelpView.Line> lines = help.lines(120);
                List<Binding> all = new ArrayList<>(v.bindings());
                all.addAll(tui.app.globals());
                for (View other : tui.app.tabs()) all.addAll(other.bindings());
                for (Binding b : all) {
                    assertThat(lines).as("help from %s lists %s", v.title(), b.keyText())
                            .anyMatch(l -> l.keys().equals(b.keyText()) && b.help().startsWith(l.text()));
                }
                assertThat(lines.get(0).text()).startsWith(v.title());
            }
        }
    }

    @Test
    void pressingEveryKeyOnEveryScreenKeepsTheScreenWhole() {
        try (TuiDriver tui = TuiDriver.onFixture("centos7-v1", 80, 24)) {
            for (int i = 0; i < tui.app.tabs().size(); i++) {
                View v = tui.app.tabs().get(i);
                for (Binding b : v.bindings()) {
                    tui.press(String.valueOf(i + 1)).press(b.keys().get(0));
                    assertThat(tui.row(0)).as("after %s on %s", b.keyText(), v.title()).contains("golive");
                    // a key may ask something (save plan asks for a path); it may not fail
                    assertThat(tui.app.dialog().map(Dialog::title)).as("no error after %s on %s", b.keyText(), v.title()).isNotEqualTo(java.util.Optional.of("Error"));
                    if (tui.app.dialog().isPresent()) tui.press("esc");
                }
            }
            tui.press("?", "j", "pgdn", "G", "g", "esc");
            assertThat(tui.row(1)).doesNotContain("Help");
        }
    }

    @Test
    void tabAndShiftTabWalkThroughEveryScreen() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            Set<String> visited = new HashSet<>();
            for (int i = 0; i < tui.app.tabs().size(); i++) {
                visited.add(tui.app.current().title());
                tui.press("tab");
            }
            assertThat(visited).hasSize(tui.app.tabs().size());
            assertThat(tui.app.current().title()).isEqualTo("Overview");
            tui.press("shift-tab");
            assertThat(tui.app.current()).isSameAs(tui.app.tabs().get(tui.app.tabs().size() - 1));
        }
    }

    @Test
    void aKeyWithNoListSaysWhyInsteadOfFiltering() {
        try (TuiDriver tui = TuiDriver.onFixture("debian12-vm", 80, 24)) {
            // the Overview has a list (its areas); the help's filter is tested elsewhere
            tui.press("2", "/");
            assertThat(tui.row(22)).startsWith("/_");
        }
    }
}
