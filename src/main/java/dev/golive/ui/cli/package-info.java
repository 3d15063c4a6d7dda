/**
 * The scriptable CLI (picocli): thin command classes over {@code dev.golive.app.Session};
 * shared options as the {@link dev.golive.ui.cli.CommonOptions} mixin; one exception type
 * ({@code GoliveException}) carrying the exit code, mapped to one stderr line in {@link dev.golive.ui.cli.Cli}.
 */
package dev.golive.ui.cli;
