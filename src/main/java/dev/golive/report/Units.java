package dev.golive.report;

/** Human units for bytes: binary prefixes, as free(1) -h and systemd (MemoryMax=2G) use them. */
public final class Units {
    private Units() { }

    public static String bytes(long b) {
        String[] u = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = b;
        int i = 0;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        return i == 0 ? b + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, u[i]);
    }
}
