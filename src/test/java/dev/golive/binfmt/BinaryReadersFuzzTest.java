package dev.golive.binfmt;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.golive.model.GoliveException;

import java.nio.ByteBuffer;

/**
 * Any bytes given to the ELF and build info readers end in a result or a one-line
 * GoliveException, never another exception. Regression mode runs the seeds; JAZZER_FUZZ=1 fuzzes.
 */
class BinaryReadersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyBytesGiveAResultOrOneLine(byte[] data) {
        try {
            GoBuildInfoReader.read(ByteBuffer.wrap(data), "fuzz");
        } catch (GoliveException expected) {
            if (expected.getMessage().contains("\n") || !expected.getMessage().startsWith("fuzz")) throw expected;
        }
        try {
            ElfFile e = ElfFile.parse(ByteBuffer.wrap(data), "fuzz");
            e.interpreter();
            e.isStatic();
            e.sections().forEach(e::sectionData);
            e.programHeaders().forEach(p -> e.readVirtual(p.vaddr(), 16));
        } catch (GoliveException expected) {
            if (expected.getMessage().contains("\n")) throw expected;
        }
    }
}
