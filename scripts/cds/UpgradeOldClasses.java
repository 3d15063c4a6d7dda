import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of scripts/golive (not part of golive): copies the jar, rewriting every class
 * file older than Java 6 (picocli ships Java 5 bytecode) as Java 8 bytecode with stack map
 * frames computed. Why: the JVM's CDS archive refuses classes before version 50 and classes
 * that fail over to the old verifier, so picocli's ~230 classes were parsed and verified by
 * the slow type-inferencing verifier on every start (~90 ms of CPU per run). The rewrite
 * changes no instruction; it only adds the frames the split verifier needs.
 *
 * Usage: java --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED
 *            scripts/cds/UpgradeOldClasses.java IN.jar OUT.jar
 */
public class UpgradeOldClasses {

    public static void main(String[] args) throws IOException {
        Path in = Path.of(args[0]), out = Path.of(args[1]);
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "upgrade-", ".jar");
        int upgraded = 0;
        // frames need common super classes: resolve them against the jar itself, not this JVM's path
        try (URLClassLoader loader = new URLClassLoader(new URL[] {in.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(tmp))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] data = zin.readAllBytes();
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/") && majorVersion(data) < 50) {
                    data = upgrade(data, loader);
                    upgraded++;
                }
                ZipEntry o = new ZipEntry(e.getName());
                o.setTime(e.getTime());
                zout.putNextEntry(o);
                zout.write(data);
                zout.closeEntry();
            }
        }
        verify(tmp);
        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(in)); // a temp file is 0600
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("upgraded " + upgraded + " class files to Java 8 bytecode");
    }

    /**
     * Loads and links every rewritten class from the new jar, so that the JVM's own verifier
     * checks the computed frames now rather than on some later run. A VerifyError fails the
     * step (scripts/golive then keeps the original jar); other linkage errors (an optional
     * dependency picocli can do without) are not about the rewrite.
     */
    static void verify(Path jar) throws IOException {
        try (URLClassLoader l = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
             ZipInputStream zin = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                String n = e.getName();
                if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) continue;
                byte[] data = zin.readAllBytes();
                if (majorVersion(data) != 52 || !n.startsWith("picocli/")) continue;
                try {
                    Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), true, l);
                } catch (VerifyError err) {
                    Files.deleteIfExists(jar);
                    throw new IllegalStateException("rewritten " + n + " does not verify: " + err.getMessage(), err);
                } catch (LinkageError | ClassNotFoundException ignored) {
                    // not the rewrite's doing (missing optional dependency, static init needing a context)
                }
            }
        }
    }

    static int majorVersion(byte[] c) {
        if (c.length < 8 || (c[0] & 0xff) != 0xca || (c[1] & 0xff) != 0xfe) return Integer.MAX_VALUE;
        return ((c[6] & 0xff) << 8) | (c[7] & 0xff);
    }

    static byte[] upgrade(byte[] data, ClassLoader loader) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override protected ClassLoader getClassLoader() { return loader; }
        };
        new ClassReader(data).accept(new ClassVisitor(Opcodes.ASM8, w) {
            @Override public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }
}
