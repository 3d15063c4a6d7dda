package dev.golive.config;

import dev.golive.model.Source;
import dev.golive.model.SysctlAssignment;

import java.util.ArrayList;
import java.util.List;

/**
 * One TuneD profile file (tuned.conf): the profiles its [main] {@code include=} names (a comma
 * list, loaded before this file, whose values this file overrides) and the {@code key = value}
 * lines of its [sysctl] section, each with its file:line. TuneD reads the file as an ini file
 * ('#' and ';' start a comment line, a section header is {@code [name]}).
 */
public record TunedConf(List<String> includes, List<SysctlAssignment> sysctls) {

    public TunedConf {
        includes = List.copyOf(includes);
        sysctls = List.copyOf(sysctls);
    }

    public static TunedConf parse(String path, String text) {
        List<String> includes = new ArrayList<>();
        List<SysctlAssignment> sysctls = new ArrayList<>();
        String section = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (section.equals("main") && key.equals("include")) {
                includes.clear(); // a later include= line replaces an earlier one (one option per key)
                for (String name : value.split(",")) if (!name.isBlank()) includes.add(name.strip());
            } else if (section.equals("sysctl") && !key.isEmpty()) {
                sysctls.add(new SysctlAssignment(key, value, false, new Source.File(path, i + 1)));
            }
        }
        return new TunedConf(includes, sysctls);
    }
}
