package dev.golive.config;

import dev.golive.app.GuideAnswers;
import dev.golive.config.Yaml.Cut;
import dev.golive.config.Yaml.ListNode;
import dev.golive.config.Yaml.MapNode;
import dev.golive.config.Yaml.Node;
import dev.golive.config.Yaml.Scalar;
import dev.golive.config.Yaml.ScalarType;
import dev.golive.model.GoliveException;
import dev.golive.unit.SpecYaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * golive's one YAML reader: every value located, typed scalars, repeated keys kept for the
 * reader to refuse, and a syntax error kept where the file broke, so that each reader reports
 * the first problem in file order (a mistyped key on line 2 before a broken list on line 3).
 */
class YamlTest {

    private static Node first(String text) {
        try (Yaml.Documents d = Yaml.documents("f.yaml", text)) {
            return d.next().orElseThrow();
        }
    }

    @Test
    void scalars_keep_their_type_and_place() {
        MapNode m = (MapNode) first("s: x\ni: 5\nf: 1.5\nb: true\nn: ~\n");
        assertThat(m.all()).extracting(e -> ((Scalar) e.value()).type())
                .containsExactly(ScalarType.STRING, ScalarType.INT, ScalarType.FLOAT, ScalarType.BOOL, ScalarType.NULL);
        assertThat(m.entries().get("f").value().loc().prefix()).isEqualTo("f.yaml:3:4");
        assertThat(m.entries().get("f").keyLoc().prefix()).isEqualTo("f.yaml:3:1");
    }

    @Test
    void a_repeated_key_is_kept_for_the_reader_to_refuse() {
        MapNode m = (MapNode) first("a: 1\na: 2\n");
        assertThat(m.all()).hasSize(2);
        assertThat(m.duplicate(1)).hasValueSatisfying(e -> assertThat(e.keyLoc().line()).isEqualTo(1));
        assertThat(m.entries().get("a").value()).isEqualTo(new Scalar(new Yaml.Loc("f.yaml", 1, 4), ScalarType.INT, "1", false));
    }

    @Test
    void a_syntax_error_leaves_what_came_before_and_a_cut_where_it_broke() {
        MapNode m = (MapNode) first("a: 1\nb: [x, y\nc: {\n");
        ListNode b = (ListNode) m.entries().get("b").value();
        assertThat(b.items()).hasSize(3);
        assertThat(b.items().get(2)).isInstanceOf(Cut.class);
        assertThatThrownBy(() -> Yaml.whole(b.items().get(2))).isInstanceOfSatisfying(Yaml.SyntaxError.class, e -> {
            assertThat(e.line() + ":" + e.col()).isEqualTo("3:2");
            assertThat(e.original()).hasValueSatisfying(o -> assertThat(o).startsWith("while parsing a flow sequence"));
        });
    }

    @Test
    void each_reader_reports_the_first_problem_in_file_order() {
        String brokenAfterATypo = "name: app\nexex: /bin/app\nargs: [a\n";
        assertThatThrownBy(() -> SpecYaml.parse("s.yaml", brokenAfterATypo)).isInstanceOf(GoliveException.class)
                .hasMessage("s.yaml:2:1: unknown key \"exex\" (did you mean \"exec\"?)");
        assertThatThrownBy(() -> LocatedYaml.parse("k.yaml", "kind: Pod\nkind: Pod\nspec: [\n")).isInstanceOf(GoliveException.class)
                .hasMessage("k.yaml:2:1: duplicate key \"kind\"");
        assertThatThrownBy(() -> GuideAnswers.read("a.yaml", "fix: all\nfixx: none\n\tbad\n", List.of("fix"))).isInstanceOf(GoliveException.class)
                .hasMessage("a.yaml:2:1: unknown key \"fixx\" (did you mean \"fix\"?)");
        assertThatThrownBy(() -> LocatedYaml.parse("k.yaml", "a: 1\nb: [x, y\nc: {\n")).isInstanceOf(GoliveException.class)
                .hasMessage("k.yaml:3:2: YAML syntax error: while parsing a flow sequence");
    }
}
