package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.HostFacts;
import dev.golive.model.ProposedFix;
import dev.golive.model.Severity;
import dev.golive.model.Source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One check: a stable ID, what it is about, why it matters in plain words, how to fix it,
 * where to read more, and a pure function from host facts to findings. The texts here are
 * the ones every UI shows (golive explain, the TUI's help, the JSON).
 *
 * <p>Evaluators must cope with Unknown facts by finding nothing: a check that cannot be
 * made is not a problem on the host.
 */
public record Rule(
        String id,
        Severity severity,
        Area area,
        Scope scope,
        String title,
        String why,
        String fixText,
        String reference,
        Evaluator evaluator) {

    /** HOST rules look at the machine; SERVICE rules need --service NAME; MANIFEST rules read Dockerfiles and Kubernetes YAML (check --manifest). */
    public enum Scope { HOST, SERVICE, MANIFEST }

    @FunctionalInterface
    public interface Evaluator {
        List<Finding> evaluate(Rule rule, HostFacts facts);
    }

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    public Rule {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(evaluator, "evaluator");
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("rule id " + id);
        if (title == null || title.isBlank() || why == null || why.isBlank() || fixText == null || fixText.isBlank()
                || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("rule " + id + " lacks a text");
        }
    }

    static Rule host(String id, Severity s, Area a, String title, String why, String fix, String ref, Evaluator e) {
        return new Rule(id, s, a, Scope.HOST, title, why, fix, ref, e);
    }

    static Rule service(String id, Severity s, Area a, String title, String why, String fix, String ref, Evaluator e) {
        return new Rule(id, s, a, Scope.SERVICE, title, why, fix, ref, e);
    }

    /** Runs the check; a SERVICE rule finds nothing when no service was given. */
    public List<Finding> evaluate(HostFacts facts) {
        if (scope == Scope.SERVICE && facts.service().isEmpty()) return List.of();
        return List.copyOf(evaluator.evaluate(this, facts));
    }

    public Finding finding(String message, List<Source> sources, ProposedFix fix) {
        return new Finding(id, severity, area, title, message, sources, Optional.ofNullable(fix));
    }

    /** A finding whose title names what it is about, where one rule finds several (e.g. which dead key). */
    public Finding titled(String title, String message, List<Source> sources, ProposedFix fix) {
        return new Finding(id, severity, area, title, message, sources, Optional.ofNullable(fix));
    }

    public Finding finding(String message, List<Source> sources) {
        return finding(message, sources, null);
    }

    /** Convenience for the common case: one finding, or none. */
    public List<Finding> one(String message, List<Source> sources, ProposedFix fix) {
        return List.of(finding(message, sources, fix));
    }
}
