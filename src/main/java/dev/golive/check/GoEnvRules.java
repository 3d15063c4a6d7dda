package dev.golive.check;

import dev.golive.model.Area;
import dev.golive.model.Finding;
import dev.golive.model.ProposedFix;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.golive.model.Severity.ERROR;

/** The go command's GOPROXY and GOSUMDB read the way cmd/go reads them: a value it refuses stops every download. */
final class GoEnvRules {

    private GoEnvRules() { }

    static final Rule MALFORMED = Rule.host("GO-ENV-MALFORMED", ERROR, Area.GO,
            "GOPROXY or GOSUMDB the go command refuses",
            "The go command parses GOPROXY and GOSUMDB before it downloads anything, and a value it cannot parse fails "
                    + "every build that needs a module not yet in the cache. GOPROXY (cmd/go/internal/modfetch/proxy.go, "
                    + "proxyList) is a list split at ',' or '|' of \"direct\", \"off\" or a URL whose scheme is https, http or "
                    + "file; a word with '.', ':' or '/' but no \"://\" gets https:// in front, any other bare word is "
                    + "refused (\"invalid proxy URL scheme\"). GOSUMDB (cmd/go/internal/modfetch/sumdb.go, dbDial) is \"off\" "
                    + "or one or two fields: a key, then optionally the URL to reach it. The key is a known name "
                    + "(sum.golang.org, sum.golang.google.cn) or a full verifier key name+hash+keydata "
                    + "(golang.org/x/mod/sumdb/note, NewVerifier); `sum.golang.org+https://…` is neither (\"invalid "
                    + "GOSUMDB: malformed verifier id\"), and a third field is \"too many fields\".",
            "Fix the value (`go env -w GOSUMDB=…`, `go env -w GOPROXY=…`) or unset it (`go env -u NAME`) to get the defaults "
                    + "sum.golang.org and https://proxy.golang.org,direct.",
            "go help environment; go help module-auth; https://go.dev/ref/mod#goproxy-protocol; Go source cmd/go/internal/modfetch (proxy.go, sumdb.go), golang.org/x/mod/sumdb/note",
            (r, h) -> {
                List<Finding> out = new ArrayList<>();
                GoToolchainRules.env(h, "GOPROXY").flatMap(GoEnvRules::goproxyProblem).ifPresent(p -> out.add(
                        r.titled("GOPROXY is malformed", "go env GOPROXY=" + GoToolchainRules.env(h, "GOPROXY").orElse("") + ": " + p,
                                GoToolchainRules.envSrc(h, "GOPROXY"), ProposedFix.advice("go env -u GOPROXY"))));
                GoToolchainRules.env(h, "GOSUMDB").flatMap(GoEnvRules::gosumdbProblem).ifPresent(p -> out.add(
                        r.titled("GOSUMDB is malformed", "go env GOSUMDB=" + GoToolchainRules.env(h, "GOSUMDB").orElse("") + ": " + p,
                                GoToolchainRules.envSrc(h, "GOSUMDB"), ProposedFix.advice("go env -u GOSUMDB"))));
                return out;
            });

    /** What the go command says of a GOPROXY it refuses; empty for one it takes (an empty value means the default). */
    static Optional<String> goproxyProblem(String value) {
        for (String raw : value.split("[,|]", -1)) {
            String entry = raw.trim();
            if (entry.isEmpty()) continue;
            // the go command stops reading at off or direct: later entries are ignored
            if (entry.equals("off") || entry.equals("direct")) return Optional.empty();
            String url = entry;
            if (url.matches(".*[.:/].*") && !url.contains(":/") && !url.startsWith("/")) url = "https://" + url;
            String scheme;
            try {
                scheme = Optional.ofNullable(new URI(url).getScheme()).orElse("");
            } catch (URISyntaxException e) {
                return Optional.of("\"" + entry + "\" is not a URL");
            }
            if (!scheme.equals("https") && !scheme.equals("http") && !scheme.equals("file")) {
                return Optional.of("invalid proxy URL scheme (must be https, http, file): " + entry);
            }
        }
        return Optional.empty();
    }

    /** What the go command says of a GOSUMDB it refuses; empty for one it takes. */
    static Optional<String> gosumdbProblem(String value) {
        String v = value.trim();
        if (v.isEmpty() || v.equals("off") || v.equals("sum.golang.google.cn")) return Optional.empty();
        String[] fields = v.split("\\s+");
        if (fields.length > 2) return Optional.of("invalid GOSUMDB: too many fields");
        String key = fields[0];
        if (!key.equals("sum.golang.org")) {
            Optional<String> bad = verifierProblem(key);
            if (bad.isPresent()) return bad;
        }
        if (fields.length == 2) {
            try {
                new URI(fields[1]);
            } catch (URISyntaxException e) {
                return Optional.of("invalid GOSUMDB URL: " + fields[1]);
            }
        }
        return Optional.empty();
    }

    /**
     * A verifier key is {@code name+hash+keydata}: a name without '+' or spaces, eight hex digits of hash,
     * and base64 key data of the algorithm byte 1 (Ed25519) and 32 key bytes; the hash is the first four
     * bytes of SHA-256 over name, a newline and the key data (golang.org/x/mod/sumdb/note).
     */
    static Optional<String> verifierProblem(String key) {
        String[] p = key.split("\\+", 3);
        if (p.length != 3 || p[0].isEmpty() || !p[1].matches("[0-9a-fA-F]{8}")) return Optional.of("invalid GOSUMDB: malformed verifier id");
        byte[] data;
        try {
            data = Base64.getDecoder().decode(p[2]);
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid GOSUMDB: malformed verifier id");
        }
        if (data.length != 33 || data[0] != 1) return Optional.of("invalid GOSUMDB: unknown verifier algorithm or key length");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((p[0] + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(data);
            byte[] d = sha.digest();
            long hash = ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
            if (hash != Long.parseLong(p[1], 16)) return Optional.of("invalid GOSUMDB: invalid verifier hash");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Optional.empty();
    }

    static List<Rule> all() { return List.of(MALFORMED); }
}
