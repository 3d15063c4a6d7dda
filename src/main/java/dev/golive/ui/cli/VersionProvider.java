package dev.golive.ui.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override public String[] getVersion() {
        return new String[] {dev.golive.app.Session.goliveVersion()};
    }
}
