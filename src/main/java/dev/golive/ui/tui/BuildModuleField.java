package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.golive.model.GoliveException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Build screen's module directory: its value, the go.mod module it names (or why it is
 * not one), and the draft while m edits it. A typed value is checked at enter; on a problem
 * the old value stays, so b never builds a directory that was not checked.
 */
final class BuildModuleField {

    private final TuiApp app;
    private String text = ".";
    /** The go.mod module path of {@link #text}, once checked; null when unknown or not a module. */
    private String modulePath;
    /** Why {@link #text} cannot be built (no go.mod, gone), from the last check; null when fine. */
    private String problem;
    /** The field while it is edited; null otherwise. */
    private String draft;
    /** The draft is still the old value: the first character typed replaces it rather than appending. */
    private boolean replaceDraft;

    BuildModuleField(TuiApp app) { this.app = app; }

    /** The go.mod module path, or null when the directory is not (yet) known to be a module. */
    String modulePath() { return modulePath; }

    /** Why the directory cannot be built; null when it can. */
    String problem() { return problem; }

    /** The directory the field names. */
    Path dir() { return path(text); }

    boolean editing() { return draft != null; }

    void edit() {
        draft = text;
        replaceDraft = true;
    }

    /**
     * Typing replaces the old value; backspace edits it; ctrl-u clears; enter checks it; esc keeps
     * the old one. Returns true when enter changed the directory (results of another module would
     * read as this one's). {@code width} is the screen's, for the status line the chrome would cut.
     */
    boolean typed(KeyStroke k, int width) {
        switch (k.getKeyType()) {
            case Escape -> draft = null;
            case Enter -> { return enter(width); }
            case Backspace -> {
                replaceDraft = false;
                if (!draft.isEmpty()) draft = draft.substring(0, draft.length() - 1);
            }
            case Character -> {
                if (k.isCtrlDown()) {
                    if (Character.toLowerCase(k.getCharacter()) == 'u') draft = "";
                    replaceDraft = false;
                } else {
                    if (replaceDraft) draft = "";
                    replaceDraft = false;
                    draft += k.getCharacter();
                }
            }
            default -> { }
        }
        return false;
    }

    /** Checks the typed directory at once (exists, has go.mod); on a problem the old value stays. */
    private boolean enter(int width) {
        String typed = draft.strip();
        draft = null;
        if (typed.isEmpty()) typed = text;
        String before = text;
        if (check(typed) == null) {
            text = typed;
            app.status(Canvas.fit("module dir " + typed + ": Go module " + modulePath, width - 1));
            return !typed.equals(before);
        }
        String why = problem;
        check(before);
        // the chrome cuts the status line at the edge: the path and what is wrong with it come first
        app.status(Canvas.fit(why + "; module dir still " + before, width - 1));
        return false;
    }

    /** Checks the current value (again): b and the module line say at once when it is not a Go module. */
    void check() { check(text); }

    /** Checks {@code value} as the module directory: sets {@link #modulePath} / {@link #problem}; returns the problem. */
    private String check(String value) {
        modulePath = null;
        problem = null;
        try {
            modulePath = app.model().session().checkModuleDir(path(value));
        } catch (GoliveException e) {
            // the session names the absolute path; the admin's own spelling reads better ("." too)
            String m = TuiApp.firstLine(e.getMessage());
            String abs = path(value).toAbsolutePath().normalize().toString();
            problem = m.startsWith(abs + ": ") ? value + m.substring(abs.length()) : m;
        } catch (InvalidPathException e) {
            problem = value + ": not a valid path (" + e.getReason() + ")";
        }
        return problem;
    }

    /** The path a field value names; "~/" is the admin's home, as in a shell. */
    private static Path path(String value) {
        String t = value.isBlank() ? "." : value;
        if (t.equals("~") || t.startsWith("~/")) t = System.getProperty("user.home") + t.substring(1);
        return Path.of(t);
    }

    /** The "module" line: the value (its end where it is too long) and what it is, or the draft with its keys. */
    void draw(Canvas c, int r, int valueCol) {
        int room = c.width() - valueCol;
        c.text(1, r, "module", Role.DIM);
        if (draft != null) {
            String hint = replaceDraft ? "  type to replace · backspace edits · enter keeps" : "  enter checks · esc keeps " + text + " · ctrl-u clears";
            String value = Canvas.fitEnd(draft + "_", Math.max(10, room - Math.min(hint.length(), 24)));
            int col = c.text(valueCol, r, value, replaceDraft ? Role.SELECTED : Role.FILTER);
            c.text(col, r, hint, Role.DIM);
            return;
        }
        List<String> about = new ArrayList<>();
        if (".".equals(text)) about.add("the current directory");
        if (modulePath != null) about.add("Go module " + modulePath);
        String note = "  (" + String.join(", ", about) + (".".equals(text) ? "; m changes it" : "") + ")";
        if (about.isEmpty()) note = "";
        if (text.length() >= room) {
            c.text(valueCol, r, Canvas.fitEnd(text, room), Role.BASE);
        } else {
            int col = c.text(valueCol, r, text, Role.BASE);
            c.text(col, r, note, Role.DIM);
        }
    }
}
