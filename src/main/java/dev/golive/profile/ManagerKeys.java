package dev.golive.profile;

import java.util.Set;

/** The [Manager] settings a profile may set, which are all golive writes into system.conf.d. */
public final class ManagerKeys {
    private ManagerKeys() { }

    public static Set<String> names() { return Set.copyOf(Schema.MANAGER.keySet()); }
}
