package dev.golive.ui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

import java.util.Locale;

/** Key names as the binding tables spell them ("j", "enter", "shift-tab", "ctrl-c"), both ways. */
final class Keys {
    private Keys() { }

    static String name(KeyStroke k) {
        String base = switch (k.getKeyType()) {
            case Character -> k.getCharacter() == ' ' ? "space" : String.valueOf(k.getCharacter());
            case ArrowDown -> "down";
            case ArrowUp -> "up";
            case ArrowLeft -> "left";
            case ArrowRight -> "right";
            case Enter -> "enter";
            case Escape -> "esc";
            case Tab -> "tab";
            case ReverseTab -> "shift-tab";
            case PageUp -> "pgup";
            case PageDown -> "pgdn";
            case Home -> "home";
            case End -> "end";
            case Backspace -> "backspace";
            case Delete -> "delete";
            case EOF -> "eof";
            default -> k.getKeyType().name().toLowerCase(Locale.ROOT);
        };
        if (k.isCtrlDown() && k.getKeyType() == KeyType.Character) return "ctrl-" + Character.toLowerCase(k.getCharacter());
        if (k.isAltDown()) return "alt-" + base;
        return base;
    }

    /** The key stroke a name stands for: what a test (or tmux) types to press it. */
    static KeyStroke stroke(String name) {
        return switch (name) {
            case "down" -> new KeyStroke(KeyType.ArrowDown);
            case "up" -> new KeyStroke(KeyType.ArrowUp);
            case "left" -> new KeyStroke(KeyType.ArrowLeft);
            case "right" -> new KeyStroke(KeyType.ArrowRight);
            case "enter" -> new KeyStroke(KeyType.Enter);
            case "esc" -> new KeyStroke(KeyType.Escape);
            case "tab" -> new KeyStroke(KeyType.Tab);
            case "shift-tab" -> new KeyStroke(KeyType.ReverseTab);
            case "pgup" -> new KeyStroke(KeyType.PageUp);
            case "pgdn" -> new KeyStroke(KeyType.PageDown);
            case "home" -> new KeyStroke(KeyType.Home);
            case "end" -> new KeyStroke(KeyType.End);
            case "backspace" -> new KeyStroke(KeyType.Backspace);
            case "delete" -> new KeyStroke(KeyType.Delete);
            case "space" -> new KeyStroke(' ', false, false);
            default -> {
                if (name.startsWith("ctrl-") && name.length() == 6) yield new KeyStroke(name.charAt(5), true, false);
                if (name.length() == 1) yield new KeyStroke(name.charAt(0), false, false);
                throw new IllegalArgumentException("no key named " + name);
            }
        };
    }
}
