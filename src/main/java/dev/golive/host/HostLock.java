package dev.golive.host;

import dev.golive.model.GoliveException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code /run/golive.lock}: one apply, rollback or recover at a time per host. The lock is
 * a kernel record lock (Java's FileChannel lock is {@code fcntl(F_SETLK)} on Linux, not
 * {@code flock(2)}): the kernel drops it when the holder dies, even by SIGKILL, so a crash
 * never leaves the host locked. The holder writes its pid into the file so the refusal can
 * name it. The file itself is never deleted (deleting a lock file lets two holders lock two
 * different inodes).
 */
public final class HostLock implements AutoCloseable {

    public static final String PATH = "/run/golive.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws (exit 3) naming the pid that holds it. */
    public static HostLock acquire(HostWriter writer) {
        writer.refuseLinks(PATH);
        Path p = writer.resolve(PATH);
        try {
            if (!Files.isDirectory(p.getParent(), LinkOption.NOFOLLOW_LINKS)) writer.createDirs(writer.missingDirs("/run"), 0755);
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // this very process holds it (another thread of golive)
            }
            if (l == null) {
                String holder = holder(ch);
                ch.close();
                throw GoliveException.environment("the host is locked by another golive run (pid " + holder + ", "
                        + PATH + "); wait for it to finish");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((Privileges.pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            // no fsync: the pid only names the holder to a second run; the lock itself lives in the kernel
            writer.log().write(PATH, "locked by pid " + Privileges.pid());
            return new HostLock(ch, l);
        } catch (IOException e) {
            throw GoliveException.environment(PATH + ": cannot lock: " + HostWriter.message(e));
        }
    }

    /**
     * Whether another golive run holds the lock right now (its apply is running, not
     * crashed). Takes the lock for an instant to find out; false when there is no lock file.
     */
    public static boolean heldByAnother(HostWriter writer) {
        Path p = writer.resolve(PATH);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return false;
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false; // cannot tell (not root): better to mention an unfinished apply than to hide it
        }
    }

    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
        return s.matches("\\d+") ? s : "unknown";
    }

    @Override public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
    }
}
