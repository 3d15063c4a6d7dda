package dev.golive.e2e;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file names in its constant pool: its class entries, and the types in
 * its descriptors and signatures (fields, methods, annotations such as Jackson's
 * {@code @JsonDeserialize(using = ...)}). Enough to tell which classes of a jar some path
 * from golive's own classes can reach, without a bytecode library.
 */
final class ClassRefs {
    private ClassRefs() { }

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+)[;<]");

    /** The internal names (a/b/C) referenced by the class file in {@code in}. */
    static Set<String> of(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        d.readUnsignedShort();
        d.readUnsignedShort();
        int count = d.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classIndexes = new HashSet<>();
        for (int i = 1; i < count; i++) {
            int tag = d.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = d.readUTF();
                case 7 -> classIndexes.add(d.readUnsignedShort());
                case 8, 16, 19, 20 -> d.readUnsignedShort();
                case 15 -> { d.readUnsignedByte(); d.readUnsignedShort(); }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> d.readInt();
                case 5, 6 -> { d.readLong(); i++; }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        Set<String> out = new HashSet<>();
        for (int i : classIndexes) {
            String n = utf8[i];
            if (n == null) continue;
            Matcher arr = TYPE_IN_DESCRIPTOR.matcher(n);
            if (n.startsWith("[")) {
                while (arr.find()) out.add(arr.group(1));
            } else {
                out.add(n);
            }
        }
        for (String s : utf8) {
            if (s == null || s.indexOf('L') < 0 || s.indexOf(';') < 0) continue;
            Matcher m = TYPE_IN_DESCRIPTOR.matcher(s);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    /** The classes of {@code graph} (name to references) reachable from {@code roots}. */
    static Set<String> reachable(Map<String, Set<String>> graph, Set<String> roots) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!graph.containsKey(c) || !seen.add(c)) continue;
            todo.addAll(graph.get(c));
        }
        return seen;
    }
}
