package dev.golive.ui.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The terminal's output, sent a frame at a time. Lanterna writes a frame character by
 * character, and the stream it was given (System.out) flushed after every write: one write(2)
 * per character, ~1,000 for a screen change, each a wakeup for the terminal emulator or an
 * ssh packet. While a frame is drawn ({@link #hold}) the bytes are collected and leave in one
 * write at {@link #send}; outside a frame (Lanterna's size query, which waits for the
 * terminal's answer) every write goes out at once, as before.
 */
final class FrameOutput extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(1 << 14);
    private boolean holding;

    FrameOutput(OutputStream out) { this.out = out; }

    /** From now until {@link #send}, bytes wait for the end of the frame. */
    synchronized void hold() { holding = true; }

    /** The frame's bytes in one write, and writes go straight out again. */
    synchronized void send() throws IOException {
        holding = false;
        frame.writeTo(out);
        frame.reset();
        out.flush();
    }

    @Override public synchronized void write(int b) throws IOException {
        if (holding) {
            frame.write(b);
        } else {
            out.write(b);
            out.flush();
        }
    }

    @Override public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (holding) {
            frame.write(b, off, len);
        } else {
            out.write(b, off, len);
            out.flush();
        }
    }

    /** Lanterna flushes at the end of a refresh: held bytes stay held until {@link #send}. */
    @Override public synchronized void flush() throws IOException { if (!holding) out.flush(); }
}
