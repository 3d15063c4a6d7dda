package dev.golive.ui.cli;

import dev.golive.app.Session;
import dev.golive.host.CaptureWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "capture", mixinStandardHelpOptions = true,
        description = {"Copy exactly what `golive inspect` reads from this host (files and command outputs)",
                "into a capture: a directory, or a .tar.gz. Read it elsewhere with --root."})
public final class CaptureCommand implements Callable<Integer> {

    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR|FILE.tar.gz", description = "Where to write the capture.")
    Path output;

    @Option(names = "--service", paramLabel = "NAME", description = "Also capture what inspecting this service reads (unit, drop-ins, environment files, binary, systemd-analyze output).")
    String service;

    @Option(names = "--go-mod", paramLabel = "DIR", description = "The service's Go module directory (its go.mod goes into the capture).")
    String goModDir;

    @Override public Integer call() {
        try (Session s = Session.open(common.root)) {
            if (goModDir != null && service == null) throw dev.golive.model.GoliveException.badInput("--go-mod needs --service NAME");
            CaptureWriter.Summary sum = s.capture(output, service, goModDir);
            spec.commandLine().getOut().printf("captured %d files, %d command outputs, %d absent paths into %s%n",
                    sum.files(), sum.commands(), sum.absent(), sum.where());
        }
        return 0;
    }
}
