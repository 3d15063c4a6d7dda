package dev.golive.export;

import dev.golive.model.OwnedFiles;
import dev.golive.model.Plan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ShellScriptTest {

    @Test
    void headerNamesPlanProfileHostAndThatThereIsNoSnapshot() {
        String s = ShellScript.render(ExportPlans.kernelOnly(), "api-1");
        assertThat(s).startsWith("#!/bin/sh\n# golive export: shell script for plan " + ExportPlans.ID + ", profile web-api, planned on host api-1.");
        assertThat(s).contains("# It takes NO snapshot");
    }

    /** Each here-document ends at its own delimiter, after exactly the planned content. */
    @Test
    void hereDocumentsCarryTheContentExactly() {
        String body = "[Service]\nGOLIVE_EOF\nEnvironment=A=$HOME B=`id`\nno final newline";
        Plan plan = ExportPlans.withUnits(body);
        String s = ShellScript.render(plan, "h");
        Matcher m = Pattern.compile("put_file '([^']+)' (\\d+) 'root' 'root' ([01]) <<'(GOLIVE_EOF[_0-9]*)'\n").matcher(s);
        int n = 0;
        while (m.find()) {
            String delim = m.group(4);
            int start = m.end();
            int end = s.indexOf("\n" + delim + "\n", start - 1);
            String doc = s.substring(start, end + 1);
            String path = m.group(1);
            String want = plan.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().after().orElseThrow();
            // the script strips the one newline the here-document adds when the content had none
            assertThat(m.group(3).equals("1") ? doc : doc.substring(0, doc.length() - 1)).isEqualTo(want);
            n++;
        }
        assertThat(n).isEqualTo(2);
        assertThat(s).contains("<<'GOLIVE_EOF_2'\n");
    }

    @Test
    void refusesForeignFilesBeforeTheFirstChangeIncludingTheSysctlDropIn() {
        String s = ShellScript.render(ExportPlans.withUnits("[Service]\n"), "h");
        int firstWrite = s.indexOf("\nput_file ");
        for (String p : List.of(OwnedFiles.MANAGER_DROPIN, OwnedFiles.unitDropIn("app.service"), OwnedFiles.SYSCTL_DROPIN)) {
            assertThat(s.indexOf("\nowned_or_absent '" + p + "'\n")).as(p).isPositive().isLessThan(firstWrite);
        }
    }

    @Test
    void systemctlOnlyWithoutARootAndOnlyWhenAFileChanged() {
        String s = ShellScript.render(ExportPlans.withUnits("[Service]\n"), "h");
        String tail = s.substring(s.indexOf("\nif [ -z \"$root\" ]; then\n"));
        assertThat(tail).contains("if [ \"$action_0\" = 1 ]; then\n    say \"running systemctl daemon-reexec\"\n    systemctl daemon-reexec\n",
                "if [ \"$action_2\" = 1 ] && [ \"$restart\" = 1 ]; then");
        assertThat(s).contains("action_0=0\naction_1=0\naction_2=0\n");
        assertThat(ShellScript.render(ExportPlans.kernelOnly(), "h")).doesNotContainPattern("(?m)^\\s*systemctl ").doesNotContain("action_");
    }
}
