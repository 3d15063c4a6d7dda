package dev.golive.config;

import dev.golive.host.AccessLog;
import dev.golive.host.DirectoryHostRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A host laid out in a temp directory, built the way an admin would: write files, make links. */
final class HostTree {
    final Path base;
    final DirectoryHostRoot root;

    HostTree(Path base) {
        this.base = base;
        this.root = new DirectoryHostRoot(base, false, "test", new AccessLog());
    }

    HostTree write(String hostPath, String text) {
        try {
            Path p = base.resolve(hostPath.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostTree link(String hostPath, String target) {
        try {
            Path p = base.resolve(hostPath.substring(1));
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HostTree mkdir(String hostPath) {
        try {
            Files.createDirectories(base.resolve(hostPath.substring(1)));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
