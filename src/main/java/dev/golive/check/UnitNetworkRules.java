package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Fact;
import dev.golive.model.FixChange;
import dev.golive.model.ProposedFix;
import dev.golive.model.ServiceFacts;
import dev.golive.model.Source;
import dev.golive.model.UnitDirective;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.golive.model.Severity.WARN;

/** When the service starts relative to the network: network.target is not "the network is up". */
final class UnitNetworkRules {

    private UnitNetworkRules() { }

    static final Rule NETWORK_TARGET = Rule.service("UNIT-AFTER-NETWORK-TARGET", WARN, Area.UNIT,
            "Ordered after network.target only, but needs the network up",
            "network.target only says that the network management stack has been started; it does not wait for an "
                    + "address to be configured or a route to exist (systemd.special(7), network.target). A service that "
                    + "binds one specific address fails with \"cannot assign requested address\" (EADDRNOTAVAIL) when it "
                    + "starts before that address is up, and one that connects at start (a database URL, a remote host) "
                    + "fails with \"network is unreachable\" or a DNS error: at boot, not when started by hand, so it is "
                    + "missed in testing. network-online.target waits for the network to be configured, and must be "
                    + "pulled in with Wants= as well as ordered with After= (systemd.special(7), network-online.target; "
                    + "https://systemd.io/NETWORK_ONLINE/). A service that listens on every address (0.0.0.0, [::], :8080) "
                    + "needs neither.",
            "Add After=network-online.target and Wants=network-online.target in [Unit]; or listen on all addresses.",
            "man 7 systemd.special (network.target, network-online.target); https://systemd.io/NETWORK_ONLINE/",
            (r, h) -> {
                ServiceFacts s = h.service().get();
                if (!s.unit().known()) return List.of();
                List<UnitDirective> after = s.all("Unit", "After");
                Optional<UnitDirective> net = after.stream().filter(d -> words(d.value()).contains("network.target")).findFirst();
                if (net.isEmpty()) return List.of();
                boolean online = after.stream().anyMatch(d -> words(d.value()).contains("network-online.target"));
                if (online) return List.of();
                Optional<Need> need = need(s);
                if (need.isEmpty()) return List.of();
                List<Source> src = new ArrayList<>(List.of(net.get().source()));
                if (!src.contains(need.get().source())) src.add(need.get().source());
                return r.one(s.name() + " is ordered After=network.target only, but " + need.get().what()
                                + ": at boot it can start before the network is up",
                        src, ProposedFix.of("start it after the network is online",
                                new FixChange.UnitDirectiveChange("Unit", "After", "network-online.target"),
                                new FixChange.UnitDirectiveChange("Unit", "Wants", "network-online.target")));
            });

    private static List<String> words(String v) { return List.of(v.trim().split("\\s+")); }

    record Need(String what, Source source) { }

    static final Pattern IPV4 = Pattern.compile("(?<![\\w.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?::(\\d+))?(?![\\w.])");
    static final Pattern URL = Pattern.compile("\\b([a-z][a-z0-9+.-]*)://(?:[^/\\s@]*@)?(\\[[0-9a-fA-F:]+\\]|[^/\\s:?#]+)");

    /** What in the command line or environment binds a specific address or names a remote endpoint. */
    static Optional<Need> need(ServiceFacts s) {
        for (UnitDirective d : s.all("Service", "ExecStart")) {
            Optional<String> w = what(d.value());
            if (w.isPresent()) return Optional.of(new Need("ExecStart= " + w.get(), d.source()));
        }
        for (var e : s.environment().entrySet()) {
            Fact<String> v = e.getValue();
            if (!(v instanceof Fact.Known<String> k)) continue;
            Optional<String> w = what(k.value());
            if (w.isPresent()) return Optional.of(new Need(e.getKey() + " " + w.get(), k.source()));
        }
        return Optional.empty();
    }

    static Optional<String> what(String text) {
        Matcher u = URL.matcher(text);
        while (u.find()) {
            String host = u.group(2).toLowerCase(Locale.ROOT);
            if (!local(host) && !u.group(1).equals("unix") && !u.group(1).equals("file")) {
                return Optional.of("connects to " + u.group(0) + " at start");
            }
        }
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            String ip = m.group(1);
            if (!validIpv4(ip) || local(ip) || ip.equals("0.0.0.0")) continue;
            return Optional.of("names the address " + m.group(0));
        }
        return Optional.empty();
    }

    private static boolean local(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("[::]") || host.equals("0.0.0.0");
    }

    private static boolean validIpv4(String ip) {
        for (String p : ip.split("\\.")) if (Integer.parseInt(p) > 255) return false;
        return true;
    }

    static List<Rule> all() { return List.of(NETWORK_TARGET); }
}
