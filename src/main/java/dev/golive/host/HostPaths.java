package dev.golive.host;

/** Validation of the absolute, host-relative paths golive passes to a {@link HostRoot}. */
public final class HostPaths {
    private HostPaths() { }

    /** Rejects relative paths and any ".." segment: a capture must never reach outside its root. */
    public static String check(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute host path: " + path);
        }
        // a ".." segment: the path starts with "/", so every segment follows a slash
        if (path.contains("/../") || path.endsWith("/..")) throw new IllegalArgumentException("path escapes the root: " + path);
        if (path.indexOf('\0') >= 0) throw new IllegalArgumentException("NUL in path");
        return path;
    }

    /** {@code /a/b/} → {@code /a/b}; {@code /} stays. */
    public static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public static String join(String dir, String name) {
        return strip(dir).equals("/") ? "/" + name : strip(dir) + "/" + name;
    }

    public static String parent(String path) {
        String p = strip(path);
        int i = p.lastIndexOf('/');
        return i <= 0 ? "/" : p.substring(0, i);
    }
}
