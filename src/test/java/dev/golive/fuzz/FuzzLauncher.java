package dev.golive.fuzz;

import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

/**
 * Runs one {@code @FuzzTest} (fully.named.Class#method) in a
 * plain JVM, for scripts/fuzz: Jazzer fuzzes a single test per JVM, and a Maven start per
 * target cost more than the short fuzzing budget CI gives each one. Exit 0 when the test
 * passed (no crash), 1 otherwise.
 */
public final class FuzzLauncher {

    private FuzzLauncher() { }

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].contains("#")) {
            System.err.println("usage: FuzzLauncher fully.named.Class#method");
            System.exit(2);
        }
        String[] cm = args[0].split("#", 2);
        Method method;
        try {
            Class<?> c = Class.forName(cm[0]);
            method = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals(cm[1])).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no method " + args[0]));
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            System.err.println("no fuzz test " + args[0] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        // Jupiter only: the other engines on the path (ArchUnit) have nothing to say about a fuzz method
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(method.getDeclaringClass(), method))
                .filters(EngineFilter.includeEngines("junit-jupiter")).build();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary);
        TestExecutionSummary s = summary.getSummary();
        s.printFailuresTo(new PrintWriter(System.err, true), 30);
        if (s.getTestsFoundCount() == 0) {
            System.err.println("no test " + args[0]);
            System.exit(2);
        }
        System.exit(s.getTotalFailureCount() == 0 ? 0 : 1);
    }
}
