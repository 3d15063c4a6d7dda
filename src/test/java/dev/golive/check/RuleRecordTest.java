package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.ProposedFix;
import dev.golive.model.Severity;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a rule must carry to be shown (an ID, its texts), and how it runs on a host with and without a service. */
class RuleRecordTest {

    static final Rule.Evaluator ALWAYS = (r, h) -> r.one("found", List.of(Source.File.of("/etc/x")), null);

    static Rule rule(String id, String title, String why, String fix, String ref) {
        return new Rule(id, Severity.WARN, Area.UNIT, Rule.Scope.HOST, title, why, fix, ref, ALWAYS);
    }

    @ParameterizedTest(name = "id {0}")
    @CsvSource(delimiter = '|', textBlock = """
            NET-SOMAXCONN-LOW | true
            K8S-NO-PROBES     | true
            A1-B2             | true
            NET               | false
            net-somaxconn     | false
            NET-              | false
            -NET-X            | false
            1NET-X            | false
            'NET X-Y'         | false
            """)
    void anIdIsUpperCaseWordsJoinedByDashes(String id, boolean valid) {
        if (valid) {
            assertThat(rule(id, "t", "w", "f", "r").id()).isEqualTo(id);
        } else {
            assertThatThrownBy(() -> rule(id, "t", "w", "f", "r")).isInstanceOf(IllegalArgumentException.class).hasMessage("rule id " + id);
        }
    }

    @Test
    void aRuleWithoutIdIsRefused() {
        assertThatThrownBy(() -> rule(null, "t", "w", "f", "r")).isInstanceOf(IllegalArgumentException.class).hasMessage("rule id null");
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            title null     | NULL | w    | f    | r
            title blank    | ' '  | w    | f    | r
            why null       | t    | NULL | f    | r
            why blank      | t    | ''   | f    | r
            fix null       | t    | w    | NULL | r
            fix blank      | t    | w    | '  ' | r
            reference null | t    | w    | f    | NULL
            reference blank| t    | w    | f    | ' '
            """)
    void everyTextIsRequired(String what, String title, String why, String fix, String ref) {
        assertThatThrownBy(() -> rule("X-Y", title, why, fix, ref)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule X-Y lacks a text");
    }

    @Test
    void severityAreaScopeAndEvaluatorAreRequired() {
        assertThatThrownBy(() -> new Rule("X-Y", null, Area.UNIT, Rule.Scope.HOST, "t", "w", "f", "r", ALWAYS))
                .isInstanceOf(NullPointerException.class).hasMessage("severity");
        assertThatThrownBy(() -> new Rule("X-Y", Severity.WARN, null, Rule.Scope.HOST, "t", "w", "f", "r", ALWAYS))
                .isInstanceOf(NullPointerException.class).hasMessage("area");
        assertThatThrownBy(() -> new Rule("X-Y", Severity.WARN, Area.UNIT, null, "t", "w", "f", "r", ALWAYS))
                .isInstanceOf(NullPointerException.class).hasMessage("scope");
        assertThatThrownBy(() -> new Rule("X-Y", Severity.WARN, Area.UNIT, Rule.Scope.HOST, "t", "w", "f", "r", null))
                .isInstanceOf(NullPointerException.class).hasMessage("evaluator");
    }

    @Test
    void aServiceRuleFindsNothingWithoutAServiceAndRunsWithOne() {
        Rule host = Rule.host("X-HOST", Severity.INFO, Area.UNIT, "t", "w", "f", "r", ALWAYS);
        Rule service = Rule.service("X-SERVICE", Severity.ERROR, Area.UNIT, "t", "w", "f", "r", ALWAYS);
        assertThat(host.scope()).isEqualTo(Rule.Scope.HOST);
        assertThat(service.scope()).isEqualTo(Rule.Scope.SERVICE);
        assertThat(service.evaluate(TestHosts.healthy().build())).isEmpty();
        assertThat(service.evaluate(TestHosts.withService().build())).extracting(Finding::ruleId).containsExactly("X-SERVICE");
        assertThat(host.evaluate(TestHosts.healthy().build())).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void theFindingsARuleReturnsCannotBeChangedLater() {
        List<Finding> kept = new ArrayList<>();
        Rule r = Rule.host("X-LIST", Severity.WARN, Area.UNIT, "t", "w", "f", "r", (rule, h) -> {
            kept.add(rule.finding("one", List.of()));
            return kept;
        });
        List<Finding> out = r.evaluate(TestHosts.healthy().build());
        kept.add(r.finding("two", List.of()));
        assertThat(out).extracting(Finding::message).containsExactly("one");
        assertThatThrownBy(() -> out.add(r.finding("three", List.of()))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFindingCarriesTheRulesIdSeverityAreaAndTitleUnlessItNamesItsOwn() {
        Rule r = Rule.host("X-TEXT", Severity.ERROR, Area.MEMORY, "the rule's title", "w", "f", "r", ALWAYS);
        List<Source> at = List.of(Source.File.of("/etc/x"));
        ProposedFix fix = ProposedFix.advice("do it");
        Finding plain = r.finding("m", at, fix);
        assertThat(plain).isEqualTo(new Finding("X-TEXT", Severity.ERROR, Area.MEMORY, "the rule's title", "m", at, java.util.Optional.of(fix)));
        assertThat(r.finding("m", at).fix()).isEmpty();
        assertThat(r.finding("m", at, null).fix()).isEmpty();
        Finding titled = r.titled("vm.swappiness = 0", "m", at, null);
        assertThat(titled.title()).isEqualTo("vm.swappiness = 0");
        assertThat(titled.ruleId()).isEqualTo("X-TEXT");
        assertThat(titled.severity()).isEqualTo(Severity.ERROR);
        assertThat(titled.area()).isEqualTo(Area.MEMORY);
        assertThat(titled.fix()).isEmpty();
        assertThat(r.titled("t", "m", at, fix).fix()).contains(fix);
        assertThat(r.one("m", at, fix)).containsExactly(plain);
    }
}
