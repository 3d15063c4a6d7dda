package dev.golive.check;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogTest {

    @Test
    void atLeast35RulesWithUniqueStableIdsAndAllTexts() {
        assertThat(RuleCatalog.all()).hasSizeGreaterThanOrEqualTo(35);
        Set<String> ids = new HashSet<>();
        for (Rule r : RuleCatalog.all()) {
            assertThat(ids.add(r.id())).as("unique " + r.id()).isTrue();
            assertThat(r.why().split("\\. ").length).as(r.id() + " explains in several sentences").isGreaterThanOrEqualTo(2);
            assertThat(r.reference()).as(r.id()).matches(".*(man \\d|https://|NEWS|go version).*");
            assertThat(r.title().length()).as(r.id() + " title fits a line").isLessThanOrEqualTo(60);
        }
    }

    @Test
    void looksUpIdsIgnoringCaseAndSuggestsNearMisses() {
        assertThat(RuleCatalog.byId("net-somaxconn-low")).isPresent();
        assertThat(RuleCatalog.byId("NET-SOMAXCON-LOW")).isEmpty();
        assertThat(RuleCatalog.suggest("NET-SOMAXCON-LOW")).contains("NET-SOMAXCONN-LOW");
        assertThat(RuleCatalog.suggest("TW-RECYCLE")).contains("NET-TW-RECYCLE");
        assertThat(RuleCatalog.suggest("XYZZY-QUUX-FROB-NICATE")).isEmpty();
    }
}
