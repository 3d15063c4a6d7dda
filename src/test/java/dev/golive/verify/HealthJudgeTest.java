package dev.golive.verify;

import dev.golive.model.Fact;
import dev.golive.model.ServiceHealth;
import dev.golive.model.Source;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The health verdict after a finish, from what systemd, /proc/net/tcp, the URL and the journal said. */
class HealthJudgeTest {

    static ServiceHealth.Facts facts(String active, String restarts, List<Integer> listening, Optional<ServiceHealth.UrlAnswer> url) {
        return new ServiceHealth.Facts("app.service",
                Fact.of(Map.of("ActiveState", active, "SubState", active.equals("active") ? "running" : "dead", "NRestarts", restarts,
                        "Result", "success", "MainPID", "412"), new Source.Command("systemctl show")),
                Fact.of(listening, new Source.Derived("LISTEN sockets in /proc/net/tcp")), url,
                Fact.of(List.of("Dec 07 app[412]: listening on :8080"), new Source.Command("journalctl")));
    }

    @Test
    void activeListeningAnsweringAndNotRestartingIsHealthy() {
        ServiceHealth h = HealthJudge.judge(facts("active", "0", List.of(22, 8080),
                Optional.of(new ServiceHealth.UrlAnswer("http://127.0.0.1:8080/healthz", 200, ""))), List.of(8080), OptionalInt.of(0));
        assertThat(h.ok()).isTrue();
        assertThat(HealthJudge.lines(h)).containsExactly(
                "ok    app.service is active: active (running), main pid 412",
                "ok    no automatic restart since the start: NRestarts 0 → 0",
                "ok    port 8080 listens: LISTEN on tcp 8080",
                "ok    http://127.0.0.1:8080/healthz answers: HTTP 200",
                "last journal lines of app.service:",
                "  Dec 07 app[412]: listening on :8080");
    }

    @Test
    void aCrashLoopShowsAsTheRestartCounterMovingAndTheMissingPort() {
        ServiceHealth h = HealthJudge.judge(facts("active", "3", List.of(22),
                Optional.of(new ServiceHealth.UrlAnswer("http://127.0.0.1:8080/healthz", -1, "ConnectException"))), List.of(8080), OptionalInt.of(0));
        assertThat(h.ok()).isFalse();
        assertThat(HealthJudge.lines(h)).contains(
                "FAIL  no automatic restart since the start: NRestarts 0 → 3",
                "FAIL  port 8080 listens: no LISTEN socket on tcp 8080",
                "FAIL  http://127.0.0.1:8080/healthz answers: no answer: ConnectException");
    }

    @Test
    void anInactiveUnitOrAServerErrorFails() {
        ServiceHealth h = HealthJudge.judge(facts("failed", "0", List.of(),
                Optional.of(new ServiceHealth.UrlAnswer("http://127.0.0.1:8080/", 503, ""))), List.of(), OptionalInt.empty());
        assertThat(HealthJudge.lines(h)).contains("FAIL  app.service is active: failed (dead), main pid 412",
                "FAIL  http://127.0.0.1:8080/ answers: HTTP 503");
    }
}
