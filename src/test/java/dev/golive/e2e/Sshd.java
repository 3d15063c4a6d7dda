package dev.golive.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A private OpenSSH server for end-to-end tests of golive over SSH, as an admin would use it
 * (issue 9: the guided setup and the TUI over a slow link). It never touches the machine's
 * sshd: its own config, host key and authorized key live in a temporary directory, it listens
 * on 127.0.0.1 on a free port, and allows only key login as root with that throwaway key
 * (root, because golive inspects and applies as root; no user is created).
 *
 * <p>Clients connect through a counting TCP proxy, so a test can measure the bytes that
 * crossed the connection (encrypted, as on the wire) for a whole session:
 * {@link #bytesToClient()} is what the server sent (screen updates), {@link #bytesToServer()}
 * what the client sent (keys). Sessions run {@code ssh -tt} inside a private tmux server
 * (its own socket) at 80×24, so tests read the screen as the admin sees it and send keys.
 *
 * <pre>
 * try (Sshd sshd = Sshd.start(); Sshd.Session s = sshd.open("cd /repo && ./scripts/golive guide")) {
 *     s.waitForScreen(t -> t.contains("Profile"), Duration.ofSeconds(20));
 *     s.sendKeys("Enter");
 *     long bytes = sshd.bytesToClient();
 * }
 * </pre>
 */
final class Sshd implements AutoCloseable {

    static final int COLUMNS = 80;
    static final int ROWS = 24;

    private final Path dir;
    private final Process server;
    private final int sshdPort;
    private final ServerSocket proxy;
    private final AtomicLong toClient = new AtomicLong();
    private final AtomicLong toServer = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();

    private Sshd(Path dir, Process server, int sshdPort) throws IOException {
        this.dir = dir;
        this.server = server;
        this.sshdPort = sshdPort;
        this.proxy = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "sshd-counting-proxy");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts sshd, or aborts the test (skipped, with the reason) when this machine cannot
     * run one: openssh-server, ssh or tmux missing, or not root.
     */
    static Sshd start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/sshd")), "openssh-server is not installed (scripts/test installs it)");
        assumeTrue(Run.hasCommand("ssh") && Run.hasCommand("ssh-keygen"), "openssh-client is not installed");
        assumeTrue(Run.hasCommand("tmux"), "tmux is not installed (scripts/test installs it)");
        assumeTrue("root".equals(System.getProperty("user.name")), "the SSH tests log in as root with a throwaway key: run as root (CI does)");

        Path dir = Files.createTempDirectory("golive-sshd-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        keygen(dir.resolve("host_ed25519"));
        keygen(dir.resolve("client_ed25519"));
        Files.copy(dir.resolve("client_ed25519.pub"), dir.resolve("authorized_keys"));
        // sshd refuses to start without its privilege separation directory (normally made by the service unit)
        Files.createDirectories(Path.of("/run/sshd"));

        int port = freePort();
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowUsers root",
                // the key files sit under /tmp (mode 1777), which StrictModes would reject
                "StrictModes no",
                "UsePAM no",
                "PermitTTY yes",
                "PrintMotd no",
                "PrintLastLog no",
                "AcceptEnv LANG LC_*",
                "LogLevel VERBOSE",
                ""));
        Process p = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!listening(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroy();
                throw new IllegalStateException("sshd did not start: " + Files.readString(dir.resolve("sshd.log")));
            }
            Thread.sleep(20);
        }
        Sshd s = new Sshd(dir, p, port);
        // trust exactly our throwaway host key at the proxy's address: no prompt, no TOFU
        String hostKey = Files.readString(dir.resolve("host_ed25519.pub")).trim();
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + s.port() + " " + hostKey + "\n");
        return s;
    }

    /** The port clients connect to (the counting proxy in front of sshd). */
    int port() { return proxy.getLocalPort(); }

    /** Bytes sshd sent to clients since start or the last {@link #resetCounters()}. */
    long bytesToClient() { return toClient.get(); }

    /** Bytes clients sent to sshd since start or the last {@link #resetCounters()}. */
    long bytesToServer() { return toServer.get(); }

    void resetCounters() {
        toClient.set(0);
        toServer.set(0);
    }

    /** sshd's own log (VERBOSE): logins, key fingerprints, disconnects. */
    String log() throws IOException { return Files.readString(dir.resolve("sshd.log")); }

    /** The ssh client command line for {@code remoteCommand}, with a terminal forced (-tt). */
    List<String> sshCommand(String remoteCommand) {
        return List.of("ssh", "-tt", "-F", "/dev/null", "-p", Integer.toString(port()),
                "-i", dir.resolve("client_ed25519").toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"),
                "-o", "LogLevel=ERROR", "root@127.0.0.1", remoteCommand);
    }

    /** Runs {@code remoteCommand} over {@code ssh -tt} in a new tmux pane of 80×24. */
    Session open(String remoteCommand) throws IOException, InterruptedException {
        Session s = new Session(this, "s" + sessions.size());
        sessions.add(s);
        s.start(remoteCommand);
        return s;
    }

    /**
     * Appended to a remote command after its exit line: the remote pty stays open until the test
     * closes the session. When ssh left the pane as soon as the command ended, tmux under load
     * sometimes lost the last lines of output (the exit line among them) as the pane died.
     */
    static final String HOLD = "exec sleep 600";

    /** One tmux session on a private tmux server (own socket), holding one ssh client. */
    static final class Session implements AutoCloseable {
        private final Sshd sshd;
        private final String name;

        private Session(Sshd sshd, String name) {
            this.sshd = sshd;
            this.name = name;
        }

        private void start(String remoteCommand) throws IOException, InterruptedException {
            // history-limit only applies to panes made after it is set, and remain-on-exit (keep the
            // pane after ssh exits, so the last screen and the exit status can be read) must be on
            // before a fast ssh can exit: both come from the server's config file
            java.nio.file.Files.writeString(sshd.dir.resolve("tmux.conf"), "set -g history-limit 10000\nset -g remain-on-exit on\n");
            List<String> argv = new ArrayList<>(List.of("new-session", "-d", "-s", name, "-x", Integer.toString(COLUMNS),
                    "-y", Integer.toString(ROWS)));
            argv.add(shellQuote(sshd.sshCommand(remoteCommand)));
            tmux(argv);
        }

        /** The visible 80×24 screen, one string per row (trailing spaces trimmed by tmux). */
        String screen() throws IOException, InterruptedException {
            return tmux(List.of("capture-pane", "-p", "-t", name)).out();
        }

        /** Everything the pane printed, including what scrolled off the top. */
        String scrollback() throws IOException, InterruptedException {
            return tmux(List.of("capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", name)).out();
        }

        /** "80x24" as tmux sizes the pane. */
        String size() throws IOException, InterruptedException {
            return tmux(List.of("display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}")).out().strip();
        }

        /** Keys in tmux send-keys syntax: literal text, or names such as Enter, Up, C-c. */
        void sendKeys(String... keys) throws IOException, InterruptedException {
            List<String> argv = new ArrayList<>(List.of("send-keys", "-t", name));
            argv.addAll(List.of(keys));
            tmux(argv);
        }

        /** Waits until the screen satisfies {@code condition}; fails with the last screen otherwise. */
        String waitForScreen(Predicate<String> condition, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = "";
            while (System.nanoTime() < deadline) {
                last = screen();
                if (condition.test(last)) return last;
                Thread.sleep(50);
            }
            throw new AssertionError("screen did not match within " + timeout + "; last screen:\n" + last + "\nsshd log:\n" + sshd.log());
        }

        /** The screen with its colours and attributes as escape sequences: a moved highlight changes it. */
        String styledScreen() throws IOException, InterruptedException {
            return tmux(List.of("capture-pane", "-p", "-e", "-t", name)).out();
        }

        /**
         * Waits until the screen (text or highlight) differs from {@code previous}, a
         * {@link #styledScreen()}: the program reacted to a key. Returns the new styled screen.
         */
        String waitForChange(String previous, Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            String last = previous;
            while (System.nanoTime() < deadline) {
                last = styledScreen();
                if (!last.equals(previous)) return last;
                Thread.sleep(20);
            }
            throw new AssertionError("screen did not change within " + timeout + "; last screen:\n" + screen());
        }

        /** The last non-blank row of the screen: where a line-mode program's prompt is. */
        static String lastLine(String screen) {
            List<String> rows = screen.lines().filter(l -> !l.isBlank()).toList();
            return rows.isEmpty() ? "" : rows.get(rows.size() - 1);
        }

        private Run tmux(List<String> args) throws IOException, InterruptedException {
            List<String> argv = new ArrayList<>(List.of("tmux", "-S", sshd.dir.resolve("tmux.sock").toString(), "-f",
                    sshd.dir.resolve("tmux.conf").toString()));
            argv.addAll(args);
            Run r = Run.run(argv);
            if (r.exit() != 0) throw new IllegalStateException("tmux " + args + ": " + r.err());
            return r;
        }

        @Override public void close() throws IOException, InterruptedException {
            Run.run(List.of("tmux", "-S", sshd.dir.resolve("tmux.sock").toString(), "kill-session", "-t", name));
        }
    }

    @Override public void close() throws IOException, InterruptedException {
        for (Session s : sessions) s.close();
        Run.run(List.of("tmux", "-S", dir.resolve("tmux.sock").toString(), "kill-server"));
        proxy.close();
        synchronized (sockets) {
            for (Socket s : sockets) s.close();
        }
        server.destroy();
        if (!server.waitFor(5, TimeUnit.SECONDS)) server.destroyForcibly();
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private void acceptLoop() {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), sshdPort);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                pump(client, upstream, toServer);
                pump(upstream, client, toClient);
            } catch (IOException e) {
                return; // proxy closed
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            // the streams are not closed here: closing a socket's stream closes the whole socket,
            // which would cut the other direction's data still in flight (a truncated screen, or
            // an end of input the remote program reads as "quit"); one direction ending is a
            // half-close, and close() ends both sockets at the end of the test
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                    out.flush();
                    counter.addAndGet(n);
                }
            } catch (IOException ignored) {
                // one side reset: the connection is over
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "sshd-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Run r = Run.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "golive-test", "-f", key.toString()));
        if (r.exit() != 0) throw new IllegalStateException("ssh-keygen: " + r.err());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One shell word for tmux's command string (tmux runs it with sh -c). */
    static String shellQuote(List<String> argv) {
        StringBuilder b = new StringBuilder();
        for (String a : argv) {
            if (b.length() > 0) b.append(' ');
            b.append('\'').append(a.replace("'", "'\\''")).append('\'');
        }
        return b.toString();
    }
}
